// The state a load balancer (or a person on call) asks for at GET /api/health: does the database
// answer, and how fast; is e-mail flowing (how many messages wait, are being sent, have failed,
// and how long the oldest has waited). Counts only: no addresses, no subjects.
import type { PrismaClient } from './generated/prisma/client'
import { db } from './db'
import { log } from './log'

export type Health =
  | {
      status: 'ok'
      database: { ok: true; latencyMs: number }
      outbox: { queued: number; sending: number; failed: number; oldestQueuedSeconds: number }
    }
  | { status: 'error'; database: { ok: false; latencyMs: null }; outbox: null }

/** Long enough for a busy database, short enough that a load balancer's check (often 5 s) gets an answer. */
export const HEALTH_TIMEOUT_MS = 2000

class Timeout extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  // A query that outlives the check still settles later: its rejection must not go unhandled.
  work.catch(() => {})
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout()), ms)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}

type OutboxRow = { queued: number; sending: number; failed: number; oldest_queued_seconds: number | null }

export async function checkHealth(opts: { prisma?: PrismaClient; timeoutMs?: number } = {}): Promise<Health> {
  const timeoutMs = opts.timeoutMs ?? HEALTH_TIMEOUT_MS
  const started = performance.now()
  try {
    return await withTimeout(
      (async (): Promise<Health> => {
        const prisma = opts.prisma ?? db()
        await prisma.$queryRaw`SELECT 1`
        const latencyMs = Math.round(performance.now() - started)
        // Served by the (status, createdAt) index; SENT rows, the bulk of the table, are not read.
        const [row] = await prisma.$queryRaw<OutboxRow[]>`
          SELECT count(*) FILTER (WHERE status = 'QUEUED')::int AS queued,
                 count(*) FILTER (WHERE status = 'SENDING')::int AS sending,
                 count(*) FILTER (WHERE status = 'FAILED')::int AS failed,
                 floor(extract(epoch FROM now() - min("createdAt") FILTER (WHERE status = 'QUEUED')))::int AS oldest_queued_seconds
          FROM "OutboxMessage"
          WHERE status IN ('QUEUED', 'SENDING', 'FAILED')`
        return {
          status: 'ok',
          database: { ok: true, latencyMs },
          outbox: {
            queued: row?.queued ?? 0,
            sending: row?.sending ?? 0,
            failed: row?.failed ?? 0,
            // 0 when nothing waits, so that a monitor can compare it with a limit without a special case.
            oldestQueuedSeconds: Math.max(0, row?.oldest_queued_seconds ?? 0),
          },
        }
      })(),
      timeoutMs,
    )
  } catch (err) {
    log.warn('health.database-unavailable', { reason: err instanceof Timeout ? 'timeout' : 'error', timeoutMs })
    return { status: 'error', database: { ok: false, latencyMs: null }, outbox: null }
  }
}

/** How long one answer to "does the database answer?" stands, per process. */
export const DATABASE_PROBE_TTL_MS = 1000
const PROBE_TIMEOUT_MS = 1500

const globalForProbe = globalThis as unknown as { databaseProbe?: { until: number; answer: Promise<boolean> } }

/**
 * Whether the database is there, asked at most once a second per process: proxy.ts asks before
 * work that needs the database, so that during an outage a person gets a Swedish "try again"
 * page (503) instead of Next.js's bare 500. Callers within the same second share one probe.
 */
export function databaseAnswers(now = Date.now()): Promise<boolean> {
  const cached = globalForProbe.databaseProbe
  if (cached && now < cached.until) return cached.answer
  // Only a failure counts: a refused or dropped connection. A probe that merely waits (the pool's
  // connections all busy in a burst of signups) says the database is there, only busy, and the
  // request goes ahead to wait its turn like the others.
  const answer = withTimeout(db().$queryRaw`SELECT 1`, PROBE_TIMEOUT_MS).then(
    () => true,
    (err: unknown) => err instanceof Timeout,
  )
  globalForProbe.databaseProbe = { until: now + DATABASE_PROBE_TTL_MS, answer }
  return answer
}
