import { describe, expect, it } from 'vitest'
import { db } from '../../lib/db'
import { messageStats, previewTripMessage, sendTripMessage } from '../../lib/admin/messages'
import { tripOverview } from '../../lib/admin/overview'
import { submitSignup } from '../../lib/registrations/signup'
import { createTestTrip, signupValues } from '../support/factories'

describe('messages to a trip’s participants', () => {
  it('queues one e-mail per recipient, each with their own link, and logs who sent it', async () => {
    const trip = await createTestTrip(db(), { seats: 2 })
    for (let i = 0; i < 3; i++) await submitSignup(trip.slug, signupValues({ firstName: `P${i}` })) // 2 confirmed, 1 waiting
    const sent = await sendTripMessage(
      'eva@mjolby.se',
      trip.id,
      { audience: 'confirmed', subject: 'Ändrad avgångstid', body: 'Bussen går kl. 07.30.\n\nVälkomna!' },
      { expectedRecipients: 2 },
    )
    expect(sent).toEqual({ kind: 'sent', recipients: 2 })
    const messages = await db().outboxMessage.findMany({ where: { kind: `message:${trip.id}` }, orderBy: { id: 'asc' } })
    expect(messages.map((m) => m.textBody.split('\n')[0])).toEqual(['Hej P0!', 'Hej P1!'])
    const links = messages.map((m) => /\/anmalan\/([A-Za-z0-9_-]{22})/.exec(m.textBody)![1])
    expect(new Set(links).size).toBe(2)
    expect(messages[0]!.textBody).toContain('Bussen går kl. 07.30.')
    expect(await messageStats(trip.id)).toEqual({ sent: 0, pending: 2, failed: 0 })
    const audit = await db().auditEntry.findFirstOrThrow({ where: { action: 'message.sent' } })
    expect(audit).toMatchObject({ actor: 'eva@mjolby.se', entityId: String(trip.id) })
    expect(audit.summary).toContain('till 2')
  })
})

describe('a message’s preview and its confirmed number of recipients', () => {
  const message = { audience: 'confirmed' as const, subject: 'Packlista', body: 'Ta med **regnkläder**.\n\n- Paraply\n- Stövlar' }

  it('previews the text as the e-mail renders it, and the e-mail carries the same HTML', async () => {
    const trip = await createTestTrip(db(), { seats: 5 })
    await submitSignup(trip.slug, signupValues({ firstName: 'Ada' }))
    const preview = await previewTripMessage(trip.id, message)
    expect(preview).toMatchObject({ recipients: 1, subject: 'Packlista', greeting: 'Hej Förnamn!', linkLabel: 'Se, ändra eller avboka din anmälan' })
    expect(preview.bodyHtml).toBe('<p>Ta med <strong>regnkläder</strong>.</p>\n<ul>\n<li>Paraply</li>\n<li>Stövlar</li>\n</ul>\n')
    expect(preview.facts.map(([label]) => label)).toContain('Datum') // the trip's essentials, as in every message

    await sendTripMessage('eva@mjolby.se', trip.id, message, { expectedRecipients: 1 })
    const mail = await db().outboxMessage.findFirstOrThrow({ where: { kind: `message:${trip.id}` } })
    expect(mail.htmlBody).toContain('<h1 style="font-size:22px;margin:0 0 16px">Packlista</h1>')
    expect(mail.htmlBody).toContain('<p>Hej Ada!</p><div><p>Ta med <strong>regnkläder</strong>.</p>\n<ul>\n<li>Paraply</li>')
    // The plain-text part keeps the text as written: Markdown reads as plain text.
    expect(mail.textBody).toContain('Hej Ada!\n\nTa med **regnkläder**.\n\n- Paraply\n- Stövlar\n')
  })

  it('sends nothing when the number of recipients is no longer the one the organiser confirmed', async () => {
    const trip = await createTestTrip(db(), { seats: 5 })
    await submitSignup(trip.slug, signupValues({ firstName: 'Ada' }))
    const confirmed = (await previewTripMessage(trip.id, message)).recipients
    await submitSignup(trip.slug, signupValues({ firstName: 'Bo' })) // signs up between preview and send
    expect(await sendTripMessage('eva@mjolby.se', trip.id, message, { expectedRecipients: confirmed })).toEqual({ kind: 'recipients-changed', recipients: 2 })
    expect(await db().outboxMessage.count({ where: { kind: `message:${trip.id}` } })).toBe(0)
    expect(await db().auditEntry.count({ where: { action: 'message.sent' } })).toBe(0)
  })
})

describe('trip overview', () => {
  it('counts seats, the waiting list, cancellations, roles and signups per day', async () => {
    const trip = await createTestTrip(db(), { seats: 2, boardingStops: ['Mjölby', 'Mantorp'] })
    const [mjolby] = trip.boardingStops
    for (const role of ['foretagare', 'foretagare', 'annan'] as const) {
      await submitSignup(trip.slug, signupValues({ role, boardingStopId: String(mjolby!.id) }))
    }
    const o = await tripOverview(trip.id, trip.seats)
    expect(o).toMatchObject({ seats: 2, confirmed: 2, seatsLeft: 0, waitlisted: 1, cancelled: 0 })
    expect(o.roles.sort((a, b) => b.value - a.value)).toEqual([
      { label: 'Företagare', value: 2 },
      { label: 'Annan', value: 1 },
    ])
    expect(o.stops).toEqual([{ label: 'Mjölby', value: 3 }])
    // Today's signups as the running total, dated the Stockholm day they were made.
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date())
    expect(o.signupsOverTime).toMatchObject([{ count: 3, total: 3, label: today }])
  })
})
