// What the organisers read of registrations one at a time: one registration with its history, for
// its detail page, and the confirmed participants by boarding stop, for the check-in list. What
// they change is lib/registrations/organiser-changes.ts.
import { db } from '../db'
import type { RegistrationStatus } from '../generated/prisma/enums'
import { firstWaiting } from '../registrations/cancel'
import { registrationTripFields } from '../registrations/manage'
import { waitlistPositionOf } from '../registrations/waitlist'
import { confirmedCount, hasFreeSeat } from '../trips/availability'

/** One registration of a trip as the detail page shows it, or null (also when of another trip). */
export async function getAdminRegistration(slug: string, registrationId: number) {
  if (!Number.isSafeInteger(registrationId) || registrationId <= 0) return null
  const registration = await db().registration.findUnique({
    where: { id: registrationId },
    include: {
      trip: { select: registrationTripFields },
      boardingStop: true,
    },
  })
  if (!registration || registration.trip.slug !== slug) return null
  const [waitlistPosition, confirmed, audit] = await Promise.all([
    waitlistPositionOf(registration),
    confirmedCount(db(), registration.tripId),
    db().auditEntry.findMany({
      where: { entityType: 'registration', entityId: String(registration.id) },
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      take: 200,
    }),
  ])
  return { ...registration, waitlistPosition, seatFree: hasFreeSeat(registration.trip.seats, confirmed), audit }
}

export type CancellationOutcome =
  | { kind: 'leaves-waiting-list' }
  | { kind: 'seat-to'; person: { firstName: string; lastName: string; organisation: string } }
  | { kind: 'seat-left-free' }
  | { kind: 'overbooked' }

/**
 * What cancelling the registration now would do with its seat, for the organiser's confirmation
 * step: the rule promoteFirstWaiting applies under the trip's lock (a seat freed while the trip is
 * not overbooked goes to the first on the waiting list), read without the lock, so it can differ
 * if someone signs up or cancels in between.
 */
export async function cancellationOutcome(registration: {
  tripId: number
  status: RegistrationStatus
  trip: { seats: number }
}): Promise<CancellationOutcome> {
  if (registration.status !== 'CONFIRMED') return { kind: 'leaves-waiting-list' }
  const confirmedAfter = (await confirmedCount(db(), registration.tripId)) - 1
  if (!hasFreeSeat(registration.trip.seats, confirmedAfter)) return { kind: 'overbooked' }
  const next = await firstWaiting(db(), registration.tripId)
  return next ? { kind: 'seat-to', person: next } : { kind: 'seat-left-free' }
}

/** The confirmed participants of a trip by boarding stop (in the stops' order), for check-in. */
export async function checkInList(tripId: number) {
  const rows = await db().registration.findMany({
    where: { tripId, status: 'CONFIRMED' },
    orderBy: [{ boardingStop: { position: 'asc' } }, { lastName: 'asc' }, { firstName: 'asc' }, { id: 'asc' }],
    select: { id: true, firstName: true, lastName: true, organisation: true, checkedInAt: true, boardingStop: { select: { id: true, name: true } } },
  })
  const groups: { stop: string; rows: typeof rows }[] = []
  for (const row of rows) {
    const stop = row.boardingStop?.name ?? 'Ingen påstigningsplats vald'
    const last = groups.at(-1)
    if (last && last.stop === stop) last.rows.push(row)
    else groups.push({ stop, rows: [row] })
  }
  return { groups, total: rows.length, checkedIn: rows.filter((r) => r.checkedInAt).length }
}
