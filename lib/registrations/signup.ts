// The whole signup as the form sees it: drop bots, read the form against the trip's choices,
// check the rate limits, register (which queues the e-mail). The server action is a thin shell
// over this.
import { isHoneypotFilled } from '../forms/form-state'
import { log } from '../log'
import { consumeLimit, type LimitedBy, type Requester } from '../rate-limits'
import { getSignupTrip } from '../trips/queries'
import { registerParticipant, type RegisterResult } from './register'
import { parseSignup, type SignupField, type SignupValues } from './schema'

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
