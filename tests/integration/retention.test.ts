// The retention job (lib/privacy/retention.ts): on the boundary days it anonymises exactly the
// registrations of trips that ended long enough ago, clears dietary answers earlier, prunes old
// e-mail, scrubs the audit log, keeps every count, and changes nothing when run again. Also: the
// nightly job is scheduled and does the work, and `npm run retention` prints the figures.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, inject, it } from 'vitest'
import { recordAudit } from '../../lib/admin/audit'
import { cancelByOrganiser, correctRegistration } from '../../lib/registrations/organiser-changes'
import { db } from '../../lib/db'
import { JOBS, queue } from '../../lib/jobs/queue'
import { startWorker } from '../../lib/jobs/worker'
import { anonymiseRegistrations, ERASED_VALUE } from '../../lib/privacy/anonymise'
import { addDays, addMonths, runRetention } from '../../lib/privacy/retention'
import { cancelRegistration } from '../../lib/registrations/cancel'
import { registerParticipant } from '../../lib/registrations/signup'
import { parseSignup, type SignupValues } from '../../lib/registrations/schema'
import { createTestTrip, dayFromToday, signupValues } from '../support/factories'

const DEFAULTS = { retentionMonths: 12, dietaryRetentionDays: 30, sentEmailRetentionDays: 30 }
const ORGANISER = 'eva.arrangor@mjolby.se'
const PERSONAL_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'organisation', 'dietaryNeeds', 'otherInfo', 'shareRoomWith', 'showInParticipantList']

type Trip = Awaited<ReturnType<typeof tripWithDates>>

/** A trip with these calendar days (null: not known) and two boarding stops. */
async function tripWithDates(start: string | null, end: string | null, extra: { year?: number; seats?: number } = {}) {
  const startDate = start ? new Date(`${start}T00:00:00Z`) : null
  return createTestTrip(db(), {
    seats: extra.seats ?? 3,
    boardingStops: ['Mjölby', 'Mantorp'],
    startDate,
    endDate: end ? new Date(`${end}T00:00:00Z`) : null,
    year: extra.year ?? startDate?.getUTCFullYear() ?? 2023,
  })
}

/** A moment while the trip still took signups and cancellations: a month before it, or its New Year. */
function beforeTrip(trip: Trip): Date {
  return trip.startDate ? new Date(trip.startDate.getTime() - 30 * 86_400_000) : new Date(Date.UTC(trip.year, 0, 1, 12))
}

async function signUp(trip: Trip, overrides: SignupValues = {}) {
  const parsed = parseSignup(signupValues({ boardingStopId: String(trip.boardingStops[0]!.id), ...overrides }), {
    hasOvernight: true,
    boardingStopIds: trip.boardingStops.map((s) => s.id),
  })
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors))
  const result = await registerParticipant(trip.id, parsed.data, beforeTrip(trip))
  if (result.kind !== 'registered') throw new Error(result.kind)
  return result
}

/** Five registrations of every kind: 3 confirmed, 1 waiting, 1 cancelled; two with dietary answers. */
async function populate(trip: Trip, label: string) {
  const mantorp = String(trip.boardingStops[1]!.id)
  const made = [
    await signUp(trip, { firstName: `Astrid${label}`, lastName: 'Ekholm', dietaryNeeds: `Glutenfritt ${label}`, otherInfo: 'Rullator' }),
    await signUp(trip, { firstName: `Bertil${label}`, role: 'fortroendevald', overnight: 'dubbelrum', shareRoomWith: 'Cecilia' }),
    await signUp(trip, { firstName: `Cecilia${label}`, role: 'tjansteperson', boardingStopId: mantorp, showInParticipantList: 'on' }),
    await signUp(trip, { firstName: `David${label}`, overnight: 'ingen', dietaryNeeds: 'Vegan' }),
    await signUp(trip, { firstName: `Elin${label}`, role: 'annan' }),
  ]
  await cancelRegistration(made[4]!.token, { erase: false }, beforeTrip(trip))
  return made
}

async function countsByTrip() {
  const rows = await db().registration.groupBy({
    by: ['tripId', 'status', 'role', 'overnight', 'boardingStopId'],
    _count: true,
    orderBy: [{ tripId: 'asc' }, { status: 'asc' }, { role: 'asc' }, { overnight: 'asc' }, { boardingStopId: 'asc' }],
  })
  return rows
}

