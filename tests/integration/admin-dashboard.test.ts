import { describe, expect, it } from 'vitest'
import { adminDashboard, PROBLEMS_SHOWN } from '../../lib/admin/dashboard'
import { db } from '../../lib/db'
import type { RegistrationStatus } from '../../lib/generated/prisma/enums'
import { createTestTrip, dayFromToday } from '../support/factories'

const HOUR = 3_600_000
const DAY = 24 * HOUR

let people = 0
async function register(tripId: number, status: RegistrationStatus, overrides: { createdAt?: Date; firstName?: string } = {}) {
  people++
  return db().registration.create({
    data: {
      tripId,
      status,
      firstName: overrides.firstName ?? `Person${people}`,
      lastName: 'Prov',
      email: `person.${people}.${tripId}@example.se`,
      phone: '+46701234567',
      organisation: 'Prov AB',
      role: 'OTHER',
      privacyAcceptedAt: new Date(),
      cancelledAt: status === 'CANCELLED' ? new Date() : null,
      createdAt: overrides.createdAt,
    },
  })
}

/** An outbox row in a given state, written and last touched at given times (as the worker leaves it). */
async function outbox(fields: { status: 'QUEUED' | 'SENDING' | 'SENT' | 'FAILED'; registrationId?: number; to?: string; subject?: string; createdAt: Date; updatedAt?: Date; attempts?: number }) {
  const row = await db().outboxMessage.create({
    data: {
      kind: 'confirmed',
      registrationId: fields.registrationId ?? null,
      toAddress: fields.to ?? 'someone@example.se',
      subject: fields.subject ?? 'Bekräftelse',
      textBody: '',
      htmlBody: '',
      status: fields.status,
      attempts: fields.attempts ?? 1,
      createdAt: fields.createdAt,
      sentAt: fields.status === 'SENT' ? fields.updatedAt ?? fields.createdAt : null,
    },
  })
  // updatedAt is @updatedAt (Prisma sets it to now): set the time the worker last touched it directly.
  await db().$executeRaw`UPDATE "OutboxMessage" SET "updatedAt" = ${fields.updatedAt ?? fields.createdAt} WHERE id = ${row.id}`
  return row
}

