// Messages from the organisers to everyone confirmed, everyone waiting, or both. Each recipient
// gets their own e-mail with their own link, through the outbox; the page then shows how many
// were sent, are pending and failed.
import { z } from 'zod'
import { db, LONG_TRANSACTION } from '../db'
import { enqueueEmail } from '../email/outbox'
import { organiserMessage } from '../email/registration-emails'
import { requiredText } from '../forms/fields'
import { firstErrors, type FieldErrors } from '../forms/form-state'
import { createLink, manageUrl } from '../registrations/notifications'
import { AUDIENCES, type Audience } from './audiences'
import { recordAudit } from './audit'

export { AUDIENCES, type Audience }

export const messageSchema = z.object({
  audience: z.enum(['confirmed', 'waitlisted', 'all'], { error: 'Välj vilka som ska få meddelandet.' }),
  subject: requiredText('ämnesraden', 150, { missing: 'Skriv en ämnesrad.' }),
  body: requiredText('meddelandet', 10_000, { multiline: true, missing: 'Skriv ett meddelande.', tooLong: 'Meddelandet får vara högst 10 000 tecken.' }),
})
export type MessageInput = z.output<typeof messageSchema>
export type MessageField = keyof MessageInput

/** The message form's fields checked: the message, or the first error of each field. */
export function parseMessage(values: Record<MessageField, unknown>): { ok: true; data: MessageInput } | { ok: false; fieldErrors: FieldErrors<MessageField> } {
  const parsed = messageSchema.safeParse(values)
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, fieldErrors: firstErrors<MessageField>(parsed.error) }
}

export function messageKind(tripId: number) {
  return `message:${tripId}`
}

export async function recipientCount(tripId: number, audience: Audience) {
  return db().registration.count({ where: { tripId, status: { in: [...AUDIENCES[audience].statuses] } } })
}

/** Queues one e-mail per recipient, in one transaction; returns how many. */
export async function sendTripMessage(actor: string, tripId: number, input: MessageInput): Promise<number> {
  return db().$transaction(
    async (tx) => {
      const [trip, contact] = await Promise.all([
        tx.trip.findUniqueOrThrow({
          where: { id: tripId },
          include: { hostCities: { orderBy: { position: 'asc' }, include: { hostCity: { select: { name: true } } } } },
        }),
        tx.siteSettings.findUniqueOrThrow({ where: { id: 1 } }),
      ])
      const recipients = await tx.registration.findMany({
        where: { tripId, status: { in: [...AUDIENCES[input.audience].statuses] } },
        select: { id: true, email: true, firstName: true },
        orderBy: { id: 'asc' },
      })
      const emailTrip = { ...trip, hostCityNames: trip.hostCities.map((h) => h.hostCity.name) }
      for (const r of recipients) {
        const url = manageUrl(await createLink(tx, r.id))
        const email = organiserMessage({ to: r.email, firstName: r.firstName, subject: input.subject, body: input.body, manageUrl: url, trip: emailTrip, contact })
        await enqueueEmail(tx, { ...email, kind: messageKind(tripId), registrationId: r.id })
      }
      await recordAudit(tx, {
        actor,
        action: 'message.sent',
        entityType: 'message',
        entityId: tripId,
        summary: `"${input.subject}" till ${recipients.length} (${AUDIENCES[input.audience].label.toLowerCase()})`,
      })
      return recipients.length
    },
    LONG_TRANSACTION,
  )
}

/** How the trip's messages are doing: counts by state. */
export async function messageStats(tripId: number) {
  const rows = await db().outboxMessage.groupBy({ by: ['status'], where: { kind: messageKind(tripId) }, _count: true })
  const count = (s: string) => rows.find((r) => r.status === s)?._count ?? 0
  return { sent: count('SENT'), pending: count('QUEUED') + count('SENDING'), failed: count('FAILED') }
}
