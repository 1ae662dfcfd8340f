// The organisers' content: trips, boarding stops, host cities, programme items and the contact
// settings, each saved in one transaction with its audit entry.
import { describe, expect, it } from 'vitest'
import { db } from '../../lib/db'
import { stockholmLocalToUtc, utcToStockholmLocal } from '../../lib/dates'
import { saveSiteSettings, settingsFormValues } from '../../lib/settings/edit'
import { saveTrip } from '../../lib/trips/edit'
import { saveHostCity } from '../../lib/trips/host-city-edit'
import { deleteProgrammeItem, saveProgrammeItem } from '../../lib/trips/programme'
import { createTestTrip } from '../support/factories'

// Content is saved whatever today is: fixed trip days keep the expected texts readable.
const MAY_2027 = { startDate: new Date('2027-05-20T00:00:00Z'), endDate: new Date('2027-05-21T00:00:00Z') }

const ACTOR = 'eva@mjolby.se'

function tripForm(overrides: Record<string, unknown> = {}) {
  return {
    slug: '2027-boras',
    year: '2027',
    title: 'Mjölbybussen till Borås 2027',
    summary: 'Två dagar i Borås.',
    description: '## Om resan\n\nVi åker **tidigt**.',
    startDate: '2027-05-20',
    endDate: '2027-05-21',
    departureText: 'Kl. 06.30 från Mjölby station',
    returnText: '',
    priceSek: '1 500',
    accommodation: 'Hotell i centrum',
    seats: '40',
    registrationOpen: 'on',
    registrationDeadline: '2027-04-30T23:59',
    changesAllowedUntil: '2027-05-10T12:00',
    reminderDaysBefore: '3',
    hasOvernight: 'on',
    boardingStops: 'Mjölby station\r\nMantorp\n\n  Skänninge  \n',
    hostCityIds: [] as string[],
    ...overrides,
  }
}

async function registerAt(tripId: number, boardingStopId: number, status: 'CONFIRMED' | 'WAITLISTED' = 'CONFIRMED') {
  return db().registration.create({
    data: {
      tripId,
      boardingStopId,
      status,
      firstName: 'Bo',
      lastName: 'Ek',
      email: `bo.${Math.random().toString(36).slice(2)}@example.se`,
      phone: '+46701234567',
      organisation: 'Mjölby kommun',
      role: 'OTHER',
      privacyAcceptedAt: new Date(),
    },
  })
}

describe('Stockholm time', () => {
  it('converts wall-clock time to UTC in summer and winter, and back', () => {
    expect(stockholmLocalToUtc('2027-05-20', '09:00').toISOString()).toBe('2027-05-20T07:00:00.000Z')
    expect(stockholmLocalToUtc('2027-01-15', '09:00').toISOString()).toBe('2027-01-15T08:00:00.000Z')
    expect(utcToStockholmLocal(new Date('2027-04-30T21:59:00Z'))).toBe('2027-04-30T23:59')
    expect(utcToStockholmLocal(new Date('2027-12-31T22:59:00Z'))).toBe('2027-12-31T23:59')
  })
})