async function snapshot() {
  const [registrations, links, outbox, audit] = await Promise.all([
    db().registration.findMany({ orderBy: { id: 'asc' } }),
    db().registrationLink.findMany({ orderBy: { id: 'asc' } }),
    db().outboxMessage.findMany({ orderBy: { id: 'asc' } }),
    db().auditEntry.findMany({ orderBy: { id: 'asc' } }),
  ])
  return JSON.stringify({ registrations, links, outbox, audit })
}

const stockholmMidnight = (day: string) => new Date(`${day}T00:00:00+02:00`) // summer time (CEST)

describe('anonymising the registrations of ended trips', () => {
  it('never touches a trip that has not been held, whatever its state, and keys off the last day at the boundary', async () => {
    // The injected clock: a day in the future, and trips around it.
    const now = stockholmMidnight('2031-06-15')
    const today = new Date('2031-06-15T00:00:00Z')
    const day = (n: number) => dayFromToday(n, today).toISOString().slice(0, 10)
    const startsToday = await tripWithDates(day(0), day(1)) // stängd: it has started
    const upcoming = await tripWithDates(day(30), day(31)) // öppen
    const undatedThisYear = await tripWithDates(null, null, { year: 2031 }) // no dates: the end of its year
    const draft = await tripWithDates(day(60), null)
    const endedYesterday = await tripWithDates(day(-2), day(-1))
    for (const [trip, label] of [[startsToday, 'S'], [upcoming, 'U'], [undatedThisYear, 'Y'], [draft, 'D'], [endedYesterday, 'E']] as const)
      await populate(trip, label)
    await db().trip.update({ where: { id: draft.id }, data: { publishedAt: null } })

    // The shortest periods there are: one month, one day.
    const shortest = { retentionMonths: 1, dietaryRetentionDays: 1, sentEmailRetentionDays: 30 }
    expect(await runRetention(now, shortest)).toMatchObject({ tripsAnonymised: 0, dietaryCleared: 0 })
    // Ended yesterday: its dietary answers are kept through today (its last day + 1) and go at midnight.
    expect(await runRetention(new Date(stockholmMidnight(day(1)).getTime() - 1), shortest)).toMatchObject({ dietaryCleared: 0 })
    expect(await runRetention(stockholmMidnight(day(1)), shortest)).toMatchObject({ tripsAnonymised: 0, dietaryCleared: 2 })
    // One month after its last day is kept; the day after, anonymised. The others still not.
    const lastDayPlusMonth = addMonths(day(-1), 1)
    expect(await runRetention(stockholmMidnight(lastDayPlusMonth), shortest)).toMatchObject({ tripsAnonymised: 0 })
    expect(await runRetention(stockholmMidnight(addDays(lastDayPlusMonth, 1)), shortest)).toMatchObject({
      tripsAnonymised: 1,
      registrationsAnonymised: 5,
    })
    const anonymised = await db().registration.findMany({ where: { anonymisedAt: { not: null } }, select: { tripId: true } })
    expect(new Set(anonymised.map((r) => r.tripId))).toEqual(new Set([endedYesterday.id]))
  })

  it('touches exactly the trips past their period on the boundary day, in Stockholm time, and keeps every count', async () => {
    // Last day 18 October 2024: kept through 18 October 2025, anonymised from 19 October.
    const ended = await tripWithDates('2024-10-17', '2024-10-18')
    const dayLater = await tripWithDates('2024-10-18', '2024-10-19')
    const dayTrip = await tripWithDates('2024-10-18', null) // no end date: the start day is the last
    const undated = await tripWithDates(null, null, { year: 2023 }) // the end of its year
    const coming = await tripWithDates('2027-05-20', '2027-05-21')
    for (const [trip, label] of [[ended, 'A'], [dayLater, 'B'], [dayTrip, 'C'], [undated, 'D'], [coming, 'E']] as const)
      await populate(trip, label)
    const counts = await countsByTrip()

    // 23.59 on 18 October in Stockholm: only the undated 2023 trip (ended 31 December 2023).
    const before = await runRetention(new Date('2025-10-18T21:59:59Z'), DEFAULTS)
    expect(before).toMatchObject({ tripsAnonymised: 1, registrationsAnonymised: 5 })
    const anonymisedTrips = async () =>
      (await db().registration.groupBy({ by: ['tripId'], where: { anonymisedAt: { not: null } }, _count: true })).map((g) => [g.tripId, g._count])
    expect(await anonymisedTrips()).toEqual([[undated.id, 5]])

    // Midnight: 19 October has begun in Stockholm.
    const midnight = stockholmMidnight('2025-10-19')
    expect(midnight.toISOString()).toBe('2025-10-18T22:00:00.000Z')
    const rowsBefore = await db().registration.findMany({ where: { tripId: ended.id }, orderBy: { id: 'asc' } })
    const figures = await runRetention(midnight, DEFAULTS)
    expect(figures).toMatchObject({ tripsAnonymised: 2, registrationsAnonymised: 10 })
    expect((await anonymisedTrips()).sort()).toEqual([[ended.id, 5], [dayTrip.id, 5], [undated.id, 5]].sort())

    // Every personal field blanked; everything else (status, role, choices, dates) as it was.
    const rowsAfter = await db().registration.findMany({ where: { tripId: ended.id }, orderBy: { id: 'asc' } })
    for (const [i, after] of rowsAfter.entries()) {
      const was = rowsBefore[i]!
      expect(after).toEqual({
        ...was,
        firstName: 'Borttagen',
        lastName: '',
        email: `borttagen-${was.id}@invalid`,
        phone: '',
        organisation: '',
        dietaryNeeds: null,
        otherInfo: null,
        shareRoomWith: null,
        showInParticipantList: false,
        anonymisedAt: midnight,
        updatedAt: midnight,
      })
    }
    const endedJson = JSON.stringify(rowsAfter)
    expect(endedJson).not.toMatch(/AstridA|BertilA|Ekholm|Glutenfritt|Rullator|Cecilia|Vegan|Mjölby Verkstad|\+4670|example\.se/)
    expect(await db().registrationLink.count({ where: { registration: { tripId: ended.id } } })).toBe(0)
    // Unsent e-mail to them is gone (none had been sent here).
    expect(await db().outboxMessage.count({ where: { registration: { tripId: ended.id } } })).toBe(0)

    // The trips not yet due are untouched, links and all.
    for (const trip of [dayLater, coming]) {
      const rows = await db().registration.findMany({ where: { tripId: trip.id } })
      expect(rows.every((r) => r.anonymisedAt === null && r.email.endsWith('@example.se'))).toBe(true)
      expect(await db().registrationLink.count({ where: { registration: { tripId: trip.id } } })).toBeGreaterThan(0)
    }
    // Counts per trip, status, role, overnight and boarding stop: unchanged.
    expect(await countsByTrip()).toEqual(counts)

    // The day after, the trip that ended a day later goes too; the coming trip never.
    expect(await runRetention(stockholmMidnight('2025-10-20'), DEFAULTS)).toMatchObject({ tripsAnonymised: 1, registrationsAnonymised: 5 })
    expect(await db().registration.count({ where: { tripId: coming.id, anonymisedAt: { not: null } } })).toBe(0)
    expect(await countsByTrip()).toEqual(counts)
  })

  it('reads the period from the settings, and a shorter one takes effect at the next run', async () => {
    const trip = await tripWithDates('2025-03-10', '2025-03-11')
    await populate(trip, 'S')
    const now = stockholmMidnight('2025-09-12')
    expect(await runRetention(now)).toMatchObject({ tripsAnonymised: 0, registrationsAnonymised: 0 })
    await db().siteSettings.update({ where: { id: 1 }, data: { retentionMonths: 6 } })
    // 11 March + 6 months = 11 September: anonymised from 12 September.
    expect(await runRetention(now)).toMatchObject({ tripsAnonymised: 1, registrationsAnonymised: 5 })
  })

  it('scrubs the audit log of the anonymised: no names or old values, but the status changes stay', async () => {
    const trip = await tripWithDates('2024-05-20', '2024-05-21', { seats: 1 })
    const first = await signUp(trip, { firstName: 'Örjan', lastName: 'Förstberg' })
    const second = await signUp(trip, { firstName: 'Ulrika', lastName: 'Gammalnamn', phone: '070-111 22 33' })
    const email = (await db().registration.findUniqueOrThrow({ where: { id: second.registrationId } })).email
    const corrected = await correctRegistration(ORGANISER, second.registrationId, {
      ...signupValues({ email, firstName: 'Ulrika', lastName: 'Nyberg', phone: '070-444 55 66', dietaryNeeds: 'Nötallergi' }),
      boardingStopId: String(trip.boardingStops[0]!.id),
    })
    expect(corrected).toMatchObject({ kind: 'updated' })
    expect(await cancelByOrganiser(ORGANISER, first.registrationId)).toMatchObject({ promotedRegistrationId: second.registrationId })
    const entriesBefore = await db().auditEntry.findMany({ orderBy: { id: 'asc' } })
    expect(JSON.stringify(entriesBefore)).toMatch(/Gammalnamn.*Nyberg|Nyberg.*Gammalnamn/)

    await runRetention(stockholmMidnight('2025-06-01'), DEFAULTS)
    const entries = await db().auditEntry.findMany({ orderBy: { id: 'asc' } })
    // The log still says what happened, and when, by whom.
    expect(entries.map((e) => [e.action, e.entityId, e.actor, e.at])).toEqual(entriesBefore.map((e) => [e.action, e.entityId, e.actor, e.at]))
    expect(JSON.stringify(entries)).not.toMatch(/Örjan|Förstberg|Ulrika|Gammalnamn|Nyberg|Nötallergi|\+4670|example\.se/)
    const update = entries.find((e) => e.action === 'registration.updated')!
    expect(update.changes).toMatchObject({
      lastName: { from: ERASED_VALUE, to: ERASED_VALUE },
      phone: { from: ERASED_VALUE, to: ERASED_VALUE },
      dietaryNeeds: { from: ERASED_VALUE, to: ERASED_VALUE },
    })
    expect(entries.find((e) => e.action === 'registration.cancelled')!.changes).toEqual({ status: { from: 'CONFIRMED', to: 'CANCELLED' } })
    expect(entries.find((e) => e.action === 'registration.promoted')!.changes).toEqual({ status: { from: 'WAITLISTED', to: 'CONFIRMED' } })
  })

  it('in another registration\'s entry, an anonymised person\'s name is replaced and the rest stays', async () => {
    const trip = await tripWithDates('2027-05-20', '2027-05-21', { seats: 1 })
    const first = await signUp(trip, { firstName: 'Örjan', lastName: 'Förstberg' })
    const second = await signUp(trip, { firstName: 'Ulrika', lastName: 'Kvarsson' })
    // An entry of the kind written before entries referred to others by number: it names both.
    await db().$transaction((tx) =>
      recordAudit(tx, {
        actor: ORGANISER,
        action: 'registration.promoted',
        entityType: 'registration',
        entityId: second.registrationId,
        tripId: trip.id,
        summary: 'Ulrika Kvarsson fick platsen från reservlistan när Örjan Förstberg avbokades',
        changes: { status: { from: 'WAITLISTED', to: 'CONFIRMED' } },
      }),
    )
    const promoted = () => db().auditEntry.findFirstOrThrow({ where: { action: 'registration.promoted' } })

    const count = await db().$transaction((tx) => anonymiseRegistrations(tx, [first.registrationId], new Date('2027-01-01T00:00:00Z')))
    expect(count).toBe(1)
    expect(await promoted()).toMatchObject({
      summary: 'Ulrika Kvarsson fick platsen från reservlistan när en borttagen deltagare avbokades',
      changes: { status: { from: 'WAITLISTED', to: 'CONFIRMED' } },
    })
    expect((await db().registration.findUniqueOrThrow({ where: { id: second.registrationId } })).firstName).toBe('Ulrika')
    // Once anonymised, a second call does nothing.
    expect(await db().$transaction((tx) => anonymiseRegistrations(tx, [first.registrationId]))).toBe(0)
  })
})

