// The Swedish e-mails a participant gets: what happened (confirmed, on the waiting list,
// promoted, changed, cancelled, the link again, a reminder), the trip's essentials and the
// personal link. Each is rendered to an HTML and a plain-text part by renderEmail.
import { formatDateRange, formatDateTime, formatProgrammeDay, formatTimeRange, stockholmDayKey } from '../dates'
import type { RegistrationStatus } from '../generated/prisma/enums'
import type { SiteSettings } from '../settings/site-settings'
import { contactLines, renderEmail, type EmailContent } from './render'
import type { OutgoingEmail } from './transport'

export type EmailTrip = {
  title: string
  startDate: Date | null
  endDate: Date | null
  departureText: string | null
  returnText: string | null
  accommodation: string | null
  hostCityNames: string[]
  programme?: { startsAt: Date; endsAt: Date | null; title: string; place: string | null; participants: string | null }[]
}

export type RegistrationEmailKind =
  | 'confirmed'
  | 'waitlisted'
  | 'promoted'
  | 'changed'
  | 'cancelled'
  | 'reinstated' // an organiser undid a cancellation
  | 'link' // asked for with "Lost your link?"
  | 'link-again' // a second signup with the same address
  | 'reminder'
  | 'email-changed' // the new address is confirmed: a fresh personal link goes there

export type RegistrationEmailInput = {
  kind: RegistrationEmailKind
  to: string
  firstName: string
  status: RegistrationStatus
  waitlistPosition: number | null
  manageUrl: string
  trip: EmailTrip
  contact: SiteSettings
}

const listFormat = new Intl.ListFormat('sv', { style: 'long', type: 'conjunction' })

function statusLine(input: RegistrationEmailInput): string {
  if (input.status === 'CONFIRMED') return 'Du har en plats på resan.'
  if (input.status === 'WAITLISTED') {
    return `Du står på reservlistan${input.waitlistPosition ? `, på plats ${input.waitlistPosition}` : ''}.`
  }
  return 'Din anmälan är avbokad.'
}

function subjectAndLead(input: RegistrationEmailInput): [string, string[]] {
  const t = input.trip.title
  const place = input.waitlistPosition ? ` Du har plats ${input.waitlistPosition} på reservlistan.` : ''
  switch (input.kind) {
    case 'confirmed':
      return [`Bekräftelse: du har en plats på ${t}`, [`Tack för din anmälan! Du har en plats på ${t}.`]]
    case 'waitlisted':
      return [
        `Du står på reservlistan till ${t}`,
        [
          `Tack för din anmälan till ${t}. Alla platser är bokade, så du står på reservlistan.${place}`,
          'Om någon lämnar återbud får du en plats i tur och ordning, och då mejlar vi dig.',
        ],
      ]
    case 'promoted':
      return [
        `Du har fått en plats på ${t}`,
        [`Goda nyheter: en plats har blivit ledig och den är din. Du har nu en plats på ${t}.`, 'Kan du inte åka längre? Avboka via länken nedan, så går platsen till nästa på reservlistan.'],
      ]
    case 'changed':
      return [`Din anmälan till ${t} är ändrad`, ['Vi har sparat dina ändringar.', statusLine(input)]]
    case 'cancelled':
      return [`Din anmälan till ${t} är avbokad`, ['Du har avbokat din anmälan. Välkommen med en annan gång!']]
    case 'reinstated':
      return [`Din anmälan till ${t} gäller igen`, [`Avbokningen av din anmälan till ${t} är ångrad, så din anmälan gäller igen.`, statusLine(input)]]
    case 'link':
      return [`Länk till din anmälan till ${t}`, ['Här är länken till din anmälan, som du bad om.', statusLine(input)]]
    case 'link-again':
      return [
        `Länk till din anmälan till ${t}`,
        [
          `Någon (förhoppningsvis du) försökte anmäla den här e-postadressen till ${t} igen. ` +
            'Du är redan anmäld, så vi har inte gjort någon ny anmälan.',
          input.status === 'CONFIRMED' ? 'Du har en plats på resan.' : `Du står på reservlistan.${place}`,
        ],
      ]
    case 'reminder':
      return [`Snart dags: ${t}`, ['Snart är det dags för resan. Här är det viktigaste, och programmet.']]
    case 'email-changed':
      return [
        `Ny e-postadress för din anmälan till ${t}`,
        [
          'Du har bekräftat den här e-postadressen, så nu skickar vi allt om din anmälan hit.',
          'Länkarna i våra tidigare mejl fungerar inte längre. Använd länken i det här mejlet i stället.',
          statusLine(input),
        ],
      ]
  }
}

function essentials(trip: EmailTrip): [string, string][] {
  const rows: [string, string][] = []
  if (trip.startDate) rows.push(['Datum', formatDateRange(trip.startDate, trip.endDate)])
  if (trip.hostCityNames.length) rows.push(['Resmål', listFormat.format(trip.hostCityNames)])
  if (trip.departureText) rows.push(['Avresa', trip.departureText])
  if (trip.returnText) rows.push(['Hemresa', trip.returnText])
  if (trip.accommodation) rows.push(['Boende', trip.accommodation])
  return rows
}

