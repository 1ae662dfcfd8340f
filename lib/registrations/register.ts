// Signing up for a trip. The seat is decided inside one transaction that first locks the trip's
// row: every signup for a trip waits its turn there, so the count of confirmed seats it reads is
// final, the last seat cannot be sold twice, and two signups with one e-mail cannot both pass the
// duplicate check. (READ COMMITTED is enough: each statement after the lock sees all earlier
// signups, committed before the lock was released.) The e-mail it causes is written to the
// outbox in the same transaction, after one of the inbox's daily allowance is taken (lib/rate-limits:
// takeInboxAllowance); when the inbox has had its ceiling the signup is refused whole, nothing
// stored, and the form keeps what was typed.
import { db } from '../db'
import { takeInboxAllowance } from '../rate-limits'
import type { RegistrationStatus } from '../generated/prisma/enums'
import { registrationState, type RegistrationState, type TripLife } from '../trips/life-cycle'
import { createLink, queueRegistrationEmail } from './notifications'
import { waitlistPositionOf } from './waitlist'
import type { SignupInput } from './schema'

export type RegisterResult =
  | { kind: 'registered'; registrationId: number; status: RegistrationStatus; waitlistPosition: number | null; token: string }
  | { kind: 'already-registered'; registrationId: number; token: string }
  | { kind: 'closed'; reason: Exclude<RegistrationState, { open: true }>['reason'] }
  | { kind: 'trip-not-found' }
  | { kind: 'stop-gone' }
  | { kind: 'inbox-limited'; retryAfterSeconds: number }

type LockedTrip = TripLife & { id: number; seats: number }

export async function registerParticipant(
  tripId: number,
  input: SignupInput,
  now: Date = new Date(),
): Promise<RegisterResult> {
  return db().$transaction(
    async (tx) => {
      const [trip] = await tx.$queryRaw<LockedTrip[]>`
        SELECT id, seats, year, "publishedAt", "registrationOpen", "registrationClosed", "registrationOpensAt",
          "registrationDeadline", "startDate", "endDate"
        FROM "Trip" WHERE id = ${tripId} FOR UPDATE`
      if (!trip) return { kind: 'trip-not-found' } as const

      const state = registrationState(trip, now)
      if (!state.open) return { kind: 'closed', reason: state.reason } as const

      const existing = await tx.registration.findFirst({
        where: { tripId, email: input.email, status: { in: ['CONFIRMED', 'WAITLISTED'] } },
        select: { id: true },
      })
      if (existing) {
        // The link goes by e-mail only (how often is capped by the per-e-mail signup limit and the
        // inbox's ceiling, lib/rate-limits, so a repeated form cannot flood an inbox); the person
        // is answered kindly.
        const allowance = await takeInboxAllowance(tx, input.email)
        if (!allowance.ok) return { kind: 'inbox-limited', retryAfterSeconds: allowance.retryAfterSeconds } as const
        const token = await createLink(tx, existing.id)
        await queueRegistrationEmail(tx, existing.id, 'link-again', { token })
        return { kind: 'already-registered', registrationId: existing.id, token } as const
      }

      if (input.boardingStopId !== null) {
        // Removed by the organisers since the form was read: ask again rather than fail.
        const stop = await tx.boardingStop.findFirst({ where: { id: input.boardingStopId, tripId } })
        if (!stop) return { kind: 'stop-gone' } as const
      }

      // Before anything is stored: a signup whose confirmation cannot be sent is not made.
      const allowance = await takeInboxAllowance(tx, input.email)
      if (!allowance.ok) return { kind: 'inbox-limited', retryAfterSeconds: allowance.retryAfterSeconds } as const

      const confirmed = await tx.registration.count({ where: { tripId, status: 'CONFIRMED' } })
      const status: RegistrationStatus = confirmed < trip.seats ? 'CONFIRMED' : 'WAITLISTED'
      const registration = await tx.registration.create({
        data: { ...input, tripId, status, privacyAcceptedAt: now },
        select: { id: true },
      })
      const token = await createLink(tx, registration.id)
      await queueRegistrationEmail(tx, registration.id, status === 'CONFIRMED' ? 'confirmed' : 'waitlisted', { token })
      const waitlistPosition = await waitlistPositionOf({ id: registration.id, tripId, status }, tx)
      return { kind: 'registered', registrationId: registration.id, status, waitlistPosition, token } as const
    },
    // Under a burst of signups for one trip they queue on the lock; let them wait rather than fail.
    { maxWait: 60_000, timeout: 60_000 },
  )
}
