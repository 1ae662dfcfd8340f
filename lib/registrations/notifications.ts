// Writes the e-mail a change to a registration causes, inside the change's own transaction.
// Every e-mail carries a fresh personal link (only its hash is kept, so an old one cannot be
// looked up to be sent again), and confirmations carry the trip as a calendar file.
import { cancellationNotice, registrationEmail, type RegistrationEmailKind } from '../email/registration-emails'
import type { Tx } from '../db'
import { enqueueEmail } from '../email/outbox'
import { tripCalendarEvent } from '../email/ics'
import { env } from '../env'
import type { RegistrationStatus } from '../generated/prisma/enums'
import { newLinkToken } from './links'
import { waitlistPositionOf } from './waitlist'

export function manageUrl(token: string): string {
  return `${env().publicUrl}/anmalan/${token}`
}

/** Creates a new personal link for the registration and returns its token. */
export async function createLink(tx: Tx, registrationId: number): Promise<string> {
  const link = newLinkToken()
  await tx.registrationLink.create({ data: { registrationId, tokenHash: link.tokenHash } })
  return link.token
}

/**
 * Queues the e-mail. With `onlyIf`, the registration's row is locked first (FOR NO KEY UPDATE: it
 * waits for a cancellation's update, but not for the key-share locks that inserting a link or an
 * e-mail for the row takes, so it cannot deadlock with those) and nothing is queued
 * unless its status is one of those (for work decided outside the transaction, such as reminders
 * and "lost your link?", which a cancellation could overtake). Returns the message's id, or null
 * when nothing was queued. (How many e-mails visitors' actions can send to one inbox is capped
 * by the callers, with lib/rate-limits: the limits per form, and the inbox's ceiling across all of
 * them, takeInboxAllowance, taken in the same transaction after the rows it locks.)
 */
export async function queueRegistrationEmail(
  tx: Tx,
  registrationId: number,
  kind: RegistrationEmailKind,
  options: { token?: string; dedupeKey?: string; onlyIf?: RegistrationStatus[] } = {},
): Promise<number | null> {
  if (options.onlyIf) {
    const [row] = await tx.$queryRaw<{ status: RegistrationStatus }[]>`
      SELECT status FROM "Registration" WHERE id = ${registrationId} FOR NO KEY UPDATE`
    if (!row || !options.onlyIf.includes(row.status)) return null
  }
  const registration = await tx.registration.findUniqueOrThrow({
    where: { id: registrationId },
    include: {
      trip: {
        include: {
          hostCities: { orderBy: { position: 'asc' }, include: { hostCity: { select: { name: true } } } },
          programmeItems: { orderBy: { startsAt: 'asc' } },
        },
      },
    },
  })
  const contact = await tx.siteSettings.findUniqueOrThrow({ where: { id: 1 } })
  const waitlistPosition = await waitlistPositionOf(registration, tx)
  const url = manageUrl(options.token ?? (await createLink(tx, registration.id)))
  const trip = {
    ...registration.trip,
    hostCityNames: registration.trip.hostCities.map((h) => h.hostCity.name),
    programme: registration.trip.programmeItems,
  }
  const email = registrationEmail({
    kind,
    to: registration.email,
    firstName: registration.firstName,
    status: registration.status,
    waitlistPosition,
    manageUrl: url,
    trip,
    contact,
  })
  const withCalendar = kind === 'confirmed' || kind === 'promoted' || (kind === 'reinstated' && registration.status === 'CONFIRMED')
  return enqueueEmail(tx, {
    ...email,
    kind,
    registrationId,
    ics: withCalendar ? tripCalendarEvent(trip, registration.id, url) : null,
    dedupeKey: options.dedupeKey,
  })
}

export async function queueCancellationNotice(
  tx: Tx,
  input: { tripTitle: string; registrationId: number; wasConfirmed: boolean; promotedRegistrationId: number | null },
) {
  const contact = await tx.siteSettings.findUniqueOrThrow({ where: { id: 1 } })
  return enqueueEmail(tx, { ...cancellationNotice({ contact, ...input }), kind: 'organiser-cancellation' })
}