describe('saveTrip', () => {
  it('creates a trip with every field, its boarding stops in order and its host cities, and audits it', async () => {
    const city = await db().hostCity.create({ data: { slug: 'boras', name: 'Borås', county: 'Västra Götalands län', portrait: '' } })
    const result = await saveTrip(ACTOR, null, tripForm({ hostCityIds: [String(city.id)] }))
    expect(result).toMatchObject({ ok: true, warnings: [] })
    const trip = await db().trip.findUniqueOrThrow({
      where: { slug: '2027-boras' },
      include: { boardingStops: { orderBy: { position: 'asc' } }, hostCities: true },
    })
    expect(trip).toMatchObject({
      year: 2027,
      title: 'Mjölbybussen till Borås 2027',
      description: '## Om resan\n\nVi åker **tidigt**.',
      returnText: null,
      priceSek: 1500,
      seats: 40,
      registrationOpen: true,
      hasOvernight: true,
      reminderDaysBefore: 3,
    })
    expect(trip.startDate?.toISOString()).toBe('2027-05-20T00:00:00.000Z')
    expect(trip.registrationDeadline?.toISOString()).toBe('2027-04-30T21:59:00.000Z') // 23.59 Stockholm summer time
    expect(trip.changesAllowedUntil?.toISOString()).toBe('2027-05-10T10:00:00.000Z')
    expect(trip.boardingStops.map((s) => s.name)).toEqual(['Mjölby station', 'Mantorp', 'Skänninge'])
    expect(trip.hostCities.map((h) => h.hostCityId)).toEqual([city.id])
    const audit = await db().auditEntry.findFirstOrThrow({ where: { entityType: 'trip', entityId: String(trip.id) } })
    expect(audit).toMatchObject({ actor: ACTOR, action: 'trip.created' })
  })

  it('updates a trip and records only the fields that changed', async () => {
    const trip = await createTestTrip(db(), { boardingStops: ['Mjölby', 'Mantorp'] })
    const form = tripForm({ slug: trip.slug, title: trip.title, boardingStops: 'Mjölby\nMantorp', registrationOpen: undefined })
    expect((await saveTrip(ACTOR, trip.slug, form)).ok).toBe(true)
    await db().auditEntry.deleteMany()
    const result = await saveTrip(ACTOR, trip.slug, { ...form, seats: '25', description: 'Ny text.' })
    expect(result.ok).toBe(true)
    const entries = await db().auditEntry.findMany()
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ action: 'trip.updated', actor: ACTOR, entityId: String(trip.id) })
    expect(entries[0]!.changes).toEqual({ seats: { from: 40, to: 25 }, description: { from: '## Om resan\n\nVi åker **tidigt**.', to: 'Ny text.' } })
    // Saving again without changes writes no entry.
    await saveTrip(ACTOR, trip.slug, { ...form, seats: '25', description: 'Ny text.' })
    expect(await db().auditEntry.count()).toBe(1)
  })

  it('refuses a slug that is taken or not URL-safe, with Swedish messages', async () => {
    const other = await createTestTrip(db())
    const taken = await saveTrip(ACTOR, null, tripForm({ slug: other.slug }))
    expect(taken).toEqual({ ok: false, errors: { slug: 'Det finns redan en resa med det adressnamnet.' } })
    for (const slug of ['Borås 2027', 'a--b', '-a', 'ny', '']) {
      const result = await saveTrip(ACTOR, null, tripForm({ slug }))
      expect(result.ok, slug).toBe(false)
      if (!result.ok) expect(result.errors.slug, slug).toMatch(/adressnamn/i)
    }
  })

  it('gives errors beside the fields for bad input', async () => {
    const result = await saveTrip(
      ACTOR,
      null,
      tripForm({ title: ' ', seats: 'många', registrationDeadline: '30 april' }),
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toMatchObject({
      title: 'Fyll i rubrik.',
      seats: 'Antal platser ska vara ett heltal.',
      registrationDeadline: expect.stringContaining('Skriv sista anmälningsdag som datum och klockslag'),
    })
    // Rules across fields, once each field is right.
    expect(await saveTrip(ACTOR, null, tripForm({ endDate: '2027-05-19', year: '2026' }))).toEqual({
      ok: false,
      errors: { endDate: 'Sista dagen kan inte vara före första dagen.', year: 'Året ska vara samma som första dagens år.' },
    })
    expect(await db().trip.count()).toBe(0)
  })

  it('allows fewer seats than confirmed participants, with a warning', async () => {
    const trip = await createTestTrip(db(), { seats: 3, boardingStops: ['Mjölby'] })
    for (let i = 0; i < 3; i++) await registerAt(trip.id, trip.boardingStops[0]!.id)
    const result = await saveTrip(ACTOR, trip.slug, tripForm({ slug: trip.slug, seats: '2', boardingStops: 'Mjölby' }))
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.warnings).toEqual([expect.stringContaining('3 bekräftade deltagare men bara 2 platser')])
    expect((await db().trip.findUniqueOrThrow({ where: { id: trip.id } })).seats).toBe(2)
  })

  it('renames and reorders a boarding stop that registrations use, but refuses to remove it', async () => {
    const trip = await createTestTrip(db(), { boardingStops: ['Mjölby', 'Mantorp', 'Skänninge'] })
    const [mjolby, mantorp, skanninge] = trip.boardingStops
    const registration = await registerAt(trip.id, mantorp!.id)

    const removed = await saveTrip(ACTOR, trip.slug, tripForm({ slug: trip.slug, boardingStops: 'Mjölby\nSkänninge' }))
    expect(removed).toEqual({
      ok: false,
      errors: { boardingStops: 'Påstigningsplatsen ”Mantorp” kan inte tas bort: 1 anmälan använder den. Du kan byta namn på den i stället.' },
    })

    // Renamed (the changed lines pair up in order), reordered, and an unused one removed.
    const result = await saveTrip(ACTOR, trip.slug, tripForm({ slug: trip.slug, boardingStops: 'Mantorp centrum\nMjölby' }))
    expect(result.ok).toBe(true)
    const stops = await db().boardingStop.findMany({ where: { tripId: trip.id }, orderBy: { position: 'asc' } })
    expect(stops.map((s) => s.name)).toEqual(['Mantorp centrum', 'Mjölby'])
    expect(stops[0]!.id).toBe(mantorp!.id)
    expect(stops[1]!.id).toBe(mjolby!.id)
    expect(stops.map((s) => s.id)).not.toContain(skanninge!.id)
    expect((await db().registration.findUniqueOrThrow({ where: { id: registration.id } })).boardingStopId).toBe(mantorp!.id)
    const audit = await db().auditEntry.findFirstOrThrow({ where: { action: 'trip.updated' }, orderBy: { id: 'desc' } })
    expect((audit.changes as Record<string, unknown>).boardingStops).toEqual({
      from: ['Mjölby', 'Mantorp', 'Skänninge'],
      to: ['Mantorp centrum', 'Mjölby'],
    })
    // A new line is a new stop.
    await saveTrip(ACTOR, trip.slug, tripForm({ slug: trip.slug, boardingStops: 'Mantorp centrum\nMjölby\nVadstena' }))
    const three = await db().boardingStop.findMany({ where: { tripId: trip.id }, orderBy: { position: 'asc' } })
    expect(three.map((s) => s.name)).toEqual(['Mantorp centrum', 'Mjölby', 'Vadstena'])
    expect(three.slice(0, 2).map((s) => s.id)).toEqual([mantorp!.id, mjolby!.id])
  })

  it('refuses the same boarding stop twice', async () => {
    const result = await saveTrip(ACTOR, null, tripForm({ boardingStops: 'Mjölby\nmjölby' }))
    expect(result).toMatchObject({ ok: false, errors: { boardingStops: 'Påstigningsplatsen ”mjölby” står med två gånger.' } })
  })

  it('sets the host cities, keeping the focus text of those that stay', async () => {
    const [a, b, c] = await Promise.all(
      ['a', 'b', 'c'].map((s) => db().hostCity.create({ data: { slug: `ort-${s}`, name: `Ort ${s}`, county: 'Län', portrait: '' } })),
    )
    const trip = await createTestTrip(db())
    await db().tripHostCity.createMany({
      data: [
        { tripId: trip.id, hostCityId: a!.id, position: 0, focus: 'Fokus A' },
        { tripId: trip.id, hostCityId: b!.id, position: 1 },
      ],
    })
    const result = await saveTrip(ACTOR, trip.slug, tripForm({ slug: trip.slug, hostCityIds: [String(a!.id), String(c!.id)] }))
    expect(result.ok).toBe(true)
    const links = await db().tripHostCity.findMany({ where: { tripId: trip.id }, orderBy: { position: 'asc' } })
    expect(links.map((l) => [l.hostCityId, l.focus])).toEqual([
      [a!.id, 'Fokus A'],
      [c!.id, null],
    ])
    expect(await saveTrip(ACTOR, trip.slug, tripForm({ slug: trip.slug, hostCityIds: ['999999'] }))).toMatchObject({
      ok: false,
      errors: { hostCityIds: 'Välj orter ur listan.' },
    })
  })
})

