// The whole signup as the form sees it: drop bots, read the form against the trip's choices,
// register, and tell the person by e-mail. The server action is a thin shell over this.
import { env } from '../env'
import { log } from '../log'
import { db } from '../db'
import { registrationEmail } from '../email/registration-emails'
import { sendEmail } from '../email/transport'
import { getSiteSettings } from '../settings/site-settings'
import { getSignupTrip } from '../trips/queries'
import type { RegistrationStatus } from '../generated/prisma/enums'
import { registerParticipant, type RegisterResult } from './register'
import { parseSignup, type SignupField, type SignupValues } from './schema'

/** The hidden field that people never see and bots fill in. */
export const HONEYPOT_FIELD = 'webbplats'

export type SignupOutcome =
  | { kind: 'invalid'; values: SignupValues; fieldErrors: Partial<Record<SignupField, string>> }
  | { kind: 'registered'; token: string }
  | { kind: 'already-registered'; email: string }
  | { kind: 'closed'; reason: Extract<RegisterResult, { kind: 'closed' }>['reason'] }
  | { kind: 'trip-not-found' }
  | { kind: 'dropped' }

export function manageUrl(token: string): string {
  return `${env().publicUrl}/anmalan/${token}`
}

export async function submitSignup(slug: string, raw: Record<string, unknown>): Promise<SignupOutcome> {
  if (typeof raw[HONEYPOT_FIELD] === 'string' && raw[HONEYPOT_FIELD] !== '') {
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

  const result = await registerParticipant(trip.id, parsed.data)
  switch (result.kind) {
    case 'registered':
      log.info('signup.registered', { tripId: trip.id, registrationId: result.registrationId, status: result.status })
      await notify(result.registrationId, result.token, result.status === 'CONFIRMED' ? 'confirmed' : 'waitlisted')
      return { kind: 'registered', token: result.token }
    case 'already-registered':
      log.info('signup.duplicate', { tripId: trip.id, registrationId: result.registrationId })
      await notify(result.registrationId, result.token, 'link-again')
      return { kind: 'already-registered', email: parsed.data.email }
    default:
      return result
  }
}

/**
 * Sends the e-mail for a registration. A failure is logged and does not undo the signup, which
 * is already committed.
 */
async function notify(registrationId: number, token: string, kind: 'confirmed' | 'waitlisted' | 'link-again') {
  try {
    const [registration, contact] = await Promise.all([
      db().registration.findUniqueOrThrow({
        where: { id: registrationId },
        include: { trip: { include: { hostCities: { orderBy: { position: 'asc' }, include: { hostCity: true } } } } },
      }),
      getSiteSettings(),
    ])
    const waitlistPosition = await waitlistPositionOf(registration.tripId, registration.id, registration.status)
    await sendEmail(
      registrationEmail({
        kind,
        to: registration.email,
        firstName: registration.firstName,
        status: registration.status,
        waitlistPosition,
        manageUrl: manageUrl(token),
        trip: { ...registration.trip, hostCityNames: registration.trip.hostCities.map((h) => h.hostCity.name) },
        contact,
      }),
    )
  } catch (err) {
    // The error's text can hold the address; log only its codes.
    const { code, responseCode } = err as { code?: string; responseCode?: number }
    log.error('mail.failed', { registrationId, kind, code, responseCode })
  }
}

export async function waitlistPositionOf(tripId: number, registrationId: number, status: RegistrationStatus) {
  if (status !== 'WAITLISTED') return null
  return db().registration.count({ where: { tripId, status: 'WAITLISTED', id: { lte: registrationId } } })
}
