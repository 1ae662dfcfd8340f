// Reminders go to confirmed participants once, however often or concurrently the job runs.
import { describe, expect, it } from 'vitest'
import { db } from '../../lib/db'
import { sendDueReminders } from '../../lib/registrations/reminders'
import { submitSignup } from '../../lib/registrations/signup'
import { stockholmLocalToUtc } from '../../lib/dates'
import { createTestTrip, dayFromToday, signupValues } from '../support/factories'

describe('sendDueReminders', () => {
  it('queues one reminder per confirmed participant when due, with the programme, and never a second', async () => {
    const trip = await createTestTrip(db(), { seats: 2 }) // starts two months from today, reminder 3 days before
    const start = trip.startDate!
    const daysBefore = (days: number, utcTime: string) => new Date(`${dayFromToday(-days, start).toISOString().slice(0, 10)}T${utcTime}Z`)
    await db().programmeItem.create({
      data: { tripId: trip.id, startsAt: stockholmLocalToUtc(start.toISOString().slice(0, 10), '08:00'), title: 'Avresa', place: 'Mjölby resecentrum' },
    })
    for (let i = 0; i < 3; i++) await submitSignup(trip.slug, signupValues()) // 2 confirmed, 1 waiting

    expect(await sendDueReminders(daysBefore(4, '12:00:00'))).toBe(0) // four days before: not yet
    const due = daysBefore(3, '00:30:00') // after midnight in Stockholm, three days before
    const runs = await Promise.all([sendDueReminders(due), sendDueReminders(due), sendDueReminders(due)])
    expect(runs.reduce((a, b) => a + b, 0)).toBe(2)
    expect(await sendDueReminders(due)).toBe(0)

    const reminders = await db().outboxMessage.findMany({ where: { kind: 'reminder' } })
    expect(reminders).toHaveLength(2)
    expect(reminders[0]!.subject).toBe(`Snart dags: ${trip.title}`)
    expect(reminders[0]!.textBody).toContain('kl. 08.00 Avresa (plats: Mjölby resecentrum)')
    expect(await sendDueReminders(daysBefore(0, '10:00:00'))).toBe(0) // the trip has begun
  })

  it('attaches the calendar file to confirmations', async () => {
    const trip = await createTestTrip(db())
    await submitSignup(trip.slug, signupValues())
    const message = await db().outboxMessage.findFirstOrThrow({ where: { kind: 'confirmed' } })
    expect(message.icsAttachment).toContain('BEGIN:VEVENT')
    expect(message.icsAttachment).toContain(`DTSTART;VALUE=DATE:${trip.startDate!.toISOString().slice(0, 10).replaceAll('-', '')}`)
  })
})
