// Organisers' text in e-mail: the reminder carries the programme (titles, places, who takes part)
// as plain text. Every hostile payload comes out escaped in the html part, and as typed in the text
// part; no tag of the payloads reaches the html.
import { describe, expect, it } from 'vitest'
import { registrationEmail } from '../../lib/email/registration-emails'
import { MARKDOWN_PAYLOADS } from '../support/markdown-payloads'

const startsAt = new Date(Date.now() + 3 * 24 * 3600_000)

describe('the reminder with the programme', () => {
  it('escapes every payload in the programme and the trip facts', () => {
    const payloads = Object.values(MARKDOWN_PAYLOADS)
    const { html, text } = registrationEmail({
      kind: 'reminder',
      to: 'anna@example.se',
      firstName: 'Anna',
      status: 'CONFIRMED',
      waitlistPosition: null,
      manageUrl: 'https://mjolbybussen.mjolby.se/anmalan/AAECAwQFBgcICQoLDA0ODw',
      trip: {
        title: payloads[0]!,
        startDate: startsAt,
        endDate: null,
        departureText: payloads[1]!,
        returnText: payloads[2]!,
        accommodation: payloads[3]!,
        hostCityNames: [payloads[4]!],
        programme: payloads.map((title, i) => ({ startsAt: new Date(startsAt.getTime() + i * 60_000), endsAt: null, title, place: title, participants: title })),
      },
      contact: {
        organiserName: 'Mjölby kommun',
        phone: '0142-850 00',
        phoneHours: 'vardagar kl. 8–16',
        email: 'naringsliv@mjolby.se',
        postalAddress: '595 80 Mjölby',
        visitingAddress: null,
        isPlaceholder: false,
      },
    })
    // The template's own elements only: no tag any payload names.
    const tags = new Set([...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)\b/g)].map((m) => m[1]!.toLowerCase()))
    for (const tag of ['script', 'img', 'svg', 'iframe', 'style', 'object', 'embed', 'form', 'base', 'math', 'noscript', 'kbd', 'circle', 'mglyph', 'button']) {
      expect(tags.has(tag), tag).toBe(false)
    }
    expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i)
    expect(html).not.toMatch(/href="(?!https:\/\/mjolbybussen\.mjolby\.se\/)/)
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    for (const payload of payloads.filter((p) => !p.includes('\n'))) expect(text).toContain(payload)
  })
})
