// The trip's life cycle against the database: drafts stay out of every public read and take no
// signups, a trip that has started takes neither signups, changes nor cancellations, and the
// organisers publish, open at a set time, close, copy ("Kopiera resa") and delete.
import { describe, expect, it } from 'vitest'
import { saveTrip } from '../../lib/trips/edit'
import { db } from '../../lib/db'
import { cancelRegistration } from '../../lib/registrations/cancel'
import { parseSignup } from '../../lib/registrations/schema'
import { registerParticipant, submitSignup } from '../../lib/registrations/signup'
import { updateRegistration } from '../../lib/registrations/update'
import { copyTrip, deleteTrip, tripDeletionPreview } from '../../lib/trips/copy'
import { listHostCities } from '../../lib/trips/host-cities'
import { tripState } from '../../lib/trips/life-cycle'
import { getSignupTrip, getTripPage, listPublicTrips, listTrips } from '../../lib/trips/queries'
import { createTestTrip, dayFromToday, signupValues } from '../support/factories'

const ACTOR = 'eva@mjolby.se'

function input(stopId?: number) {
  const parsed = parseSignup(signupValues(stopId ? { boardingStopId: String(stopId) } : {}), {
    hasOvernight: true,
    boardingStopIds: stopId ? [stopId] : [],
  })
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors))
  return parsed.data
}

const stateOf = async (slug: string, now = new Date()) => {
  const trip = (await listTrips()).find((t) => t.slug === slug)!
  return tripState(trip, now)
}

describe('drafts', () => {
  it('are in no public read and take no signup, but are listed for the admin', async () => {
    const draft = await createTestTrip(db(), { publishedAt: null })
    const city = await db().hostCity.create({ data: { slug: 'exempelby', name: 'Exempelby', county: 'Exempellän', portrait: 'x' } })
    await db().tripHostCity.create({ data: { tripId: draft.id, hostCityId: city.id } })
    expect(await getTripPage(draft.slug)).toBeNull()
    expect(await getSignupTrip(draft.slug)).toBeNull()
    expect((await listPublicTrips()).map((t) => t.slug)).not.toContain(draft.slug)
    expect((await listTrips()).map((t) => t.slug)).toContain(draft.slug)
    expect((await listHostCities()).find((c) => c.slug === 'exempelby')!.trips).toEqual([])
    expect(await submitSignup(draft.slug, signupValues())).toEqual({ kind: 'trip-not-found' })
    expect(await registerParticipant(draft.id, input())).toEqual({ kind: 'closed', reason: 'draft' })
    expect(await db().registration.count()).toBe(0)
  })
})

describe('a trip that has started or been held', () => {
  it('takes no signup from its first day, and none after it, however it is marked', async () => {
    const trip = await createTestTrip(db())
    const firstDay = trip.startDate!
    const eve = new Date(firstDay.getTime() - 3 * 3_600_000 + 59 * 60_000) // 23.59 (or 22.59 in winter) the evening before
    expect((await registerParticipant(trip.id, input(), eve)).kind).toBe('registered')
    const morning = new Date(firstDay.getTime() + 6 * 3_600_000)
    expect(await registerParticipant(trip.id, input(), morning)).toEqual({ kind: 'closed', reason: 'started' })
    const after = new Date(firstDay.getTime() + 3 * 86_400_000)
    expect(await registerParticipant(trip.id, input(), after)).toEqual({ kind: 'closed', reason: 'held' })
  })

  it('keeps answers from changing and cancellations from happening once it has started', async () => {
    const trip = await createTestTrip(db())
    const r = await registerParticipant(trip.id, input())
    if (r.kind !== 'registered') throw new Error(r.kind)
    const morning = new Date(trip.startDate!.getTime() + 6 * 3_600_000)
    expect(await updateRegistration(r.token, signupValues({ organisation: 'Sent AB' }), morning)).toEqual({ kind: 'locked' })
    expect(await cancelRegistration(r.token, { erase: false }, morning)).toEqual({ kind: 'departed' })
    expect((await db().registration.findUniqueOrThrow({ where: { id: r.registrationId } })).status).toBe('CONFIRMED')
    const dayBefore = new Date(trip.startDate!.getTime() - 12 * 3_600_000)
    expect(await cancelRegistration(r.token, { erase: false }, dayBefore)).toMatchObject({ kind: 'cancelled' })
  })
})

