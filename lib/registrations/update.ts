// A participant changing their answers from their personal link, until the trip's change
// deadline. The form is the signup form and is read by the same schema. A save is counted
// against the limits on saves (per registration and per client address, lib/rate-limits) once
// the form is valid; then, under the trip's lock:
// - nothing changed: nothing is stored and nothing is sent;
// - the e-mail address changed: it waits for confirmation from the new inbox (email-change.ts),
//   under the rule "one active registration per e-mail per trip", checked here and again when
//   it is confirmed; the other answers of the same save are stored as usual;
// - other answers changed: they are stored and the 'changed' e-mail goes to the registration's
//   address, unless that inbox has had its daily ceiling (then the change is stored all the same
//   and the page says that no e-mail was sent).
// Each save is written to the audit log as the participant's own (PARTICIPANT_ACTOR), with the
// fields changed; a requested new address is not (it is not theirs until confirmed: see
// email-change.ts, which logs the change of address when it is).
import { changedFields, PARTICIPANT_ACTOR, recordAudit, type AuditChanges } from '../admin/audit'
import type { Tx } from '../db'
import type { Prisma } from '../generated/prisma/client'
import { db, QUEUED_TRANSACTION } from '../db'
import { log } from '../log'
import { consumeLimit, takeInboxAllowance, type LimitedBy, type Requester } from '../rate-limits'
import { requestEmailChange } from './email-change'
import { answersChangeable } from '../trips/life-cycle'
import { lockTrip } from '../trips/lock'
import { hashLinkToken, isWellFormedToken } from './links'
import { queueRegistrationEmail } from './notifications'
import { parseSignup, readSignupValues, type SignupField, type SignupValues } from './schema'

export const EMAIL_TAKEN = 'Den här e-postadressen är redan anmäld till resan.'

export type UpdateResult =
  | { kind: 'invalid'; values: SignupValues; fieldErrors: Partial<Record<SignupField, string>> }
  | { kind: 'unchanged' }
  | { kind: 'updated'; emailSent: boolean }
  | { kind: 'email-change-sent'; otherChangesSaved: boolean }
  | { kind: 'rate-limited'; values: SignupValues; by: LimitedBy; retryAfterSeconds: number }
  | { kind: 'locked' }
  | { kind: 'not-found' }
  | { kind: 'cancelled' }

/** Thrown inside the transaction to undo everything it did, and answered with its result. */
class Refused extends Error {
  constructor(readonly result: UpdateResult) {
    super(result.kind)
  }
}

/**
 * `client.address`: the client's address (lib/auth/client-address.ts); without it (scripts,
 * tests) only the per-registration limit applies.
 */
export async function updateRegistration(
  token: string,
  raw: Record<string, unknown>,
  now: Date = new Date(),
  client: Pick<Requester, 'address'> = {},
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
              title: true,
              hasOvernight: true,
              changesAllowedUntil: true,
              startDate: true,
              endDate: true,
              year: true,
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
  if (!answersChangeable(trip, now)) return { kind: 'locked' }

  const parsed = parseSignup(raw, { hasOvernight: trip.hasOvernight, boardingStopIds: trip.boardingStops.map((s) => s.id) })
  if (!parsed.ok) return { kind: 'invalid', values: parsed.values, fieldErrors: parsed.fieldErrors }
  const { email: newEmail, ...answers } = parsed.data

  const limit = await consumeLimit('save', { address: client.address, registrationId: registration.id })
  if (!limit.ok) return { kind: 'rate-limited', values: parsed.values, by: limit.by, retryAfterSeconds: limit.retryAfterSeconds }

  return db()
    .$transaction(
      async (tx): Promise<UpdateResult> => {
        const locked = await lockTrip(tx, { id: trip.id })
        if (!locked) return { kind: 'not-found' }
        if (!answersChangeable(locked, now)) return { kind: 'locked' }
        const current = await tx.registration.findUnique({ where: { id: registration.id } })
        if (!current) return { kind: 'not-found' }
        if (current.status === 'CANCELLED') return { kind: 'cancelled' }

        const changes = changedFields(current, answers)
        const changed = Object.keys(changes).length > 0
        const emailChanged = newEmail !== current.email
        if (!changed && !emailChanged) return { kind: 'unchanged' }

        if (emailChanged) {
          const taken = await tx.registration.findFirst({
            where: { tripId: trip.id, email: newEmail, status: { in: ['CONFIRMED', 'WAITLISTED'] }, id: { not: registration.id } },
            select: { id: true },
          })
          if (taken) return { kind: 'invalid', values: readSignupValues(raw), fieldErrors: { email: EMAIL_TAKEN } }
          if (changed) await saveAnswers(tx, current, answers, changes)
          const requested = await requestEmailChange(
            tx,
            { id: current.id, email: current.email, firstName: current.firstName, tripTitle: trip.title },
            newEmail,
            { otherChangesSaved: changed, now },
          )
          // Without its confirmation e-mail the request would be stored half-way: undo the whole save.
          if (!requested.ok) {
            throw new Refused({ kind: 'rate-limited', values: parsed.values, by: 'inbox', retryAfterSeconds: requested.retryAfterSeconds })
          }
          log.info('registration.email_change_requested', { registrationId: registration.id })
          await recordAudit(tx, {
            actor: PARTICIPANT_ACTOR,
            action: 'registration.email_change_requested',
            entityType: 'registration',
            entityId: registration.id,
            tripId: trip.id,
            summary: 'Bad om att byta e-postadress (gäller när den nya adressen är bekräftad)',
          })
          return { kind: 'email-change-sent', otherChangesSaved: changed }
        }

        await saveAnswers(tx, current, answers, changes)
        const allowance = await takeInboxAllowance(tx, current.email)
        if (allowance.ok) await queueRegistrationEmail(tx, registration.id, 'changed')
        return { kind: 'updated', emailSent: allowance.ok }
      },
      QUEUED_TRANSACTION,
    )
    .catch((err) => {
      if (err instanceof Refused) return err.result
      throw err
    })
}

/** Stores the changed answers and their audit entry, as the participant's own change. */
async function saveAnswers(tx: Tx, current: { id: number; tripId: number }, answers: Prisma.RegistrationUncheckedUpdateInput, changes: AuditChanges) {
  await tx.registration.update({ where: { id: current.id }, data: answers })
  await recordAudit(tx, {
    actor: PARTICIPANT_ACTOR,
    action: 'registration.updated',
    entityType: 'registration',
    entityId: current.id,
    tripId: current.tripId,
    summary: 'Ändrade sina uppgifter',
    changes,
  })
}
