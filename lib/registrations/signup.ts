// Signing up for a trip, the whole act: the form (submitSignup: drop bots, read the form against
// the trip's choices, check the rate limits) and the seat (registerParticipant). The server
// action is a thin shell over submitSignup.
//
// The seat is decided inside one transaction that first locks the trip's row (../trips/lock.ts):
// every signup for a trip waits its turn there, so the count of confirmed seats it reads is
// final, the last seat cannot be sold twice, and two signups with one e-mail cannot both pass the
// duplicate check. The e-mail it causes is written to the outbox in the same transaction, after
// one of the inbox's daily allowance is taken (lib/rate-limits: takeInboxAllowance); when the
// inbox has had its ceiling the signup is refused whole, nothing stored, and the form keeps what
// was typed.
import { isHoneypotFilled } from '../forms/form-state'
import { db, QUEUED_TRANSACTION } from '../db'
import type { RegistrationStatus } from '../generated/prisma/enums'
import { log } from '../log'
import { consumeLimit, takeInboxAllowance, type LimitedBy, type Requester } from '../rate-limits'
import { confirmedCount, signupStatus } from '../trips/availability'
import { registrationState, type RegistrationState } from '../trips/life-cycle'
import { lockTrip } from '../trips/lock'
import { getSignupTrip } from '../trips/queries'
import { createLink, queueRegistrationEmail } from './notifications'
import { parseSignup, type SignupField, type SignupInput, type SignupValues } from './schema'
import { waitlistPositionOf } from './waitlist'

export type SignupOutcome =
  | { kind: 'invalid'; values: SignupValues; fieldErrors: Partial<Record<SignupField, string>> }
  | { kind: 'registered'; token: string }
  | { kind: 'already-registered'; email: string }
  | { kind: 'closed'; reason: Extract<RegisterResult, { kind: 'closed' }>['reason'] }
  | { kind: 'trip-not-found' }
  | { kind: 'dropped' }
  | { kind: 'rate-limited'; values: SignupValues; by: LimitedBy; retryAfterSeconds: number }

/**
 * `client.address`: the client's address (lib/auth/client-address.ts); without it (scripts,
 * tests) only the per-e-mail limit applies.
 */
export async function submitSignup(slug: string, raw: Record<string, unknown>, client: Pick<Requester, 'address'> = {}): Promise<SignupOutcome> {
  // The slug is bound into the form by the page but comes back from the browser: check it.
  if (typeof slug !== 'string') return { kind: 'trip-not-found' }
  if (isHoneypotFilled(raw)) {
    log.info('signup.honeypot', { slug })
    return { kind: 'dropped' }
  }
  const trip = await getSignupTrip(slug)
  if (!trip) return { kind: 'trip-not-found' }

  const parsed = parseSignup(raw, {
    hasOvernight: trip.hasOvernight,
    boardingStopIds: trip.boardingStops.map((s) => s.id),
  })
  if (!parsed.ok) return { kind: 'invalid', values: parsed.values, fieldErrors: parsed.fieldErrors }

  // Counted only once the form is valid: a form sent back for typos costs nothing, so fixing it
  // never runs into a limit, and a mistyped address is never counted as the right one.
  const limit = await consumeLimit('signup', { address: client.address, email: parsed.data.email })
  if (!limit.ok) {
    log.info('signup.rate_limited', { tripId: trip.id, by: limit.by })
    return { kind: 'rate-limited', values: parsed.values, by: limit.by, retryAfterSeconds: limit.retryAfterSeconds }
  }

  const result = await registerParticipant(trip.id, parsed.data)
  switch (result.kind) {
    case 'registered':
      log.info('signup.registered', { tripId: trip.id, registrationId: result.registrationId, status: result.status })
      return { kind: 'registered', token: result.token }
    case 'already-registered':
      log.info('signup.duplicate', { tripId: trip.id, registrationId: result.registrationId })
      return { kind: 'already-registered', email: parsed.data.email }
    case 'inbox-limited':
      log.info('signup.inbox_limited', { tripId: trip.id })
      return { kind: 'rate-limited', values: parsed.values, by: 'inbox', retryAfterSeconds: result.retryAfterSeconds }
    case 'stop-gone':
      return {
        kind: 'invalid',
        values: parsed.values,
        fieldErrors: { boardingStopId: 'Påstigningsplatsen finns inte längre. Välj en annan.' },
      }
    default:
      return result
  }
}

export type RegisterResult =
  | { kind: 'registered'; registrationId: number; status: RegistrationStatus; waitlistPosition: number | null; token: string }
  | { kind: 'already-registered'; registrationId: number; token: string }
  | { kind: 'closed'; reason: Exclude<RegistrationState, { open: true }>['reason'] }
  | { kind: 'trip-not-found' }
  | { kind: 'stop-gone' }
  | { kind: 'inbox-limited'; retryAfterSeconds: number }

/** The seat, decided under the trip's lock (see the top of this file). `input` is read already. */
export async function registerParticipant(
  tripId: number,
  input: SignupInput,
  now: Date = new Date(),
): Promise<RegisterResult> {
  return db().$transaction(
    async (tx) => {
      const trip = await lockTrip(tx, { id: tripId })
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

      const status = signupStatus(trip.seats, await confirmedCount(tx, tripId))
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
    QUEUED_TRANSACTION,
  )
}
