// The Swedish e-mails a signup sends: a confirmation, a waiting-list notice, or (for a second
// signup with the same address) the link to the existing registration. Each has an HTML and a
// plain-text part with the trip's essentials and the personal link.
import { formatDateRange } from '../dates'
import type { RegistrationStatus } from '../generated/prisma/enums'
import type { SiteSettings } from '../settings/site-settings'
import { esc } from './html'
import type { OutgoingEmail } from './transport'

export type EmailTrip = {
  title: string
  startDate: Date | null
  endDate: Date | null
  departureText: string | null
  returnText: string | null
  accommodation: string | null
  hostCityNames: string[]
}

export type RegistrationEmailInput = {
  kind: 'confirmed' | 'waitlisted' | 'link-again'
  to: string
  firstName: string
  status: RegistrationStatus
  waitlistPosition: number | null
  manageUrl: string
  trip: EmailTrip
  contact: SiteSettings
}

function subjectFor(input: RegistrationEmailInput): string {
  switch (input.kind) {
    case 'confirmed':
      return `Bekräftelse: du har en plats på ${input.trip.title}`
    case 'waitlisted':
      return `Du står på reservlistan till ${input.trip.title}`
    case 'link-again':
      return `Länk till din anmälan till ${input.trip.title}`
  }
}

function leadFor(input: RegistrationEmailInput): string[] {
  const place = input.waitlistPosition ? ` Du har plats ${input.waitlistPosition} på reservlistan.` : ''
  switch (input.kind) {
    case 'confirmed':
      return [`Tack för din anmälan! Du har en plats på ${input.trip.title}.`]
    case 'waitlisted':
      return [
        `Tack för din anmälan till ${input.trip.title}. Alla platser är bokade, så du står på reservlistan.${place}`,
        'Om någon lämnar återbud får du en plats i tur och ordning, och då mejlar vi dig.',
      ]
    case 'link-again':
      return [
        `Någon (förhoppningsvis du) försökte anmäla den här e-postadressen till ${input.trip.title} igen. ` +
          'Du är redan anmäld, så vi har inte gjort någon ny anmälan.',
        input.status === 'CONFIRMED' ? 'Du har en plats på resan.' : `Du står på reservlistan.${place}`,
      ]
  }
}

const listFormat = new Intl.ListFormat('sv', { style: 'long', type: 'conjunction' })

function essentials(trip: EmailTrip): [string, string][] {
  const rows: [string, string][] = []
  if (trip.startDate) rows.push(['Datum', formatDateRange(trip.startDate, trip.endDate)])
  if (trip.hostCityNames.length) rows.push(['Resmål', listFormat.format(trip.hostCityNames)])
  if (trip.departureText) rows.push(['Avresa', trip.departureText])
  if (trip.returnText) rows.push(['Hemresa', trip.returnText])
  if (trip.accommodation) rows.push(['Boende', trip.accommodation])
  return rows
}

function contactLines(c: SiteSettings): string[] {
  return [c.organiserName, `Telefon: ${c.phone} (${c.phoneHours})`, `E-post: ${c.email}`, c.postalAddress]
}

export function registrationEmail(input: RegistrationEmailInput): OutgoingEmail {
  const subject = subjectFor(input)
  const lead = leadFor(input)
  const facts = essentials(input.trip)
  const contact = contactLines(input.contact)

  const text = [
    `Hej ${input.firstName}!`,
    '',
    ...lead.flatMap((p) => [p, '']),
    ...facts.map(([k, v]) => `${k}: ${v}`),
    '',
    'Se, ändra eller avboka din anmälan här:',
    input.manageUrl,
    '',
    'Frågor? Kontakta oss:',
    ...contact,
    '',
    'Mjölbybussen – en resa mot framtidens möjligheter',
  ].join('\n')

  const html = `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>${esc(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f4f6f8;font-family:Arial,Helvetica,sans-serif;color:#1b1f23;line-height:1.5">
<div style="max-width:560px;margin:0 auto;background:#ffffff;padding:24px;border-radius:8px">
<p style="margin:0 0 8px;font-weight:bold;color:#0b4f6c">Mjölbybussen</p>
<h1 style="font-size:22px;margin:0 0 16px">${esc(subject)}</h1>
<p>Hej ${esc(input.firstName)}!</p>
${lead.map((p) => `<p>${esc(p)}</p>`).join('\n')}
${
  facts.length
    ? `<table role="presentation" style="border-collapse:collapse;margin:16px 0">${facts
        .map(([k, v]) => `<tr><th scope="row" style="text-align:left;padding:4px 16px 4px 0;vertical-align:top">${esc(k)}</th><td style="padding:4px 0">${esc(v)}</td></tr>`)
        .join('')}</table>`
    : ''
}
<p><a href="${esc(input.manageUrl)}" style="color:#0b4f6c;font-weight:bold">Se, ändra eller avboka din anmälan</a></p>
<p style="margin-top:24px;font-size:14px;color:#4a5560">Frågor? Kontakta oss:<br>${contact.map(esc).join('<br>')}</p>
</div></body></html>`

  return { to: input.to, subject, text, html }
}
