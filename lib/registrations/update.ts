// A participant changing their answers from their personal link, until the trip's change
// deadline. The form is the signup form and is read by the same schema; the e-mail check runs
// under the trip's lock (as in register.ts), so two registrations of one trip never end up with
// one address. The 'changed' e-mail is written to the outbox in the same transaction.
import { db } from '../db'
import { answersChangeable } from '../trips/life-cycle'
import { hashLinkToken, isWellFormedToken } from './links'
import { queueRegistrationEmail } from './notifications'
import { parseSignup, readSignupValues, type SignupField, type SignupValues } from './schema'

export const EMAIL_TAKEN = 'Den här e-postadressen är redan anmäld till resan.'

export type UpdateResult =
  | { kind: 'invalid'; values: SignupValues; fieldErrors: Partial<Record<SignupField, string>> }
  | { kind: 'updated' }
  | { kind: 'locked' }
  | { kind: 'not-found' }
  | { kind: 'cancelled' }

/** Whether answers may still be changed: the trip's life cycle decides (lib/trips/life-cycle.ts). */
export function changesAllowed(
  trip: { changesAllowedUntil: Date | null; startDate: Date | null },
  now: Date = new Date(),
): boolean {
  return answersChangeable(trip, now)
}

export async function updateRegistration(
  token: string,
  raw: Record<string, unknown>,
  now: Date = new Date(),
): Promise<UpdateResult> {
  if (!isWellFormedToken(token)) return { kind: 'not-found' }
  const link = await db().registrationLink.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: {
      registration: {
        select: {
          id: true,
          status: true,
          trip: {
            select: {
              id: true,
              hasOvernight: true,
              changesAllowedUntil: true,
              startDate: true,
              boardingStops: { select: { id: true }, orderBy: { position: 'asc' } },
            },
          },
        },
      },
    },
  })
  if (!link) return { kind: 'not-found' }
  const { registration } = link
  const { trip } = registration
  if (registration.status === 'CANCELLED') return { kind: 'cancelled' }
  if (!changesAllowed(trip, now)) return { kind: 'locked' }

  const parsed = parseSignup(raw, { hasOvernight: trip.hasOvernight, boardingStopIds: trip.boardingStops.map((s) => s.id) })
  if (!parsed.ok) return { kind: 'invalid', values: parsed.values, fieldErrors: parsed.fieldErrors }
  const input = parsed.data

  return db().$transaction(
    async (tx) => {
      const [locked] = await tx.$queryRaw<{ changesAllowedUntil: Date | null; startDate: Date | null }[]>`
        SELECT "changesAllowedUntil", "startDate" FROM "Trip" WHERE id = ${trip.id} FOR UPDATE`
      if (!locked) return { kind: 'not-found' } as const
      if (!changesAllowed(locked, now)) return { kind: 'locked' } as const
      const current = await tx.registration.findUnique({ where: { id: registration.id }, select: { status: true } })
      if (!current) return { kind: 'not-found' } as const
      if (current.status === 'CANCELLED') return { kind: 'cancelled' } as const

      const taken = await tx.registration.findFirst({
        where: { tripId: trip.id, email: input.email, status: { in: ['CONFIRMED', 'WAITLISTED'] }, id: { not: registration.id } },
        select: { id: true },
      })
      if (taken) return { kind: 'invalid', values: readSignupValues(raw), fieldErrors: { email: EMAIL_TAKEN } } as const

      await tx.registration.update({ where: { id: registration.id }, data: input })
      await queueRegistrationEmail(tx, registration.id, 'changed')
      return { kind: 'updated' } as const
    },
    { maxWait: 60_000, timeout: 60_000 },
  )
}
