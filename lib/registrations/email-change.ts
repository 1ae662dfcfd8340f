// A participant changing their registration's e-mail address. The new address takes effect only
// once it is confirmed from a link sent to it, so the form cannot be used to make the site write
// to a stranger more than once (and that one e-mail carries nothing the visitor typed). Until
// then the request waits in PendingEmailChange, holding only a SHA-256 of the link's token and
// an expiry; the present address is told that a change was asked for, with no link. When the
// new address is confirmed, every personal link sent before stops working and a fresh one goes
// to the new address. Both steps run under the trip's lock, where the rule "one active
// registration per e-mail per trip" is decided. The confirmed change is written to the audit log
// as the participant's own, old address → new; a request is logged without the address it names.
import { PARTICIPANT_ACTOR, recordAudit } from '../admin/audit'
import { db, QUEUED_TRANSACTION, type Tx } from '../db'
import { emailChangeNotice, emailConfirmation } from '../email/registration-emails'
import { enqueueEmail } from '../email/outbox'
import { env } from '../env'
import { log } from '../log'
import { takeInboxAllowance } from '../rate-limits'
import { emailForLimits } from '../rate-limits/keys'
import { hashLinkToken, isWellFormedToken, newLinkToken } from './links'
import { createLink, queueRegistrationEmail } from './notifications'
import { answersChangeable } from '../trips/life-cycle'
import { lockTrip } from '../trips/lock'

/** How long the confirmation link works. */
export const EMAIL_CHANGE_VALID_HOURS = 48

export function confirmEmailUrl(token: string): string {
  return `${env().publicUrl}/anmalan/bekrafta-epost/${token}`
}

/**
 * Records the request (replacing an earlier one) and queues its two e-mails: the link to the new
 * address, the notice to the present one. Runs inside the caller's transaction, which holds the
 * trip's lock and has checked that no other active registration of the trip has the address.
 * Each e-mail takes one of its inbox's allowance first (lib/rate-limits: takeInboxAllowance); when
 * either inbox has had its ceiling, nothing is queued and the caller must roll back (a change
 * of address without its confirmation e-mail would be stored half-way).
 */
export async function requestEmailChange(
  tx: Tx,
  registration: { id: number; email: string; firstName: string; tripTitle: string },
  newEmail: string,
  { otherChangesSaved, now }: { otherChangesSaved: boolean; now: Date },
): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
  // In a fixed order (by the inbox, as the counter rows are keyed), so two requests touching the
  // same two inboxes cannot deadlock.
  for (const inbox of [newEmail, registration.email].sort((a, b) => emailForLimits(a).localeCompare(emailForLimits(b)))) {
    const allowance = await takeInboxAllowance(tx, inbox)
    if (!allowance.ok) return { ok: false, retryAfterSeconds: allowance.retryAfterSeconds }
  }
  const { token, tokenHash } = newLinkToken()
  const expiresAt = new Date(now.getTime() + EMAIL_CHANGE_VALID_HOURS * 3600_000)
  await tx.pendingEmailChange.upsert({
    where: { registrationId: registration.id },
    create: { registrationId: registration.id, newEmail, tokenHash, expiresAt, createdAt: now },
    update: { newEmail, tokenHash, expiresAt, createdAt: now },
  })
  const contact = await tx.siteSettings.findUniqueOrThrow({ where: { id: 1 } })
  const confirmation = emailConfirmation({ to: newEmail, tripTitle: registration.tripTitle, confirmUrl: confirmEmailUrl(token), expiresAt, contact })
  await enqueueEmail(tx, { ...confirmation, kind: 'email-confirm', registrationId: registration.id })
  const notice = emailChangeNotice({
    to: registration.email,
    firstName: registration.firstName,
    tripTitle: registration.tripTitle,
    otherChangesSaved,
    contact,
  })
  await enqueueEmail(tx, { ...notice, kind: 'email-change-requested', registrationId: registration.id })
  return { ok: true }
}

/**
 * The registration's address has changed (confirmed by the participant, or corrected by an
 * organiser): every personal link sent before stops working, and so does any pending change.
 * The caller sends a fresh link to the new address.
 */
export async function retireLinks(tx: Tx, registrationId: number): Promise<void> {
  await tx.registrationLink.deleteMany({ where: { registrationId } })
  await tx.pendingEmailChange.deleteMany({ where: { registrationId } })
}