describe('programme items', () => {
  it('adds, edits and deletes an item in Stockholm time, each audited', async () => {
    const trip = await createTestTrip(db(), MAY_2027) // programme days are checked against these dates
    const added = await saveProgrammeItem(ACTOR, trip.slug, null, {
      day: '2027-05-20',
      startTime: '09:00',
      endTime: '10.00',
      title: 'Besök på Textilmuseet',
      place: 'Textilens hus',
      participants: 'Kommunstyrelsens ordförande',
    })
    expect(added.ok).toBe(true)
    if (!added.ok) return
    const item = await db().programmeItem.findUniqueOrThrow({ where: { id: added.value.id } })
    expect(item).toMatchObject({ tripId: trip.id, title: 'Besök på Textilmuseet', place: 'Textilens hus' })
    expect(item.startsAt.toISOString()).toBe('2027-05-20T07:00:00.000Z')
    expect(item.endsAt?.toISOString()).toBe('2027-05-20T08:00:00.000Z')

    const edited = await saveProgrammeItem(ACTOR, trip.slug, item.id, { day: '2027-05-21', startTime: '13:30', endTime: '', title: 'Besök på Textilmuseet', place: '' })
    expect(edited.ok).toBe(true)
    const after = await db().programmeItem.findUniqueOrThrow({ where: { id: item.id } })
    expect(after).toMatchObject({ endsAt: null, place: null, participants: null })
    expect(after.startsAt.toISOString()).toBe('2027-05-21T11:30:00.000Z')

    expect(await deleteProgrammeItem(ACTOR, trip.slug, item.id)).toMatchObject({ ok: true })
    expect(await db().programmeItem.count()).toBe(0)
    const actions = (await db().auditEntry.findMany({ where: { entityType: 'programmeItem' }, orderBy: { id: 'asc' } })).map((e) => e.action)
    expect(actions).toEqual(['programme.item_added', 'programme.item_updated', 'programme.item_deleted'])
  })

  it('refuses bad times, a day outside the trip and an item of another trip', async () => {
    const trip = await createTestTrip(db(), MAY_2027) // programme days are checked against these dates
    const bad = await saveProgrammeItem(ACTOR, trip.slug, null, { day: '', startTime: '25:00', endTime: '', title: '' })
    expect(bad).toEqual({ ok: false, errors: { day: 'Fyll i dag.', startTime: 'Skriv starttid som TT:MM, t.ex. 09:30.', title: 'Fyll i rubrik.' } })
    const order = await saveProgrammeItem(ACTOR, trip.slug, null, { day: '2027-05-20', startTime: '10:00', endTime: '09:00', title: 'X' })
    expect(order).toMatchObject({ ok: false, errors: { endTime: 'Sluttiden ska vara efter starttiden.' } })
    const outside = await saveProgrammeItem(ACTOR, trip.slug, null, { day: '2027-05-25', startTime: '10:00', title: 'X' })
    expect(outside).toMatchObject({ ok: false, errors: { day: 'Dagen ska vara under resan (20–21 maj 2027).' } })

    const other = await createTestTrip(db())
    const item = await db().programmeItem.create({ data: { tripId: other.id, startsAt: new Date('2027-05-20T07:00:00Z'), title: 'Annan' } })
    expect(await deleteProgrammeItem(ACTOR, trip.slug, item.id)).toMatchObject({ ok: false })
    expect(await saveProgrammeItem(ACTOR, trip.slug, item.id, { day: '2027-05-20', startTime: '10:00', title: 'X' })).toMatchObject({ ok: false })
    expect(await db().programmeItem.count()).toBe(1)
  })
})

