// One Prisma client per process, over node-postgres. DATABASE_URL always names a real PostgreSQL
// wire endpoint: a server of your own, or the embedded one that `npm start` serves on loopback.
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from './generated/prisma/client'
import { env } from './env'

export type Db = PrismaClient
/** A Prisma interactive transaction (or the client itself, where a function can take either). */
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0]
/** Only an interactive transaction's client: the shared client, which has `$connect`, does not fit. */
export type InTransaction = Tx & { $connect?: never }

export function createPrismaClient(databaseUrl: string, poolSize = 10): PrismaClient {
  return new PrismaClient({
    // The adapter sends a Date as a timestamp without its zone, which PostgreSQL reads in the
    // session's time zone: on a server set to Europe/Stockholm every instant we write or compare
    // would be an hour or two off. Sessions in UTC read them as meant (tests/integration/time-zone.test.ts).
    adapter: new PrismaPg({ connectionString: databaseUrl, max: poolSize, options: '-c TimeZone=UTC' }),
  })
}

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient }

/** The process's shared client (kept on globalThis so that dev reloads do not open new pools). */
export function db(): PrismaClient {
  if (!globalForPrisma.prisma) {
    const url = env().DATABASE_URL
    if (!url) {
      throw new Error('DATABASE_URL saknas: starta sajten med `npm start`, som startar den inbäddade databasen.')
    }
    globalForPrisma.prisma = createPrismaClient(url, env().DATABASE_POOL_SIZE)
  }
  return globalForPrisma.prisma
}

// The options of every interactive transaction that may queue on a lock (a trip's row, above all):
// under a burst of signups for one trip they wait their turn there, so let them wait rather than
// fail (Prisma's defaults are 2 s to start and 5 s to finish).
/** A transaction of one person's act: a signup, a change, a cancellation, an organiser's click. */
export const QUEUED_TRANSACTION = { maxWait: 60_000, timeout: 60_000 } as const
/** A long job's transaction: a message to everyone on a trip, retention of a whole trip. */
export const LONG_TRANSACTION = { maxWait: 60_000, timeout: 120_000 } as const

/**
 * Whether `client` is an interactive transaction's client rather than the process's shared one.
 * Prisma gives a transaction a client without `$connect`/`$disconnect` (its ITXClientDenyList);
 * the shared client always has them.
 */
export function isTransaction(client: Tx): boolean {
  return typeof (client as { $connect?: unknown }).$connect !== 'function'
}
