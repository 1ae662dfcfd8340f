// `npm run db:migrate` while another process is in the middle of a long migration waits for it,
// however long, and then finds its work done or does it; it no longer gives up after Prisma's
// 10-second lock timeout (which made instances crash-loop during a long migration).
import fs from 'node:fs'
import pg from 'pg'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { LOCKS } from '../../lib/db/advisory-lock'
import { freshDatabase } from '../support/fresh-database'
import { startScript } from '../support/spawn-script'
import type { TestDatabase } from '../support/test-database'

// The advisory lock Prisma's schema engine takes while it migrates (its own, with a 10 s timeout).
const PRISMA_MIGRATE_LOCK = 72707369

let database: TestDatabase
beforeAll(async () => {
  database = await freshDatabase('migrate_wait')
})
afterAll(async () => {
  await database?.stop()
})

it('waits while another migration holds the locks, then applies every migration once', async () => {
  // Another instance, mid-migration: it holds our lock and, inside it, the engine's.
  const other = new pg.Client({ connectionString: database.url })
  await other.connect()
  await other.query('SELECT pg_advisory_lock($1), pg_advisory_lock($2)', [LOCKS.migrate, PRISMA_MIGRATE_LOCK])
  const { child, done } = startScript('scripts/migrate.ts', ['deploy'], { DATABASE_URL: database.url })
  try {
    // Three times Prisma's lock timeout. (The old db:migrate, on the engine's lock alone, waited
    // this out and then failed with "Timed out trying to acquire a postgres advisory lock".)
    await new Promise((r) => setTimeout(r, 30_000))
    expect(child.exitCode, 'db:migrate ended while the other migration was still running').toBeNull()
  } finally {
    await other.query('SELECT pg_advisory_unlock_all()')
    await other.end()
  }
  const result = await done
  expect(result.code, result.stderr).toBe(0)
  const folders = fs.readdirSync('prisma/migrations', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)
  expect(result.stdout).toContain(folders.at(-1))

  const check = new pg.Client({ connectionString: database.url })
  await check.connect()
  try {
    const { rows } = await check.query<{ migration_name: string; n: number }>(
      'SELECT migration_name, count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL GROUP BY migration_name ORDER BY 1',
    )
    expect(rows).toEqual(folders.sort().map((migration_name) => ({ migration_name, n: 1 })))
  } finally {
    await check.end()
  }
})
