// Start-up steps that must not run twice at once across processes (migrations, creating the job
// queue's tables and schedules) take turns on a PostgreSQL advisory lock held by a connection of
// their own. pg_advisory_lock waits as long as it takes, unlike Prisma's migration lock, which
// gives up after about 10 s: a second instance or `npm run db:migrate` waits for a long
// migration instead of failing. The lock goes with the connection, so a killed holder frees it.
import pg from 'pg'
import { log } from '../log'

/** The keys in use (any constants will do; seeding takes 4242001 inside its own transaction). */
export const LOCKS = { migrate: 4242002, queue: 4242003 } as const

export async function withAdvisoryLock<T>(
  databaseUrl: string,
  key: number,
  work: () => Promise<T>,
  { name = String(key) }: { name?: string } = {},
): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl })
  // Without a listener an error on this idle connection (the server restarting) would end the process.
  client.on('error', (err) => log.warn('db.lock_connection_error', { lock: name, message: err.message }))
  await client.connect()
  try {
    const free = (await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [key])).rows[0]!.ok
    if (!free) {
      log.info('db.lock_wait', { lock: name })
      await client.query('SELECT pg_advisory_lock($1)', [key])
      log.info('db.lock_acquired', { lock: name })
    }
    try {
      return await work()
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => {})
    }
  } finally {
    await client.end().catch(() => {})
  }
}