describe('dietary answers', () => {
  it('are cleared the day after the dietary period, with their audit values, while the rest stays', async () => {
    // Last day 21 May 2025: kept through 20 June (30 days), cleared from 21 June.
    const trip = await tripWithDates('2025-05-20', '2025-05-21')
    const other = await tripWithDates('2025-05-21', '2025-05-22')
    const made = await populate(trip, 'K')
    await populate(other, 'L')
    const astrid = await db().registration.findUniqueOrThrow({ where: { id: made[0]!.registrationId } })
    await correctRegistration(ORGANISER, astrid.id, {
      ...signupValues({ email: astrid.email, firstName: astrid.firstName, lastName: 'Ekholm-Ny', dietaryNeeds: 'Laktosfritt' }),
      boardingStopId: String(trip.boardingStops[0]!.id),
    })

    expect(await runRetention(new Date('2025-06-20T21:59:59Z'), DEFAULTS)).toEqual({
      tripsAnonymised: 0,
      registrationsAnonymised: 0,
      dietaryCleared: 0,
      emailsPruned: 0,
    })
    const before = await db().registration.findMany({ where: { tripId: trip.id }, orderBy: { id: 'asc' } })
    const now = stockholmMidnight('2025-06-21')
    // Astrid's (corrected) and David's answers; the cancelled Elin gave none.
    expect(await runRetention(now, DEFAULTS)).toEqual({ tripsAnonymised: 0, registrationsAnonymised: 0, dietaryCleared: 2, emailsPruned: 0 })

    const after = await db().registration.findMany({ where: { tripId: trip.id }, orderBy: { id: 'asc' } })
    for (const [i, row] of after.entries()) {
      const was = before[i]!
      expect(row).toEqual({ ...was, dietaryNeeds: null, updatedAt: was.dietaryNeeds ? now : was.updatedAt })
    }
    expect(after.every((r) => r.anonymisedAt === null && r.email.endsWith('@example.se'))).toBe(true)
    // The other trip (one day later) keeps its answers until the next day.
    expect(await db().registration.count({ where: { tripId: other.id, dietaryNeeds: { not: null } } })).toBe(2)

    // In the audit log the dietary values are erased and the other changes (not yet due) stay.
    const update = await db().auditEntry.findFirstOrThrow({ where: { action: 'registration.updated', entityId: String(astrid.id) } })
    expect(update.changes).toMatchObject({
      dietaryNeeds: { from: ERASED_VALUE, to: ERASED_VALUE },
      lastName: { from: 'Ekholm', to: 'Ekholm-Ny' },
    })
    expect(JSON.stringify(update)).not.toMatch(/Glutenfritt|Laktosfritt/)
    expect(await runRetention(stockholmMidnight('2025-06-22'), DEFAULTS)).toMatchObject({ dietaryCleared: 2 })
  })
})