describe('the organisers', () => {
  const form = (overrides: Record<string, unknown> = {}) => {
    const start = dayFromToday(70).toISOString().slice(0, 10)
    return {
      slug: 'nasta-resa',
      year: start.slice(0, 4),
      title: 'Nästa resa',
      summary: 'Kort om resan.',
      startDate: start,
      seats: '30',
      reminderDaysBefore: '3',
      boardingStops: 'Mjölby',
      hostCityIds: [],
      ...overrides,
    }
  }

  it('make a new trip a draft until they publish it; published keeps its first moment', async () => {
    expect(await saveTrip(ACTOR, null, form())).toMatchObject({ ok: true })
    expect(await stateOf('nasta-resa')).toEqual({ state: 'utkast' })
    const published = new Date('2030-01-01T10:00:00Z')
    expect(await saveTrip(ACTOR, 'nasta-resa', form({ published: 'on' }), published)).toMatchObject({ ok: true })
    expect(await stateOf('nasta-resa')).toEqual({ state: 'publicerad', opensAt: null })
    await saveTrip(ACTOR, 'nasta-resa', form({ published: 'on', title: 'Ändrad' }), new Date('2030-02-01T10:00:00Z'))
    expect((await db().trip.findUniqueOrThrow({ where: { slug: 'nasta-resa' } })).publishedAt).toEqual(published)
    const audit = await db().auditEntry.findMany({ where: { entityType: 'trip' }, orderBy: { id: 'asc' } })
    expect(audit[1]!.changes).toMatchObject({ publishedAt: { from: null } })
  })

  it('set an opening time at which registration opens by itself, open it and close it', async () => {
    const opensAt = dayFromToday(10)
    const local = `${opensAt.toISOString().slice(0, 10)}T09:00`
    expect(await saveTrip(ACTOR, null, form({ published: 'on', registrationOpensAt: local }))).toMatchObject({ ok: true })
    const trip = await db().trip.findUniqueOrThrow({ where: { slug: 'nasta-resa' } })
    const at = trip.registrationOpensAt!
    expect(await stateOf('nasta-resa', new Date(at.getTime() - 1))).toEqual({ state: 'publicerad', opensAt: at })
    expect(await stateOf('nasta-resa', at)).toEqual({ state: 'oppen', seatsLeft: 30 })
    expect((await registerParticipant(trip.id, input(), new Date(at.getTime() - 1))).kind).toBe('closed')
    expect((await registerParticipant(trip.id, input(), at)).kind).toBe('registered')

    await saveTrip(ACTOR, 'nasta-resa', form({ published: 'on', registrationOpensAt: local, registrationClosed: 'on' }))
    expect(await stateOf('nasta-resa', at)).toEqual({ state: 'stangd', reason: 'closed-by-organisers' })
    await saveTrip(ACTOR, 'nasta-resa', form({ published: 'on', registrationOpen: 'on' }))
    expect(await stateOf('nasta-resa')).toEqual({ state: 'oppen', seatsLeft: 29 })
  })

  it('cannot have registration both open and closed, nor a deadline before the opening', async () => {
    const both = await saveTrip(ACTOR, null, form({ registrationOpen: 'on', registrationClosed: 'on' }))
    expect(both).toEqual({ ok: false, errors: { registrationClosed: 'Anmälan kan inte vara både öppen och stängd. Kryssa i en av dem.' } })
    const early = await saveTrip(ACTOR, null, form({ registrationOpensAt: '2030-05-01T09:00', registrationDeadline: '2030-04-30T23:59' }))
    expect(early).toMatchObject({ ok: false, errors: { registrationDeadline: expect.stringContaining('före') } })
    expect(await db().trip.count()).toBe(0)
  })

  it('copy a trip into a draft with its texts, seats, stops, overnight and reminder, and the deadlines moved', async () => {
    const source = await createTestTrip(db(), {
      seats: 44,
      boardingStops: ['Mjölby', 'Mantorp'],
      startDate: new Date('2030-10-17T00:00:00Z'),
      endDate: new Date('2030-10-18T00:00:00Z'),
      registrationDeadline: new Date('2030-09-15T21:59:00Z'), // 32 days before, 23.59
      changesAllowedUntil: new Date('2030-10-03T10:00:00Z'),
    })
    await db().trip.update({ where: { id: source.id }, data: { reminderDaysBefore: 5, departureText: 'Kl. 06.30', priceSek: 500 } })
    await db().programmeItem.create({ data: { tripId: source.id, startsAt: new Date('2030-10-17T06:00:00Z'), title: 'Avresa' } })

    const copied = await copyTrip(ACTOR, source.slug, '2031-05-20')
    expect(copied).toMatchObject({ ok: true })
    if (!copied.ok) return
    const copy = await db().trip.findUniqueOrThrow({
      where: { slug: copied.slug },
      include: { boardingStops: { orderBy: { position: 'asc' } }, programmeItems: true, hostCities: true },
    })
    expect(copy).toMatchObject({
      title: `Kopia av ${source.title}`,
      summary: source.summary,
      description: source.description,
      seats: 44,
      hasOvernight: true,
      reminderDaysBefore: 5,
      departureText: 'Kl. 06.30',
      priceSek: 500,
      year: 2031,
      publishedAt: null,
      registrationOpen: false,
      registrationClosed: false,
    })
    expect(copy.boardingStops.map((s) => s.name)).toEqual(['Mjölby', 'Mantorp'])
    expect(copy.programmeItems).toEqual([])
    expect(copy.startDate!.toISOString().slice(0, 10)).toBe('2031-05-20')
    expect(copy.endDate!.toISOString().slice(0, 10)).toBe('2031-05-21')
    // The same days before the trip as the original's.
    const before = (d: Date, start: Date) => (start.getTime() - d.getTime()) / 86_400_000
    expect(before(copy.registrationDeadline!, copy.startDate!)).toBe(before(source.registrationDeadline!, source.startDate!))
    expect(before(copy.changesAllowedUntil!, copy.startDate!)).toBe(before(new Date('2030-10-03T10:00:00Z'), source.startDate!))
    expect(await getTripPage(copy.slug)).toBeNull() // a draft
    expect((await db().auditEntry.findFirstOrThrow({ where: { action: 'trip.copied' } })).entityId).toBe(String(copy.id))

    // Without a first day: no dates, no deadlines; a second copy gets a slug of its own.
    const undated = await copyTrip(ACTOR, source.slug, null, new Date('2030-12-01T12:00:00Z'))
    if (!undated.ok) throw new Error(undated.error)
    expect(undated.slug).not.toBe(copied.slug)
    expect(await db().trip.findUniqueOrThrow({ where: { slug: undated.slug } })).toMatchObject({
      startDate: null,
      endDate: null,
      registrationDeadline: null,
      changesAllowedUntil: null,
      year: 2031,
    })
    expect(await copyTrip(ACTOR, source.slug, '20 maj')).toEqual({ ok: false, error: 'Skriv första dagen som ÅÅÅÅ-MM-DD, t.ex. 2027-05-20.' })
    expect(await copyTrip(ACTOR, 'finns-inte', null)).toEqual({ ok: false, error: 'Resan finns inte längre.' })
  })

  it('delete a trip nobody signed up for, and the example with its try-outs, but no other trip with signups', async () => {
    const empty = await createTestTrip(db())
    // The confirmation step reads the same rule before anything is deleted.
    expect(await tripDeletionPreview(empty.slug)).toEqual({ title: empty.title, isExample: false, registrations: 0, refusal: null })
    expect(await deleteTrip(ACTOR, empty.slug)).toMatchObject({ ok: true })
    expect(await tripDeletionPreview(empty.slug)).toBeNull()
    const used = await createTestTrip(db())
    await registerParticipant(used.id, input())
    const refused = await deleteTrip(ACTOR, used.slug)
    expect(refused).toMatchObject({ ok: false, error: expect.stringContaining('1 anmälan') })
    expect(await tripDeletionPreview(used.slug)).toMatchObject({ registrations: 1, refusal: refused.ok ? null : refused.error })
    expect(await db().trip.count({ where: { id: used.id } })).toBe(1)

    const example = await createTestTrip(db())
    await db().trip.update({ where: { id: example.id }, data: { isExample: true } })
    const tryOut = await registerParticipant(example.id, input())
    if (tryOut.kind !== 'registered') throw new Error(tryOut.kind)
    expect(await tripDeletionPreview(example.slug)).toMatchObject({ isExample: true, registrations: 1, refusal: null })
    expect(await deleteTrip(ACTOR, example.slug)).toMatchObject({ ok: true })
    expect(await db().trip.count({ where: { id: example.id } })).toBe(0)
    expect(await db().registration.count({ where: { id: tryOut.registrationId } })).toBe(0)
    expect(await db().registrationLink.count({ where: { registrationId: tryOut.registrationId } })).toBe(0)
  })

  it('make the example their own trip by saving or copying it: no longer an example, so its signups are never deleted', async () => {
    await saveTrip(ACTOR, null, form({ published: 'on', registrationOpen: 'on' }))
    await db().trip.update({ where: { slug: 'nasta-resa' }, data: { isExample: true } })
    const copied = await copyTrip(ACTOR, 'nasta-resa', null)
    if (!copied.ok) throw new Error(copied.error)
    expect((await db().trip.findUniqueOrThrow({ where: { slug: copied.slug } })).isExample).toBe(false)

    expect(await saveTrip(ACTOR, 'nasta-resa', form({ published: 'on', registrationOpen: 'on', title: 'Vår riktiga resa' }))).toMatchObject({ ok: true })
    const trip = await db().trip.findUniqueOrThrow({ where: { slug: 'nasta-resa' } })
    expect(trip.isExample).toBe(false)
    await registerParticipant(trip.id, input())
    expect(await deleteTrip(ACTOR, 'nasta-resa')).toMatchObject({ ok: false, error: expect.stringContaining('1 anmälan') })
  })

  it('move a copy\'s deadlines by whole days at the same Stockholm time, across summer time', async () => {
    // A winter trip with its deadline at 23.59 Stockholm time, copied to a summer date.
    await saveTrip(ACTOR, null, form({ startDate: '2031-01-20', year: '2031', registrationDeadline: '2031-01-10T23:59' }))
    const copied = await copyTrip(ACTOR, 'nasta-resa', '2031-06-20')
    if (!copied.ok) throw new Error(copied.error)
    const copy = await db().trip.findUniqueOrThrow({ where: { slug: copied.slug } })
    expect(copy.registrationDeadline).toEqual(new Date('2031-06-10T21:59:00Z')) // 23.59 summer time
  })
})