function programmeDays(trip: EmailTrip): EmailContent['programme'] {
  const days = new Map<string, EmailContent['programme'][number]>()
  for (const item of trip.programme ?? []) {
    const key = stockholmDayKey(item.startsAt)
    if (!days.has(key)) days.set(key, { heading: formatProgrammeDay(item.startsAt), items: [] })
    const extra = [item.place && `plats: ${item.place}`, item.participants && `medverkar: ${item.participants}`].filter(Boolean)
    days.get(key)!.items.push(`${formatTimeRange(item.startsAt, item.endsAt)} ${item.title}${extra.length ? ` (${extra.join(', ')})` : ''}`)
  }
  return [...days.values()]
}

export function registrationEmail(input: RegistrationEmailInput): OutgoingEmail {
  const [subject, paragraphs] = subjectAndLead(input)
  const rendered = renderEmail({
    subject,
    greeting: `Hej ${input.firstName}!`,
    paragraphs,
    facts: input.kind === 'cancelled' ? [] : essentials(input.trip),
    programme: input.kind === 'reminder' ? programmeDays(input.trip) : [],
    link:
      input.kind === 'cancelled'
        ? { url: input.manageUrl, label: 'Se din avbokade anmälan' }
        : { url: input.manageUrl, label: 'Se, ändra eller avboka din anmälan' },
    contact: contactLines(input.contact),
  })
  return { to: input.to, ...rendered }
}

/**
 * Sent to the new address a participant asked for: the link that confirms it. It greets no one by
 * name and carries nothing the visitor typed (the address is not yet known to be theirs), only
 * the trip's title, the organisers' contact and the link.
 */
export function emailConfirmation(input: { to: string; tripTitle: string; confirmUrl: string; expiresAt: Date; contact: SiteSettings }): OutgoingEmail {
  return {
    to: input.to,
    ...renderEmail({
      subject: `Bekräfta din e-postadress för ${input.tripTitle}`,
      greeting: 'Hej!',
      paragraphs: [
        `Någon (förhoppningsvis du) vill att vi skickar allt om en anmälan till ${input.tripTitle} till den här e-postadressen.`,
        `Öppna länken och bekräfta, så gäller den nya adressen. Länken fungerar till och med ${formatDateTime(input.expiresAt)}.`,
        'Var det inte du? Då behöver du inte göra något: utan bekräftelse ändras ingenting.',
      ],
      facts: [],
      programme: [],
      link: { url: input.confirmUrl, label: 'Bekräfta den nya e-postadressen' },
      contact: contactLines(input.contact),
    }),
  }
}

/**
 * Sent to the registration's present address when a change of address is asked for. No link: one
 * that worked would let whoever reads this inbox into the registration after the address changed
 * (every earlier link stops working then), and the confirmation link belongs to the new inbox only.
 */
export function emailChangeNotice(input: {
  to: string
  firstName: string
  tripTitle: string
  otherChangesSaved: boolean
  contact: SiteSettings
}): OutgoingEmail {
  return {
    to: input.to,
    ...renderEmail({
      subject: `Byte av e-postadress för din anmälan till ${input.tripTitle}`,
      greeting: `Hej ${input.firstName}!`,
      paragraphs: [
        ...(input.otherChangesSaved ? ['Vi har sparat ändringarna i din anmälan.'] : []),
        'Någon har bett om att byta e-postadressen för din anmälan till en annan adress. Bytet gäller först när den nya adressen har bekräftats från ett mejl som vi har skickat dit. Då slutar länkarna i våra tidigare mejl att fungera.',
        'Var det du? Då behöver du inte göra något mer här. Var det inte du? Kontakta arrangörerna, så hjälper de dig.',
      ],
      facts: [],
      programme: [],
      link: null,
      contact: contactLines(input.contact),
    }),
  }
}

/** The short notice organisers get at their contact address when someone cancels. */
export function cancellationNotice(input: {
  contact: SiteSettings
  tripTitle: string
  registrationId: number
  wasConfirmed: boolean
  promotedRegistrationId: number | null
}): OutgoingEmail {
  const paragraphs = [
    `Anmälan nr ${input.registrationId} till ${input.tripTitle} har avbokats av deltagaren.`,
    input.wasConfirmed
      ? input.promotedRegistrationId
        ? `Platsen gick till anmälan nr ${input.promotedRegistrationId} från reservlistan, som har fått besked.`
        : 'Platsen är ledig: ingen stod på reservlistan.'
      : 'Personen stod på reservlistan.',
  ]
  return {
    to: input.contact.email,
    ...renderEmail({
      subject: `Avbokning: ${input.tripTitle}`,
      greeting: 'Hej!',
      paragraphs,
      facts: [],
      programme: [],
      link: null,
      contact: contactLines(input.contact),
    }),
  }
}

/** A message the organisers write to the trip's participants, each with their own link. */
export type OrganiserMessageInput = {
  firstName: string
  subject: string
  /** Markdown, rendered through lib/markdown.ts in the HTML part. */
  body: string
  manageUrl: string
  trip: EmailTrip
  contact: SiteSettings
}

/** What a message from the organisers says; the e-mail and the admin's preview of it both use this. */
export function organiserMessageContent(input: OrganiserMessageInput): EmailContent {
  return {
    subject: input.subject,
    greeting: `Hej ${input.firstName}!`,
    paragraphs: [],
    markdown: input.body,
    facts: essentials(input.trip),
    programme: [],
    link: { url: input.manageUrl, label: 'Se, ändra eller avboka din anmälan' },
    contact: contactLines(input.contact),
  }
}

export function organiserMessage(input: OrganiserMessageInput & { to: string }): OutgoingEmail {
  return { to: input.to, ...renderEmail(organiserMessageContent(input)) }
}