describe('sent and failed e-mail', () => {
  it('loses its address, text and quoted addresses after the period; the record and unsent e-mail stay', async () => {
    const now = new Date('2026-03-01T12:00:00Z')
    const day = 24 * 3600 * 1000
    const justOver = new Date(now.getTime() - 30 * day - 1000)
    const justUnder = new Date(now.getTime() - 30 * day + 1000)
    const make = async (status: 'SENT' | 'FAILED' | 'QUEUED', at: Date, lastError: string | null = null) => {
      const message = await db().outboxMessage.create({
        data: {
          kind: 'message-test',
          toAddress: 'mottagare.hemlig@example.se',
          subject: 'Välkommen på resan',
          textBody: 'Hej! Din länk: http://x/anmalan/abc',
          htmlBody: '<p>Hej!</p>',
          icsAttachment: status === 'SENT' ? null : 'BEGIN:VCALENDAR',
          status,
          lastError,
          sentAt: status === 'SENT' ? at : null,
        },
      })
      // updatedAt is set by Prisma on write: put it where the message's last change was.
      await db().$executeRaw`UPDATE "OutboxMessage" SET "updatedAt" = ${at}, "createdAt" = ${at} WHERE id = ${message.id}`
      return message.id
    }
    const oldSent = await make('SENT', justOver)
    const newSent = await make('SENT', justUnder)
    const oldFailed = await make('FAILED', justOver, '550 5.1.1 <mottagare.hemlig@example.se>: Recipient address rejected')
    const newFailed = await make('FAILED', justUnder, '550 no such user')
    const oldQueued = await make('QUEUED', justOver)

    expect(await runRetention(now, DEFAULTS)).toMatchObject({ emailsPruned: 2 })
    const byId = async (id: number) => db().outboxMessage.findUniqueOrThrow({ where: { id } })
    for (const id of [oldSent, oldFailed]) {
      expect(await byId(id)).toMatchObject({
        toAddress: 'borttagen@invalid',
        textBody: '',
        htmlBody: '',
        icsAttachment: null,
        subject: 'Välkommen på resan',
        kind: 'message-test',
      })
    }
    expect((await byId(oldFailed)).lastError).toBe('550 5.1.1 <(adress borttagen)>: Recipient address rejected')
    expect((await byId(oldFailed)).status).toBe('FAILED')
    for (const id of [newSent, newFailed, oldQueued]) expect((await byId(id)).toAddress).toBe('mottagare.hemlig@example.se')
    expect((await byId(oldQueued)).textBody).not.toBe('')
    expect(await runRetention(now, DEFAULTS)).toMatchObject({ emailsPruned: 0 })
  })
})

