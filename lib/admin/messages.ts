// Messages from the organisers to everyone confirmed, everyone waiting, or both. Each recipient
// gets their own e-mail with their own link, through the outbox; the page then shows how many
// were sent, are pending and failed.
import { z } from 'zod'
import { db, LONG_TRANSACTION, type Tx } from '../db'
import { enqueueEmail } from '../email/outbox'
import { organiserMessage, organiserMessageContent } from '../email/registration-emails'
import { requiredText } from '../forms/fields'
import { firstErrors, type FieldErrors } from '../forms/form-state'
import { renderMarkdown } from '../markdown'
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

/** The trip's essentials and the contact lines every message carries. */
async function messageContext(client: Tx, tripId: number) {
  const [trip, contact] = await Promise.all([
    client.trip.findUniqueOrThrow({
      where: { id: tripId },
      include: { hostCities: { orderBy: { position: 'asc' }, include: { hostCity: { select: { name: true } } } } },
    }),
    client.siteSettings.findUniqueOrThrow({ where: { id: 1 } }),
  ])
  return { trip: { ...trip, hostCityNames: trip.hostCities.map((h) => h.hostCity.name) }, contact }
}

/** What the preview shows: the e-mail as it will read, with "Förnamn" for each one's own name. */
export type MessagePreview = {
  recipients: number
  subject: string
  greeting: string
  /** The message's Markdown rendered by the e-mail's renderer, headings from h4 (under the subject's h3). */
  bodyHtml: string
  facts: [string, string][]
  linkLabel: string
  contact: string[]
}

/** The message as each recipient will get it (the same content as the e-mail), and how many will. */
export async function previewTripMessage(tripId: number, input: MessageInput): Promise<MessagePreview> {
  const [{ trip, contact }, recipients] = await Promise.all([messageContext(db(), tripId), recipientCount(tripId, input.audience)])
  const content = organiserMessageContent({ firstName: 'Förnamn', subject: input.subject, body: input.body, manageUrl: '', trip, contact })
  return {
    recipients,
    subject: content.subject,
    greeting: content.greeting,
    bodyHtml: renderMarkdown(content.markdown ?? '', { firstHeading: 4 }),
    facts: content.facts,
    linkLabel: content.link?.label ?? '',
    contact: content.contact,
  }
}

export type SendResult = { kind: 'sent'; recipients: number } | { kind: 'recipients-changed'; recipients: number }

/**
 * Queues one e-mail per recipient, in one transaction. The organiser confirmed a number of
 * recipients on the preview: when that many no longer match (someone signed up or cancelled in
 * between), nothing is sent and the new number is returned, to be confirmed again.
 */
export async function sendTripMessage(actor: string, tripId: number, input: MessageInput, { expectedRecipients }: { expectedRecipients: number }): Promise<SendResult> {
  return db().$transaction(
    async (tx) => {
      const { trip, contact } = await messageContext(tx, tripId)
      const recipients = await tx.registration.findMany({
        where: { tripId, status: { in: [...AUDIENCES[input.audience].statuses] } },
        select: { id: true, email: true, firstName: true },
        orderBy: { id: 'asc' },
      })
      if (recipients.length !== expectedRecipients) return { kind: 'recipients-changed', recipients: recipients.length } as const
      for (const r of recipients) {
        const url = manageUrl(await createLink(tx, r.id))
        const email = organiserMessage({ to: r.email, firstName: r.firstName, subject: input.subject, body: input.body, manageUrl: url, trip, contact })
        await enqueueEmail(tx, { ...email, kind: messageKind(tripId), registrationId: r.id })
      }
      await recordAudit(tx, {
        actor,
        action: 'message.sent',
        entityType: 'message',
        entityId: tripId,
        summary: `"${input.subject}" till ${recipients.length} (${AUDIENCES[input.audience].label.toLowerCase()})`,
      })
      return { kind: 'sent', recipients: recipients.length } as const
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
