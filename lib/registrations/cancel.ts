// A participant cancelling from their personal link. Everything happens in one transaction that
// first locks the trip's row (../trips/lock.ts, as signups do): the seat that is freed goes to the
// first person on the waiting list in the same transaction, so a signup or another cancellation
// running at the same moment can neither take the seat twice nor leave it empty while people wait.
// The e-mails it causes are written to the outbox in the same transaction. The participant's own
// 'cancelled' e-mail takes one of the inbox's daily allowance (lib/rate-limits); over it the
// cancellation stands and only that e-mail is not sent (the page says so). The promoted person's
// e-mail and the organisers' notice are the site's own and are never held back. The audit log
// gets the cancellation as the participant's own (and their erasure, written after it, so that it
// names nothing), and the seat given from the waiting list as the site's.
import { PARTICIPANT_ACTOR, recordAudit, SITE_ACTOR } from '../admin/audit'
import { db, QUEUED_TRANSACTION, type Tx } from '../db'
import { anonymiseRegistrations } from '../privacy/anonymise'
import { takeInboxAllowance } from '../rate-limits'
import { confirmedCount, hasFreeSeat } from '../trips/availability'
import { cancellable } from '../trips/life-cycle'
import { lockTrip } from '../trips/lock'
import { hashLinkToken, isWellFormedToken } from './links'
import { queueCancellationNotice, queueRegistrationEmail } from './notifications'

export type CancelResult =
  | { kind: 'cancelled'; registrationId: number; promotedRegistrationId: number | null; erased: boolean; emailSent: boolean }
  | { kind: 'not-found' }
  | { kind: 'already-cancelled' }
  | { kind: 'departed' }

export async function cancelRegistration(
  token: string,
  { erase }: { erase: boolean },
  now: Date = new Date(),
): Promise<CancelResult> {
  if (!isWellFormedToken(token)) return { kind: 'not-found' }
  const tokenHash = hashLinkToken(token)
  return db().$transaction(
    async (tx) => {
      // Finds the trip through the link and locks it in one statement.
      const locked = await lockTrip(tx, { linkTokenHash: tokenHash })
      if (!locked) return { kind: 'not-found' } as const
      // Cancelling is possible until departure (the trip's life cycle).
      if (!cancellable(locked, now)) return { kind: 'departed' } as const

      // Read after the lock: a cancellation that committed while we waited is seen.
      const registration = await tx.registration.findUnique({
        where: { id: locked.registrationId },
        select: { id: true, status: true, email: true },
      })
      if (!registration) return { kind: 'not-found' } as const
      if (registration.status === 'CANCELLED') return { kind: 'already-cancelled' } as const

      const wasConfirmed = registration.status === 'CONFIRMED'
      await tx.registration.update({
        where: { id: registration.id },
        data: { status: 'CANCELLED', cancelledAt: now },
      })

      const promotedRegistrationId = wasConfirmed ? await promoteFirstWaiting(tx, locked) : null
      await recordAudit(tx, {
        actor: PARTICIPANT_ACTOR,
        action: 'registration.cancelled',
        entityType: 'registration',
        entityId: registration.id,
        tripId: locked.id,
        summary: erase ? 'Avbokade sin anmälan och bad att personuppgifterna tas bort' : 'Avbokade sin anmälan',
        changes: { status: { from: registration.status, to: 'CANCELLED' } },
      })
      if (promotedRegistrationId !== null) {
        const promoted = await tx.registration.findUniqueOrThrow({ where: { id: promotedRegistrationId }, select: { firstName: true, lastName: true } })
        await recordAudit(tx, {
          actor: SITE_ACTOR,
          action: 'registration.promoted',
          entityType: 'registration',
          entityId: promotedRegistrationId,
          tripId: locked.id,
          // By number, not name: this entry stays when the cancelled person's data is erased.
          summary: `${`${promoted.firstName} ${promoted.lastName}`.trim()} fick platsen från reservlistan när anmälan ${registration.id} avbokades`,
          changes: { status: { from: 'WAITLISTED', to: 'CONFIRMED' } },
        })
      }

      const emailSent = !erase && (await takeInboxAllowance(tx, registration.email)).ok
      if (emailSent) await queueRegistrationEmail(tx, registration.id, 'cancelled')
      await queueCancellationNotice(tx, {
        tripTitle: locked.title,
        registrationId: registration.id,
        wasConfirmed,
        promotedRegistrationId,
      })

      // The row stays (cancelled) so that the trip's counts stay right; nothing personal is left:
      // not in the row, its links, its e-mail, nor the audit log (the one anonymiser retention uses).
      if (erase) {
        await anonymiseRegistrations(tx, [registration.id], now)
        await recordAudit(tx, {
          actor: PARTICIPANT_ACTOR,
          action: 'registration.erased',
          entityType: 'registration',
          entityId: registration.id,
          tripId: locked.id,
          summary: 'Personuppgifterna togs bort på deltagarens begäran',
        })
      }

      return { kind: 'cancelled', registrationId: registration.id, promotedRegistrationId, erased: erase, emailSent } as const
    },
    QUEUED_TRANSACTION,
  )
}

/**
 * Gives a freed seat to the first person on the waiting list (by order of arrival) and queues
 * their 'promoted' e-mail; returns their id, or null when nobody was promoted. The caller must
 * hold the trip's row lock (lockTrip) and have freed the seat already. When there are
 * fewer seats than confirmed people (the organisers lowered the count or overbooked), nobody is
 * promoted.
 */
export async function promoteFirstWaiting(tx: Tx, trip: { id: number; seats: number }): Promise<number | null> {
  if (!hasFreeSeat(trip.seats, await confirmedCount(tx, trip.id))) return null
  const next = await firstWaiting(tx, trip.id)
  if (!next) return null
  await tx.registration.update({ where: { id: next.id }, data: { status: 'CONFIRMED' } })
  await queueRegistrationEmail(tx, next.id, 'promoted')
  return next.id
}

/**
 * The first person on the trip's waiting list (by order of arrival): the one a freed seat goes to.
 * Also read, without the lock, to tell an organiser beforehand who would get a seat.
 */
export function firstWaiting(client: Tx, tripId: number) {
  return client.registration.findFirst({
    where: { tripId, status: 'WAITLISTED' },
    orderBy: { id: 'asc' },
    select: { id: true, firstName: true, lastName: true, organisation: true },
  })
}