export type EmailChangeState =
  | { kind: 'open'; newEmail: string; tripTitle: string; expiresAt: Date }
  | { kind: 'expired' }
  | { kind: 'cancelled' }
  | { kind: 'locked' }
  | { kind: 'taken'; newEmail: string }

/** What the confirmation link's page shows; null for a link that is unknown (or already used). */
export async function findEmailChange(token: string, now: Date = new Date()): Promise<EmailChangeState | null> {
  if (!isWellFormedToken(token)) return null
  const pending = await db().pendingEmailChange.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    include: {
      registration: {
        select: { id: true, status: true, tripId: true, trip: { select: { title: true, changesAllowedUntil: true, startDate: true, endDate: true, year: true } } },
      },
    },
  })
  if (!pending) return null
  const { registration } = pending
  const state = await stateOf(db(), pending, registration, now)
  return state.kind === 'open' ? { ...state, tripTitle: registration.trip.title } : state
}

async function stateOf(
  client: Tx,
  pending: { newEmail: string; expiresAt: Date },
  registration: { id: number; status: string; tripId: number; trip: { changesAllowedUntil: Date | null; startDate: Date | null; endDate: Date | null; year: number } },
  now: Date,
): Promise<Exclude<EmailChangeState, { kind: 'open' }> | { kind: 'open'; newEmail: string; expiresAt: Date }> {
  if (pending.expiresAt.getTime() < now.getTime()) return { kind: 'expired' }
  if (registration.status === 'CANCELLED') return { kind: 'cancelled' }
  if (!answersChangeable(registration.trip, now)) return { kind: 'locked' }
  const taken = await client.registration.findFirst({
    where: { tripId: registration.tripId, email: pending.newEmail, status: { in: ['CONFIRMED', 'WAITLISTED'] }, id: { not: registration.id } },
    select: { id: true },
  })
  if (taken) return { kind: 'taken', newEmail: pending.newEmail }
  return { kind: 'open', newEmail: pending.newEmail, expiresAt: pending.expiresAt }
}

export type ConfirmEmailChangeResult =
  | { kind: 'confirmed'; token: string; emailSent: boolean }
  | { kind: 'not-found' }
  | Exclude<EmailChangeState, { kind: 'open' }>

/**
 * Makes the new address the registration's: under the trip's lock, checked again (another
 * registration of the trip may have taken the address meanwhile). Every earlier personal link is
 * deleted, and a fresh one is returned and sent to the new address, which has just shown it is
 * the participant's (that e-mail still counts against the inbox's ceiling; over it the address
 * changes all the same and the page the person lands on, at the fresh link, says so).
 */
export async function confirmEmailChange(token: string, now: Date = new Date()): Promise<ConfirmEmailChangeResult> {
  if (!isWellFormedToken(token)) return { kind: 'not-found' }
  const tokenHash = hashLinkToken(token)
  return db().$transaction(
    async (tx) => {
      const locked = await lockTrip(tx, { emailChangeTokenHash: tokenHash })
      if (!locked) return { kind: 'not-found' } as const
      // Read after the lock: a request replaced or confirmed meanwhile is seen.
      const pending = await tx.pendingEmailChange.findUnique({
        where: { tokenHash },
        include: {
          registration: {
            select: {
              id: true,
              status: true,
              tripId: true,
              email: true,
              trip: { select: { changesAllowedUntil: true, startDate: true, endDate: true, year: true } },
            },
          },
        },
      })
      if (!pending) return { kind: 'not-found' } as const
      const { registration } = pending
      const state = await stateOf(tx, pending, registration, now)
      if (state.kind !== 'open') return state

      await tx.registration.update({ where: { id: registration.id }, data: { email: pending.newEmail } })
      await recordAudit(tx, {
        actor: PARTICIPANT_ACTOR,
        action: 'registration.email_changed',
        entityType: 'registration',
        entityId: registration.id,
        tripId: registration.tripId,
        summary: 'Bekräftade sin nya e-postadress',
        changes: { email: { from: registration.email, to: pending.newEmail } },
      })
      await retireLinks(tx, registration.id)
      const fresh = await createLink(tx, registration.id)
      const allowance = await takeInboxAllowance(tx, pending.newEmail)
      if (allowance.ok) await queueRegistrationEmail(tx, registration.id, 'email-changed', { token: fresh })
      log.info('registration.email_changed', { registrationId: registration.id, emailSent: allowance.ok })
      return { kind: 'confirmed', token: fresh, emailSent: allowance.ok } as const
    },
    QUEUED_TRANSACTION,
  )
}