describe('host cities', () => {
  it('creates and updates a host city, refusing a taken slug', async () => {
    const created = await saveHostCity(ACTOR, null, { slug: 'mora', name: 'Mora', county: 'Dalarnas län', population: '20 000', portrait: 'Vasaloppets mål.' })
    expect(created).toMatchObject({ ok: true, value: { slug: 'mora' } })
    const updated = await saveHostCity(ACTOR, 'mora', { slug: 'mora', name: 'Mora', county: 'Dalarnas län', population: '', portrait: '**Zorn** bodde här.' })
    expect(updated.ok).toBe(true)
    expect(await db().hostCity.findUniqueOrThrow({ where: { slug: 'mora' } })).toMatchObject({ population: null, portrait: '**Zorn** bodde här.' })
    await saveHostCity(ACTOR, null, { slug: 'leksand', name: 'Leksand', county: 'Dalarnas län', portrait: '' })
    expect(await saveHostCity(ACTOR, 'leksand', { slug: 'mora', name: 'Leksand', county: 'Dalarnas län', portrait: '' })).toEqual({
      ok: false,
      errors: { slug: 'Det finns redan en ort med det adressnamnet.' },
    })
    const actions = (await db().auditEntry.findMany({ where: { entityType: 'hostCity' }, orderBy: { id: 'asc' } })).map((e) => e.action)
    expect(actions).toEqual(['hostCity.created', 'hostCity.updated', 'hostCity.created'])
  })
})

describe('contact settings', () => {
  it('saves the contact block, which is then no longer a placeholder', async () => {
    expect((await db().siteSettings.findUniqueOrThrow({ where: { id: 1 } })).isPlaceholder).toBe(true)
    const result = await saveSiteSettings(ACTOR, {
      organiserName: 'Mjölby kommun, Näringslivsenheten',
      phone: '0142-850 00',
      phoneHours: 'Vardagar 8–16',
      email: 'naringsliv@mjolby.se',
      postalAddress: 'Mjölby kommun\n595 80 Mjölby',
      visitingAddress: '',
    })
    expect(result.ok).toBe(true)
    expect(await db().siteSettings.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({
      organiserName: 'Mjölby kommun, Näringslivsenheten',
      phone: '+4614285000',
      email: 'naringsliv@mjolby.se',
      visitingAddress: null,
      isPlaceholder: false,
    })
    // The form shows it again as it was typed, the way Swedes write it.
    expect((await settingsFormValues()).values.phone).toBe('0142-850 00')
    const audit = await db().auditEntry.findFirstOrThrow({ where: { entityType: 'settings' } })
    expect(audit).toMatchObject({ action: 'settings.updated', actor: ACTOR })
    expect(audit.changes).toHaveProperty('isPlaceholder', { from: true, to: false })

    expect(await saveSiteSettings(ACTOR, { organiserName: '', phone: 'x', phoneHours: 'x', email: 'inte-en-adress', postalAddress: 'x' })).toEqual({
      ok: false,
      errors: {
        organiserName: 'Fyll i arrangör.',
        phone: 'Skriv ett svenskt telefonnummer, t.ex. 0142-851 00 eller 070-123 45 67.',
        email: 'Skriv en giltig e-postadress, t.ex. namn@exempel.se.',
      },
    })
  })
})
