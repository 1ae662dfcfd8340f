// The accessibility statement's report form (lib/accessibility/report.ts): a report reaches the
// organisers' contact address through the outbox; bad input gets Swedish errors and sends nothing;
// a bot's post and posts over the per-address limit send nothing.
import { describe, expect, it } from 'vitest'
import { submitAccessibilityReport } from '../../lib/accessibility/report'
import { db } from '../../lib/db'

const OFFICE = '198.51.100.7'

describe('submitAccessibilityReport', () => {
  it('queues one e-mail to the contact address with the description, the page and the reply address', async () => {
    const outcome = await submitAccessibilityReport(
      { description: 'Knappen ”Skicka” går inte att nå med tangentbordet.', page: '/resor/2024-boras/anmalan', email: ' Svar@Example.se ' },
      OFFICE,
    )
    expect(outcome).toEqual({ kind: 'sent' })
    const [message, ...others] = await db().outboxMessage.findMany()
    expect(others).toEqual([])
    const { email } = await db().siteSettings.findUniqueOrThrow({ where: { id: 1 } })
    expect(message).toMatchObject({ kind: 'accessibility-report', toAddress: email, registrationId: null, status: 'QUEUED' })
    expect(message!.textBody).toContain('Knappen ”Skicka” går inte att nå med tangentbordet.')
    expect(message!.textBody).toContain('Sida: /resor/2024-boras/anmalan')
    expect(message!.textBody).toContain('svar@example.se')
    expect(message!.htmlBody).toContain('Knappen ”Skicka”')
  })

  it('takes a description of several lines, as the text area invites', async () => {
    expect(await submitAccessibilityReport({ description: 'Rad ett.\r\nRad två,\tmed tabb.' }, OFFICE)).toEqual({ kind: 'sent' })
    expect((await db().outboxMessage.findFirstOrThrow()).textBody).toContain('Rad två,')
  })

  it('answers bad input in Swedish beside each field, keeps what was typed and sends nothing', async () => {
    const outcome = await submitAccessibilityReport({ description: '   ', page: 'x'.repeat(501), email: 'inte en adress' }, OFFICE)
    expect(outcome).toEqual({
      kind: 'invalid',
      values: { description: '   ', page: 'x'.repeat(501), email: 'inte en adress' },
      fieldErrors: {
        description: 'Fyll i en beskrivning av problemet.',
        page: 'Sidan får vara högst 500 tecken.',
        email: 'Skriv en giltig e-postadress, t.ex. namn@exempel.se, eller lämna fältet tomt.',
      },
    })
    const control = await submitAccessibilityReport({ description: 'Text\u0000med NUL' }, OFFICE)
    expect(control).toMatchObject({ kind: 'invalid', fieldErrors: { description: 'En beskrivning av problemet innehåller otillåtna tecken.' } })
    const wrongTypes = await submitAccessibilityReport({ description: 42, page: ['a'], email: { x: 1 } }, OFFICE)
    expect(wrongTypes).toMatchObject({ kind: 'invalid', fieldErrors: { description: 'Fyll i en beskrivning av problemet.' } })
    expect(await db().outboxMessage.count()).toBe(0)
  })

  it('needs no e-mail address, and sends nothing for a bot that fills in the hidden field', async () => {
    expect(await submitAccessibilityReport({ description: 'Kontrasten är låg i sidfoten.', email: '' }, OFFICE)).toEqual({ kind: 'sent' })
    expect((await db().outboxMessage.findFirstOrThrow()).textBody).toContain('lämnade ingen e-postadress')
    expect(await submitAccessibilityReport({ description: 'Köp billigt!', webbplats: 'https://spam.example' }, OFFICE)).toEqual({ kind: 'sent' })
    expect(await db().outboxMessage.count()).toBe(1)
  })

  it('takes reportsPerAddress reports an hour from one address, then asks to wait; other addresses go on', async () => {
    await db().siteSettings.update({ where: { id: 1 }, data: { reportsPerAddress: 3 } })
    for (let i = 0; i < 3; i++) expect(await submitAccessibilityReport({ description: `Rapport ${i}` }, OFFICE)).toEqual({ kind: 'sent' })
    const limited = await submitAccessibilityReport({ description: 'Rapport 4' }, OFFICE)
    expect(limited).toMatchObject({ kind: 'rate-limited', values: { description: 'Rapport 4' } })
    expect(limited.kind === 'rate-limited' && limited.message).toMatch(/^Vi har tagit emot många rapporter .* Försök igen om (en minut|\d+ minuter)\.$/)
    expect(await submitAccessibilityReport({ description: 'Från en annan adress' }, '203.0.113.9')).toEqual({ kind: 'sent' })
    expect(await db().outboxMessage.count()).toBe(4)
  })
})
