// Several instances and workers started at the same moment on an empty database all come up:
// migrations, seed, the job queue's tables and its schedules take turns (lib/db/advisory-lock.ts).
// Before, one of three often failed with "deadlock detected" while pg-boss created its queues.
// Each round is a fresh database and PROCESSES start-ups at once (tests/support/start-up-child.ts).
import pg from 'pg'
import { expect, it } from 'vitest'
import fs from 'node:fs'
import { JOBS } from '../../lib/jobs/queue'
import { hostCities, trips } from '../../lib/seed/initial-content'
import { freshDatabase } from '../support/fresh-database'
import { runScript } from '../support/spawn-script'

const ROUNDS = 3
const PROCESSES = 4

it(`${PROCESSES} start-ups at once on an empty database, ${ROUNDS} times: all come up, each migration and the seed once`, { timeout: 600_000 }, async () => {
  const migrations = fs.readdirSync('prisma/migrations', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
  const failures: string[] = []
  for (let round = 1; round <= ROUNDS; round++) {
    const database = await freshDatabase('start_up')
    try {
      const results = await Promise.all(
        Array.from({ length: PROCESSES }, () =>
          runScript('tests/support/start-up-child.ts', [], { DATABASE_URL: database.url, DATA_DIR: fs.mkdtempSync('/tmp/mjb-start-') }),
        ),
      )
      for (const r of results) if (r.code !== 0) failures.push(`round ${round}: ${r.stdout.trim()} ${r.stderr.trim()}`.slice(0, 500))
      expect(failures).toEqual([])
      // Each migration was applied by exactly one of them; the others found nothing to do.
      const applied = results.flatMap((r) => JSON.parse(r.stdout.match(/^ok (.*)$/m)?.[1] ?? '{"applied":[]}').applied as string[])
      expect(applied.sort()).toEqual(migrations)

      const client = new pg.Client({ connectionString: database.url })
      await client.connect()
      try {
        const count = async (sql: string) => (await client.query<{ n: number }>(sql)).rows[0]!.n
        expect(await count('SELECT count(*)::int AS n FROM _prisma_migrations')).toBe(migrations.length)
        expect(await count('SELECT count(*)::int AS n FROM "Trip"')).toBe(trips.length)
        expect(await count('SELECT count(*)::int AS n FROM "HostCity"')).toBe(hostCities.length)
        expect(await count('SELECT count(*)::int AS n FROM "SiteSettings"')).toBe(1)
        expect(await count(`SELECT count(*)::int AS n FROM pgboss.queue WHERE name = ANY('{${Object.values(JOBS).join(',')}}')`)).toBe(Object.values(JOBS).length)
        expect(await count('SELECT count(*)::int AS n FROM pgboss.schedule')).toBe(4)
      } finally {
        await client.end()
      }
    } finally {
      await database.stop()
    }
  }
})
