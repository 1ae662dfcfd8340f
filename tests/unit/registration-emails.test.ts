import { describe, expect, it } from 'vitest'
import { registrationEmail, type RegistrationEmailInput } from '../../lib/email/registration-emails'

const MANAGE_URL = 'https://mjolbybussen.mjolby.se/anmalan/AAECAwQFBgcICQoLDA0ODw'
const DATE_TEXT = '17\u201318 oktober 2024'

function input(overrides: Partial<RegistrationEmailInput> = {}): RegistrationEmailInput {
  return {
    kind: 'confirmed',
    to: 'anna@example.se',
    firstName: 'Anna',
    status: 'CONFIRMED',
    waitlistPosition: null,
    manageUrl: MANAGE_URL,
    trip: {
      title: 'Mjölbybussen 2024',
      startDate: new Date('2024-10-17T00:00:00Z'),
      endDate: new Date('2024-10-18T00:00:00Z'),
      departureText: 'Torsdag kl. 07.00 från Resecentrum',
      returnText: 'Fredag kl. 18.00',
      accommodation: 'Hotell Kalmarsund',
      hostCityNames: ['Växjö', 'Kalmar'],
    },
    contact: {
      organiserName: 'Mjölby kommun, Näringslivsenheten',
      phone: '0142-850 00',
      phoneHours: 'vardagar kl. 8–16',
      email: 'naringsliv@mjolby.se',
      postalAddress: '595 80 Mjölby',
      visitingAddress: null,
      isPlaceholder: false,
    },
    ...overrides,
  }
}

const KINDS = [
  { kind: 'confirmed', status: 'CONFIRMED', waitlistPosition: null },
  { kind: 'waitlisted', status: 'WAITLISTED', waitlistPosition: 3 },
  { kind: 'link-again', status: 'CONFIRMED', waitlistPosition: null },
] as const

/** The html with tags removed and the few entities esc() makes turned back, to read it as text. */
function htmlText(html: string) {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
}

