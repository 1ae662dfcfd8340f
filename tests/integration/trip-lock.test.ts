// The one trip lock (lib/trips/lock.ts): it refuses the shared client (a FOR UPDATE outside a
// transaction would end with its statement and protect nothing), finds the trip by each kind of
// key, and holds the row: a second transaction's lockTrip waits until the first one ends.
import { describe, expect, it } from 'vitest'
import { db, QUEUED_TRANSACTION } from '../../lib/db'
import { hashLinkToken, newLinkToken } from '../../lib/registrations/links'
import { createLink } from '../../lib/registrations/notifications'
import { parseSignup } from '../../lib/registrations/schema'
import { registerParticipant } from '../../lib/registrations/signup'
import { lockTrip, NotInTransactionError } from '../../lib/trips/lock'
import { createTestTrip, signupValues } from '../support/factories'

async function tripWithRegistration() {
  const trip = await createTestTrip(db(), { seats: 7 })
  const parsed = parseSignup(signupValues(), { hasOvernight: trip.hasOvernight, boardingStopIds: [] })
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors))
  const result = await registerParticipant(trip.id, parsed.data)
  if (result.kind !== 'registered') throw new Error(result.kind)
  return { trip, registration: { id: result.registrationId } }
}

describe('lockTrip', () => {
  it('refuses to run outside a transaction, before it sends anything', async () => {
    const { trip } = await tripWithRegistration()
    // @ts-expect-error the shared client is refused by the type as well
    await expect(lockTrip(db(), { id: trip.id })).rejects.toBeInstanceOf(NotInTransactionError)
    // @ts-expect-error
    await expect(lockTrip(db(), { slug: trip.slug })).rejects.toThrow(/needs a transaction/)
  })

  it('inside a transaction returns the trip by id, slug, registration, personal link and pending change of address', async () => {
    const { trip, registration } = await tripWithRegistration()
    const token = await createLink(db(), registration.id)
    const change = newLinkToken()
    await db().pendingEmailChange.create({
      data: { registrationId: registration.id, newEmail: 'ny@example.se', tokenHash: change.tokenHash, expiresAt: new Date(Date.now() + 3600_000) },
    })
    const locked = await db().$transaction(
      async (tx) => ({
        byId: await lockTrip(tx, { id: trip.id }),
        bySlug: await lockTrip(tx, { slug: trip.slug }),
        byRegistration: await lockTrip(tx, { registrationId: registration.id }),
        byLink: await lockTrip(tx, { linkTokenHash: hashLinkToken(token) }),
        byChange: await lockTrip(tx, { emailChangeTokenHash: change.tokenHash }),
        missing: await lockTrip(tx, { id: trip.id + 1000 }),
        missingLink: await lockTrip(tx, { linkTokenHash: hashLinkToken(newLinkToken().token) }),
      }),
      QUEUED_TRANSACTION,
    )
    const fields = { id: trip.id, slug: trip.slug, title: trip.title, seats: 7, hasOvernight: trip.hasOvernight, year: trip.year, startDate: trip.startDate }
    expect(locked.byId).toMatchObject(fields)
    expect(locked.bySlug).toMatchObject(fields)
    for (const through of [locked.byRegistration, locked.byLink, locked.byChange]) expect(through).toMatchObject({ ...fields, registrationId: registration.id })
    expect(locked.missing).toBeNull()
    expect(locked.missingLink).toBeNull()
  })

  it('holds the row until the transaction ends: a second lock of the trip waits for it', async () => {
    const { trip, registration } = await tripWithRegistration()
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    let firstLocked!: () => void
    const locked = new Promise<void>((resolve) => (firstLocked = resolve))
    const order: string[] = []
    const first = db().$transaction(async (tx) => {
      await lockTrip(tx, { id: trip.id })
      firstLocked()
      await held
      order.push('first ends')
    }, QUEUED_TRANSACTION)
    await locked
    const second = db().$transaction(async (tx) => {
      await lockTrip(tx, { registrationId: registration.id }) // the same trip, by another key
      order.push('second locked')
    }, QUEUED_TRANSACTION)
    // Seen waiting on a row lock by PostgreSQL itself, not by a clock.
    for (;;) {
      const [waiting] = await db().$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%FOR UPDATE OF t%'`
      if (waiting!.n > 0) break
      await new Promise((r) => setTimeout(r, 20))
    }
    expect(order).toEqual([])
    release()
    await Promise.all([first, second])
    expect(order).toEqual(['first ends', 'second locked'])
  })
})