describe('the admin start page', () => {
  it('gives each current trip its state, seats, waiting list and recent signups, and lists the past trips apart', async () => {
    const now = new Date()
    const open = await createTestTrip(db(), { title: 'Öppna resan', seats: 2, startDate: dayFromToday(40) })
    await register(open.id, 'CONFIRMED')
    await register(open.id, 'CONFIRMED', { createdAt: new Date(now.getTime() - 10 * DAY) }) // before the last seven days
    await register(open.id, 'WAITLISTED')
    await register(open.id, 'CANCELLED', { createdAt: new Date(now.getTime() - 2 * DAY) })
    const draft = await createTestTrip(db(), { title: 'Utkastet', seats: 30, publishedAt: null, startDate: dayFromToday(300) })
    const started = await createTestTrip(db(), { title: 'Pågående resan', seats: 5, startDate: dayFromToday(0), endDate: dayFromToday(1) })
    await register(started.id, 'CONFIRMED', { createdAt: new Date(now.getTime() - 20 * DAY) })
    const undated = await createTestTrip(db(), { title: 'Datum saknas', seats: 5, publishedAt: null, startDate: null, endDate: null, year: 2099 })
    const lastYear = await createTestTrip(db(), { title: 'Förra resan', startDate: dayFromToday(-400), endDate: dayFromToday(-399) })
    await register(lastYear.id, 'CONFIRMED', { createdAt: new Date(now.getTime() - 430 * DAY) })
    await register(lastYear.id, 'CANCELLED', { createdAt: new Date(now.getTime() - 430 * DAY) })
    const lastMonth = await createTestTrip(db(), { title: 'Förra månadens resa', startDate: dayFromToday(-30), endDate: dayFromToday(-30) })

    const dashboard = await adminDashboard(now)

    // Soonest first; a trip without dates last.
    expect(dashboard.currentTrips).toEqual([
      expect.objectContaining({ id: started.id, state: 'stangd', seats: 5, confirmed: 1, seatsLeft: 4, waitlisted: 0, recentSignups: 0 }),
      expect.objectContaining({ id: open.id, slug: open.slug, title: 'Öppna resan', state: 'fullbokad', seats: 2, confirmed: 2, seatsLeft: 0, waitlisted: 1, recentSignups: 3 }),
      expect.objectContaining({ id: draft.id, state: 'utkast', seats: 30, confirmed: 0, seatsLeft: 30, waitlisted: 0, recentSignups: 0 }),
      expect.objectContaining({ id: undated.id, state: 'utkast' }),
    ])
    // The latest past trip first, with how many went.
    expect(dashboard.pastTrips.map((t) => [t.id, t.confirmed])).toEqual([
      [lastMonth.id, 0],
      [lastYear.id, 1],
    ])
  })

  it('says there is nothing to do when every e-mail has gone, and counts the interest list', async () => {
    const now = new Date()
    const trip = await createTestTrip(db())
    const r = await register(trip.id, 'CONFIRMED')
    await outbox({ status: 'SENT', registrationId: r.id, createdAt: new Date(now.getTime() - 2 * DAY) })
    await outbox({ status: 'QUEUED', registrationId: r.id, createdAt: new Date(now.getTime() - 5 * 60_000) }) // on its way
    await db().interestSubscription.createMany({
      data: [
        { email: 'a@example.se', confirmedAt: now },
        { email: 'b@example.se', confirmedAt: now },
        { email: 'c@example.se', confirmedAt: null }, // not confirmed: not counted
      ],
    })
    const dashboard = await adminDashboard(now)
    expect(dashboard.problems).toEqual({ failed: 0, waiting: 0, shown: [] })
    expect(dashboard.interested).toBe(2)
  })

  it('lists e-mail that failed or has waited over half an hour, with whom it was for', async () => {
    const now = new Date()
    const trip = await createTestTrip(db(), { title: 'Resan med problem' })
    const anna = await register(trip.id, 'CONFIRMED', { firstName: 'Anna' })
    const bo = await register(trip.id, 'CONFIRMED', { firstName: 'Bo' })
    const cia = await register(trip.id, 'WAITLISTED', { firstName: 'Cia' })
    const dan = await register(trip.id, 'CONFIRMED', { firstName: 'Dan' })

    const annaFailed = await outbox({ status: 'FAILED', registrationId: anna.id, subject: 'Bekräftelse: Anna', createdAt: new Date(now.getTime() - 3 * HOUR), updatedAt: new Date(now.getTime() - HOUR), attempts: 4 })
    // Bo's failure was followed by an e-mail that went out (an organiser sent it again): settled.
    await outbox({ status: 'FAILED', registrationId: bo.id, createdAt: new Date(now.getTime() - 5 * HOUR), updatedAt: new Date(now.getTime() - 4 * HOUR) })
    await outbox({ status: 'SENT', registrationId: bo.id, createdAt: new Date(now.getTime() - 3 * HOUR) })
    // Someone else's later e-mail does not settle Anna's.
    await outbox({ status: 'SENT', registrationId: dan.id, createdAt: new Date(now.getTime() - 10 * 60_000) })
    // A failure from long ago is no longer listed.
    await outbox({ status: 'FAILED', registrationId: dan.id, createdAt: new Date(now.getTime() - 45 * DAY), updatedAt: new Date(now.getTime() - 40 * DAY) })
    // A failed e-mail that belongs to no registration (an interest-list confirmation).
    const strayFailed = await outbox({ status: 'FAILED', to: 'intresse@example.se', subject: 'Bekräfta din adress', createdAt: new Date(now.getTime() - 2 * HOUR) })
    // Waiting: queued 45 minutes, or stuck sending 2 hours; one queued 10 minutes is on its way.
    const ciaWaiting = await outbox({ status: 'QUEUED', registrationId: cia.id, subject: 'Reservlista: Cia', createdAt: new Date(now.getTime() - 45 * 60_000), attempts: 3 })
    const stuck = await outbox({ status: 'SENDING', registrationId: dan.id, createdAt: new Date(now.getTime() - 2 * HOUR) })
    await outbox({ status: 'QUEUED', registrationId: anna.id, createdAt: new Date(now.getTime() - 10 * 60_000) })

    const { problems } = await adminDashboard(now)
    expect(problems.failed).toBe(2)
    expect(problems.waiting).toBe(2)
    // Oldest first within each kind.
    expect(problems.shown.map((p) => [p.problem, p.messageId])).toEqual([
      ['failed', strayFailed.id], // failed two hours ago
      ['failed', annaFailed.id], // failed an hour ago
      ['waiting', stuck.id],
      ['waiting', ciaWaiting.id],
    ])
    expect(problems.shown[1]).toEqual({
      messageId: annaFailed.id,
      problem: 'failed',
      subject: 'Bekräftelse: Anna',
      to: 'someone@example.se',
      at: new Date(now.getTime() - HOUR),
      attempts: 4,
      registration: { id: anna.id, name: 'Anna Prov', tripSlug: trip.slug, tripTitle: 'Resan med problem' },
    })
    expect(problems.shown[0]).toMatchObject({ to: 'intresse@example.se', subject: 'Bekräfta din adress', registration: null })
    expect(problems.shown[3]).toMatchObject({ at: new Date(now.getTime() - 45 * 60_000), attempts: 3, registration: { id: cia.id, name: 'Cia Prov' } })
  })

  it('lists at most a set number of each kind but counts them all', async () => {
    const now = new Date()
    const many = PROBLEMS_SHOWN + 3
    await db().outboxMessage.createMany({
      data: Array.from({ length: many }, (_, i) => ({
        kind: 'interest-confirm',
        toAddress: `x${i}@example.se`,
        subject: 'Bekräfta din adress',
        textBody: '',
        htmlBody: '',
        status: 'FAILED' as const,
      })),
    })
    await outbox({ status: 'QUEUED', createdAt: new Date(now.getTime() - HOUR) })
    const { problems } = await adminDashboard(now)
    expect(problems.failed).toBe(many)
    expect(problems.waiting).toBe(1)
    expect(problems.shown.filter((p) => p.problem === 'failed')).toHaveLength(PROBLEMS_SHOWN)
    expect(problems.shown.filter((p) => p.problem === 'waiting')).toHaveLength(1)
  })
})
