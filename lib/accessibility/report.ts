// "Rapportera en brist i tillgängligheten": the accessibility statement's form. A report goes to
// the organisers' contact address through the outbox (so it is never lost to an SMTP outage, and
// its body is pruned with the other sent e-mail). Nothing else is stored. Limited per client
// address (reportsPerAddress an hour), since the form sends e-mail to the organisers.
import { z } from 'zod'
import { db } from '../db'
import { contactLines, renderEmail } from '../email/render'
import { optionalEmailAddress, optionalText, requiredText } from '../forms/fields'
import { firstErrors, isHoneypotFilled, readTextFields } from '../forms/form-state'
import { enqueueEmail } from '../email/outbox'
import { log } from '../log'
import { consumeLimit } from '../rate-limits'
import { tryAgainIn } from '../rate-limits/messages'
import { REPORT_FIELDS, type ReportField, type ReportValues } from './report-fields'

export const reportSchema = z.object({
  description: requiredText('en beskrivning av problemet', 5000, { multiline: true }),
  page: optionalText('sidan', 500),
  email: optionalEmailAddress,
})

export type ReportOutcome =
  | { kind: 'sent' }
  | { kind: 'invalid'; values: ReportValues; fieldErrors: Partial<Record<ReportField, string>> }
  | { kind: 'rate-limited'; values: ReportValues; message: string }


export async function submitAccessibilityReport(raw: Record<string, unknown>, address: string): Promise<ReportOutcome> {
  // A bot's post looks sent to the bot, and nothing goes out.
  if (isHoneypotFilled(raw)) return { kind: 'sent' }
  const values: ReportValues = readTextFields(REPORT_FIELDS, raw)
  const parsed = reportSchema.safeParse(values)
  if (!parsed.success) return { kind: 'invalid', values, fieldErrors: firstErrors<ReportField>(parsed.error) }
  const limit = await consumeLimit('report', { address })
  if (!limit.ok) {
    return { kind: 'rate-limited', values, message: `Vi har tagit emot många rapporter från din uppkoppling den senaste timmen. ${tryAgainIn(limit.retryAfterSeconds)}` }
  }
  const report = parsed.data
  const messageId = await db().$transaction(async (tx) => {
    const contact = await tx.siteSettings.findUniqueOrThrow({ where: { id: 1 } })
    const email = renderEmail({
      subject: 'Rapport om tillgängligheten på Mjölbybussens webbplats',
      greeting: 'Hej!',
      paragraphs: [
        'Någon har rapporterat ett problem med tillgängligheten via formuläret på sidan Tillgänglighet.',
        report.description,
        report.email
          ? `Personen vill ha svar på ${report.email}.`
          : 'Personen lämnade ingen e-postadress och vill alltså inte ha svar.',
        'Enligt lagen om tillgänglighet till digital offentlig service ska rapporten besvaras utan onödigt dröjsmål.',
      ],
      facts: report.page ? [['Sida', report.page]] : [],
      programme: [],
      link: null,
      contact: contactLines(contact),
    })
    return enqueueEmail(tx, { kind: 'accessibility-report', to: contact.email, ...email })
  })
  log.info('accessibility.report_queued', { messageId })
  return { kind: 'sent' }
}
