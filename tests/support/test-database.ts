// The database a test run uses. TEST_DATABASE_URL names a real PostgreSQL (CI sets it); without
// it, an embedded PostgreSQL in a temporary folder. Tests never read DATABASE_URL, and refuse any
// database that is not on this machine or whose name does not say "test": they wipe it.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { startEmbeddedPostgres } from '../../lib/db/embedded'

export type TestDatabase = { url: string; stop: () => Promise<void> }

export function assertSafeTestUrl(url: string) {
  const parsed = new URL(url)
  const local = ['127.0.0.1', 'localhost', '[::1]', '::1'].includes(parsed.hostname)
  const name = parsed.pathname.slice(1)
  if (!local || !/test/i.test(name)) {
    throw new Error(
      `TEST_DATABASE_URL must point at a local database whose name contains "test" (got ${parsed.hostname}/${name}): the tests empty it.`,
    )
  }
}

/** Opens the test database, emptied: every table dropped, so migrations start from nothing. */
export async function openTestDatabase(label: string): Promise<TestDatabase> {
  const given = process.env.TEST_DATABASE_URL
  if (given) {
    assertSafeTestUrl(given)
    const client = new pg.Client({ connectionString: given })
    await client.connect()
    await client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;')
    await client.end()
    return { url: given, stop: async () => {} }
  }
  return embeddedTestDatabase(label)
}

/** An embedded PostgreSQL in a temporary folder of its own, removed when stopped. */
export async function embeddedTestDatabase(label: string): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mjolbybussen-${label}-`))
  const embedded = await startEmbeddedPostgres(dir)
  return {
    url: embedded.url,
    stop: async () => {
      await embedded.stop()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Empties every table of the app (not the migrations table), resetting ids, and the job queue. */
export async function truncateAll(url: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    // A job left from an earlier test would otherwise deliver a new message with a reused id.
    await client.query(`DO $$ BEGIN IF to_regclass('pgboss.job') IS NOT NULL THEN DELETE FROM pgboss.job; END IF; END $$`)
    const { rows } = await client.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    )
    if (rows.length) {
      await client.query(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`)
    }
  } finally {
    await client.end()
  }
}