describe('running it again', () => {
  it('changes nothing: every figure is zero and every row as the first run left it', async () => {
    const ended = await tripWithDates('2024-04-10', '2024-04-11')
    const recent = await tripWithDates('2025-04-10', '2025-04-11')
    await populate(ended, 'X')
    await populate(recent, 'Y')
    await db().outboxMessage.updateMany({ data: { status: 'SENT', sentAt: new Date('2025-04-01T00:00:00Z') } })
    const now = stockholmMidnight('2025-06-01')
    const first = await runRetention(now, DEFAULTS)
    // Pruned: the recent trip's 6 e-mails to participants and both trips' notices to the organisers (the
    // anonymised trip's own e-mails lost their address and text as it was anonymised).
    expect(first).toEqual({ tripsAnonymised: 1, registrationsAnonymised: 5, dietaryCleared: 2, emailsPruned: 8 })
    const state = await snapshot()
    expect(await runRetention(now, DEFAULTS)).toEqual({ tripsAnonymised: 0, registrationsAnonymised: 0, dietaryCleared: 0, emailsPruned: 0 })
    expect(await snapshot()).toBe(state)
    expect(await runRetention(new Date('2025-06-02T12:00:00Z'), DEFAULTS)).toEqual({
      tripsAnonymised: 0,
      registrationsAnonymised: 0,
      dietaryCleared: 0,
      emailsPruned: 0,
    })
    expect(await snapshot()).toBe(state)
  })
})

