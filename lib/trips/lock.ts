// A trip's row lock: the one place that takes it. Every act that decides something about a trip's
// seats or its registrations (a signup, a change of answers or address, a cancellation, an
// organiser's change, deleting the trip, retention) runs in one transaction that first locks the
// trip's row with SELECT … FOR UPDATE, so acts on one trip take their turns and each reads what
// the one before it committed. (READ COMMITTED is enough: each statement after the lock sees all
// that was committed before the lock was given.) As pretix's lock_objects(), it refuses to run
// outside a transaction, where the lock would end with the statement and protect nothing.
import { Prisma } from '../generated/prisma/client'
import { isTransaction, type InTransaction } from '../db'
import type { TripLife } from './life-cycle'

/** How the trip to lock is found: itself, or through a registration, a personal link or a pending change of address. */
export type TripKey =
  | { id: number }
  | { slug: string }
  | { registrationId: number }
  /** The SHA-256 of a personal link's token (RegistrationLink.tokenHash). */
  | { linkTokenHash: string }
  /** The SHA-256 of a change-of-address confirmation token (PendingEmailChange.tokenHash). */
  | { emailChangeTokenHash: string }

/** What the lockers decide by, read with the lock (so final until the transaction ends). */
export type LockedTrip = TripLife & {
  id: number
  slug: string
  title: string
  seats: number
  hasOvernight: boolean
  isExample: boolean
  changesAllowedUntil: Date | null
}

type ThroughRegistration = { registrationId: number } | { linkTokenHash: string } | { emailChangeTokenHash: string }
/** Found through a registration, the lock also names it. */
export type Locked<K extends TripKey> = K extends ThroughRegistration ? LockedTrip & { registrationId: number } : LockedTrip

export class NotInTransactionError extends Error {
  constructor() {
    super('lockTrip needs a transaction: call it inside db().$transaction(async (tx) => …) with tx, not with db()')
    this.name = 'NotInTransactionError'
  }
}

/**
 * Locks the trip's row until the transaction `tx` ends and returns its fields, or null when there
 * is no such trip (or registration, link or pending change). Throws NotInTransactionError when
 * given the shared client instead of a transaction's (which the type refuses already).
 */
export async function lockTrip<K extends TripKey>(tx: InTransaction, key: K): Promise<Locked<K> | null> {
  if (!isTransaction(tx)) throw new NotInTransactionError()
  const [row] = await tx.$queryRaw<Locked<K>[]>`
    SELECT t.id, t.slug, t.title, t.seats, t."hasOvernight", t."isExample", t.year, t."publishedAt",
      t."registrationOpen", t."registrationClosed", t."registrationOpensAt", t."registrationDeadline",
      t."changesAllowedUntil", t."startDate", t."endDate"${source(key)}
    FOR UPDATE OF t`
  return row ?? null
}

/** The FROM and WHERE of each kind of key, the registration's id selected where there is one. */
function source(key: TripKey): Prisma.Sql {
  if ('id' in key) return Prisma.sql` FROM "Trip" t WHERE t.id = ${key.id}`
  if ('slug' in key) return Prisma.sql` FROM "Trip" t WHERE t.slug = ${key.slug}`
  if ('registrationId' in key)
    return Prisma.sql`, r.id AS "registrationId" FROM "Registration" r JOIN "Trip" t ON t.id = r."tripId" WHERE r.id = ${key.registrationId}`
  if ('linkTokenHash' in key)
    return Prisma.sql`, r.id AS "registrationId" FROM "RegistrationLink" l JOIN "Registration" r ON r.id = l."registrationId"
      JOIN "Trip" t ON t.id = r."tripId" WHERE l."tokenHash" = ${key.linkTokenHash}`
  return Prisma.sql`, r.id AS "registrationId" FROM "PendingEmailChange" p JOIN "Registration" r ON r.id = p."registrationId"
      JOIN "Trip" t ON t.id = r."tripId" WHERE p."tokenHash" = ${key.emailChangeTokenHash}`
}
