// The job queue: pg-boss, on the same PostgreSQL as everything else, so jobs are as durable as
// the data and several app instances and workers share one queue safely (jobs are fetched with
// SKIP LOCKED: each goes to one worker). pg-boss 10 is the newest release that runs on Node 20.
import PgBoss from 'pg-boss'
import { LOCKS, withAdvisoryLock } from '../db/advisory-lock'
import { env } from '../env'
import { log } from '../log'

export const JOBS = {
  deliverEmail: 'email.deliver',
  sendReminders: 'reminders.send',
  sweepOutbox: 'outbox.sweep',
  runRetention: 'privacy.retention',
  interestList: 'interest.run',
} as const

export type DeliverEmailJob = { messageId: number }

const globalForBoss = globalThis as unknown as { boss?: Promise<PgBoss>; started?: PgBoss }

/** The process's pg-boss, started (its schema created or migrated on first use). */
export function queue(): Promise<PgBoss> {
  globalForBoss.boss ??= (async () => {
    const { DATABASE_URL, QUEUE_POOL_SIZE } = env()
    if (!DATABASE_URL) throw new Error('DATABASE_URL saknas')
    const boss = new PgBoss({ connectionString: DATABASE_URL, max: QUEUE_POOL_SIZE })
    boss.on('error', (err) => log.error('queue.error', { message: err.message }))
    // Instances starting together on an empty database take turns: pg-boss creating its schema
    // and each queue's partition in several processes at once failed with "deadlock detected"
    // (tests/integration/concurrent-start-up.test.ts).
    await withAdvisoryLock(
      DATABASE_URL,
      LOCKS.queue,
      async () => {
        await boss.start()
        // SMTP failures are retried by the outbox itself (capped backoff, lib/email/outbox.ts);
        // pg-boss's retries cover the rest, such as the database being away mid-job.
        await boss.createQueue(JOBS.deliverEmail, { name: JOBS.deliverEmail, retryLimit: 5, retryDelay: 10, retryBackoff: true })
        await boss.createQueue(JOBS.sendReminders, { name: JOBS.sendReminders, retryLimit: 3, retryDelay: 60 })
        await boss.createQueue(JOBS.sweepOutbox, { name: JOBS.sweepOutbox, retryLimit: 1, retryDelay: 60 })
        await boss.createQueue(JOBS.interestList, { name: JOBS.interestList, retryLimit: 3, retryDelay: 60 })
        await boss.createQueue(JOBS.runRetention, { name: JOBS.runRetention, retryLimit: 3, retryDelay: 600 })
      },
      { name: 'queue' },
    )
    globalForBoss.started = boss
    return boss
  })()
  return globalForBoss.boss
}

/**
 * The queue, which must already be started: jobs are queued inside database transactions, and
 * starting pg-boss there would wait on its own connection while the transaction holds the only
 * session of the embedded database. The app starts it in instrumentation.ts, scripts and tests
 * with `await queue()`.
 */
export function startedQueue(): PgBoss {
  if (!globalForBoss.started) throw new Error('the job queue is not started: call `await queue()` first')
  return globalForBoss.started
}

/** Runs `work` (such as scheduling) while no other process is setting the queue up. */
export async function whileQueueLocked<T>(work: () => Promise<T>): Promise<T> {
  return withAdvisoryLock(env().DATABASE_URL!, LOCKS.queue, work, { name: 'queue' })
}

export async function stopQueue() {
  const boss = await globalForBoss.boss
  globalForBoss.boss = undefined
  globalForBoss.started = undefined
  await boss?.stop({ graceful: true, wait: true, timeout: 10_000 })
}