describe('npm run retention', () => {
  it('runs the job on DATABASE_URL and prints the figures in Swedish', async () => {
    const trip = await tripWithDates('2020-05-20', '2020-05-21')
    await populate(trip, 'N')
    const { stdout } = await promisify(execFile)(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/retention.ts'], {
      env: { ...process.env, DATABASE_URL: inject('databaseUrl'), LOG_LEVEL: 'warn' },
    })
    expect(stdout).toContain('Gallringen är klar.')
    expect(stdout).toContain('Anmälningar avidentifieras 12 månader efter resan, svar om specialkost tas bort 30 dagar efter resan')
    expect(stdout).toMatch(/Resor vars anmälningar avidentifierades nu: +1\n/)
    expect(stdout).toMatch(/Avidentifierade anmälningar: +5\n/)
    expect(await db().registration.count({ where: { tripId: trip.id, anonymisedAt: null } })).toBe(0)
  })
})

// Last: the worker it starts keeps delivering e-mail in the background.
describe('the nightly job', () => {
  it('is scheduled at 03.30 Stockholm time, and a job on its queue runs the retention', async () => {
    await startWorker()
    const boss = await queue()
    const [schedule] = await db().$queryRaw<{ name: string; cron: string; timezone: string }[]>`
      SELECT name, cron, timezone FROM pgboss.schedule WHERE name = ${JOBS.runRetention}`
    expect(schedule).toEqual({ name: 'privacy.retention', cron: '30 3 * * *', timezone: 'Europe/Stockholm' })

    const trip = await tripWithDates('2020-05-20', '2020-05-21')
    await populate(trip, 'J')
    await boss.send(JOBS.runRetention, {})
    const deadline = Date.now() + 45_000
    while ((await db().registration.count({ where: { tripId: trip.id, anonymisedAt: null } })) > 0) {
      if (Date.now() > deadline) throw new Error('the retention job did not run within 45 s')
      await new Promise((r) => setTimeout(r, 250))
    }
    expect(await db().registration.count({ where: { tripId: trip.id, anonymisedAt: { not: null } } })).toBe(5)
  })
})