describe('registrationEmail', () => {
  it.each(KINDS)('$kind: is addressed to the person', (kindInput) => {
    expect(registrationEmail(input(kindInput)).to).toBe('anna@example.se')
  })

  it('confirmed: subject', () => {
    expect(registrationEmail(input()).subject).toBe('Bekräftelse: du har en plats på Mjölbybussen 2024')
  })

  it('waitlisted: subject', () => {
    expect(registrationEmail(input(KINDS[1])).subject).toBe('Du står på reservlistan till Mjölbybussen 2024')
  })

  it('link-again: subject', () => {
    expect(registrationEmail(input(KINDS[2])).subject).toBe('Länk till din anmälan till Mjölbybussen 2024')
  })

  it.each(KINDS)('$kind: the text part has the greeting, the trip date in Swedish and the manage link', (kindInput) => {
    const { text } = registrationEmail(input(kindInput))
    expect(text).toContain('Hej Anna!')
    expect(text).toContain(`Datum: ${DATE_TEXT}`)
    expect(text.split('\n')).toContain(MANAGE_URL)
  })

  it.each(KINDS)('$kind: the html part has the greeting, the trip date in Swedish and the manage link', (kindInput) => {
    const { html } = registrationEmail(input(kindInput))
    expect(html).toContain('<p>Hej Anna!</p>')
    expect(html).toContain(DATE_TEXT)
    expect(html).toContain(`href="${MANAGE_URL}"`)
    expect(html).toMatch(/^<!doctype html>/i)
    expect(html).toContain('<html lang="sv">')
  })

  it.each(KINDS)('$kind: both parts have the trip essentials and the contact details', (kindInput) => {
    const { text, html } = registrationEmail(input(kindInput))
    for (const part of [text, htmlText(html)]) {
      expect(part).toContain('Växjö och Kalmar')
      expect(part).toContain('Torsdag kl. 07.00 från Resecentrum')
      expect(part).toContain('Fredag kl. 18.00')
      expect(part).toContain('Hotell Kalmarsund')
      expect(part).toContain('Mjölby kommun, Näringslivsenheten')
      expect(part).toContain('0142-850 00')
      expect(part).toContain('naringsliv@mjolby.se')
      expect(part).toContain('595 80 Mjölby')
    }
  })

  it('a trip across months shows that range', () => {
    const trip = { ...input().trip, startDate: new Date('2024-09-30T00:00:00Z'), endDate: new Date('2024-10-02T00:00:00Z') }
    const { text, html } = registrationEmail(input({ trip }))
    expect(text).toContain('30 september\u20132 oktober 2024')
    expect(html).toContain('30 september\u20132 oktober 2024')
  })

  it('leaves out facts the trip does not have', () => {
    const trip = { ...input().trip, startDate: null, endDate: null, departureText: null, returnText: null, accommodation: null, hostCityNames: [] }
    const { text, html } = registrationEmail(input({ trip }))
    for (const label of ['Datum', 'Resmål', 'Avresa', 'Hemresa', 'Boende']) {
      expect(text).not.toContain(`${label}:`)
      expect(html).not.toContain(`>${label}<`)
    }
    expect(text).toContain(MANAGE_URL)
    expect(html).toContain(`href="${MANAGE_URL}"`)
  })

  it('confirmed: says the person has a seat, and nothing about a waiting list', () => {
    const { text, html } = registrationEmail(input())
    expect(text).toContain('Du har en plats på Mjölbybussen 2024.')
    expect(text).not.toContain('reservlistan')
    expect(html).not.toContain('reservlistan')
  })

  it('waitlisted: gives the place on the waiting list in both parts', () => {
    const { text, html } = registrationEmail(input({ kind: 'waitlisted', status: 'WAITLISTED', waitlistPosition: 3 }))
    expect(text).toContain('Du har plats 3 på reservlistan.')
    expect(html).toContain('Du har plats 3 på reservlistan.')
    expect(text).not.toContain('Du har en plats på')
  })

  it('waitlisted: another place gives another number', () => {
    const { text } = registrationEmail(input({ kind: 'waitlisted', status: 'WAITLISTED', waitlistPosition: 12 }))
    expect(text).toContain('Du har plats 12 på reservlistan.')
    expect(text).not.toContain('plats 3 ')
  })

  it('link-again, confirmed: says no new registration was made and that the person has a seat', () => {
    const { text } = registrationEmail(input(KINDS[2]))
    expect(text).toContain('Du är redan anmäld, så vi har inte gjort någon ny anmälan.')
    expect(text).toContain('Du har en plats på resan.')
    expect(text).not.toContain('reservlistan')
  })

  it('link-again, waitlisted: says the person is on the waiting list, with the place', () => {
    const { text, html } = registrationEmail(input({ kind: 'link-again', status: 'WAITLISTED', waitlistPosition: 2 }))
    expect(text).toContain('Du står på reservlistan. Du har plats 2 på reservlistan.')
    expect(html).toContain('Du har plats 2 på reservlistan.')
    expect(text).not.toContain('Du har en plats på resan.')
  })

  it('escapes a first name in the html (no script gets through) but keeps it readable in the text', () => {
    const firstName = '<script>alert("x")</script>'
    const { text, html } = registrationEmail(input({ firstName }))
    expect(html).not.toContain('<script')
    expect(html).toContain('Hej &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;!')
    expect(text).toContain(`Hej ${firstName}!`)
  })

  it('escapes the trip title, facts and contact details in the html', () => {
    const trip = { ...input().trip, title: 'Resa <b>2024</b>', accommodation: '<img src=x onerror=alert(1)>', hostCityNames: ['A & B'] }
    const contact = { ...input().contact, organiserName: '<i>Kommunen</i>' }
    const { html, subject } = registrationEmail(input({ trip, contact }))
    expect(subject).toBe('Bekräftelse: du har en plats på Resa <b>2024</b>')
    expect(html).not.toContain('<b>2024')
    expect(html).not.toContain('<img')
    expect(html).not.toContain('<i>')
    expect(html).toContain('<title>Bekräftelse: du har en plats på Resa &lt;b&gt;2024&lt;/b&gt;</title>')
    expect(html).toContain('A &amp; B')
  })

  it('escapes the manage URL inside the href attribute', () => {
    const manageUrl = 'https://mjolbybussen.mjolby.se/anmalan/abc?a=1&b="2"'
    const { text, html } = registrationEmail(input({ manageUrl }))
    expect(html).toContain('href="https://mjolbybussen.mjolby.se/anmalan/abc?a=1&amp;b=&quot;2&quot;"')
    expect(text).toContain(manageUrl)
  })
})
