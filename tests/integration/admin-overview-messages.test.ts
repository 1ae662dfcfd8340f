import { describe, expect, it } from 'vitest'
import { db } from '../../lib/db'
import { messageStats, sendTripMessage } from '../../lib/admin/messages'
import { tripOverview } from '../../lib/admin/overview'
import { submitSignup } from '../../lib/registrations/signup'
import { createTestTrip, signupValues } from '../support/factories'

describe('messages to a trip’s participants', () => {
  it('queues one e-mail per recipient, each with their own link, and logs who sent it', async () => {
    const trip = await createTestTrip(db(), { seats: 2 })
    for (let i = 0; i < 3; i++) await submitSignup(trip.slug, signupValues({ firstName: `P${i}` })) // 2 confirmed, 1 waiting
    const sent = await sendTripMessage('eva@mjolby.se', trip.id, {
      audience: 'confirmed',
      subject: 'Ändrad avgångstid',
      body: 'Bussen går kl. 07.30.\n\nVälkomna!',
    })
    expect(sent).toBe(2)
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
    expect(o.signupsPerDay).toHaveLength(1)
    expect(o.signupsPerDay[0]!.value).toBe(3)
    // Today's signups as the running total, dated the Stockholm day they were made.
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date())
    expect(o.signupsOverTime).toMatchObject([{ count: 3, total: 3, label: today }])
  })
})
