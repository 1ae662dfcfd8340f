import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, inject, it } from 'vitest'
import { db } from '../../lib/db'
import { DataDirInUseError, startEmbeddedPostgres } from '../../lib/db/embedded'
import { applyMigrations, pendingSchemaChanges } from '../../lib/db/migrate'
import { prepareDatabase } from '../../lib/db/prepare'
import { stockholmDayKey } from '../../lib/dates'
import { parseEnv } from '../../lib/env'
import { EXAMPLE_SEATS, EXAMPLE_TRIP_SLUG, wantsExample } from '../../lib/seed/example-trip'
import { seedContent } from '../../lib/seed/seed'
import { tripState } from '../../lib/trips/life-cycle'

describe('seed', () => {
  it('loads the three trips as past and published, four host cities and placeholder contact settings', async () => {
    const now = new Date()
    expect(await seedContent(db(), { now })).toEqual({ tripsAdded: 3, hostCitiesAdded: 4, exampleAdded: false })
    const trips = await db().trip.findMany({ orderBy: { year: 'desc' }, include: { hostCities: { include: { hostCity: true } } } })
    expect(trips.map((t) => [t.slug, t.hostCities.map((h) => h.hostCity.slug).sort()])).toEqual([
      ['2024-boras', ['boras']],
      ['2023-mora', ['mora']],
      ['2022-gnosjo-hoganas', ['gnosjo', 'hoganas']],
    ])
    const boras = trips[0]!
    expect(boras.hasOvernight).toBe(true)
    expect(boras.startDate?.toISOString().slice(0, 10)).toBe('2024-10-17')
    expect(boras.endDate?.toISOString().slice(0, 10)).toBe('2024-10-18')
    for (const trip of trips) {
      expect(trip.publishedAt).not.toBeNull()
      expect(tripState({ ...trip, seatsLeft: trip.seats }, now)).toEqual({ state: 'genomford' })
    }
    expect(await db().programmeItem.count()).toBe(0) // no source gives a programme
    expect((await db().siteSettings.findUniqueOrThrow({ where: { id: 1 } })).isPlaceholder).toBe(true)
  })

  it('never duplicates nor overwrites what the organisers changed when run again', async () => {
    await seedContent(db())
    await db().trip.update({ where: { slug: '2024-boras' }, data: { title: 'Ändrad titel', seats: 52, registrationOpen: true } })
    await db().siteSettings.update({ where: { id: 1 }, data: { phone: '0142-123 45', isPlaceholder: false } })
    expect(await seedContent(db())).toEqual({ tripsAdded: 0, hostCitiesAdded: 0, exampleAdded: false })
    expect(await db().trip.count()).toBe(3)
    expect(await db().hostCity.count()).toBe(4)
    expect(await db().tripHostCity.count()).toBe(4)
    const boras = await db().trip.findUniqueOrThrow({ where: { slug: '2024-boras' } })
    expect(boras).toMatchObject({ title: 'Ändrad titel', seats: 52, registrationOpen: true })
    // Marked open by the organisers (as databases seeded before the life cycle are): still held.
    expect(tripState({ ...boras, seatsLeft: 52 }, new Date())).toEqual({ state: 'genomford' })
    expect((await db().siteSettings.findUniqueOrThrow({ where: { id: 1 } })).phone).toBe('0142-123 45')
  })
})

describe('the example trip', () => {
  it('is an open, labelled upcoming trip dated from the day the database is made', async () => {
    const made = new Date('2031-03-10T09:00:00Z') // any day: everything is relative to it
    expect(await seedContent(db(), { example: true, now: made })).toMatchObject({ tripsAdded: 4, exampleAdded: true })
    const trip = await db().trip.findUniqueOrThrow({
      where: { slug: EXAMPLE_TRIP_SLUG },
      include: { boardingStops: { orderBy: { position: 'asc' } }, programmeItems: { orderBy: { startsAt: 'asc' } }, hostCities: true },
    })
    expect(trip.title).toMatch(/^Exempelresa/)
    expect(trip.isExample).toBe(true)
    expect(trip.hasOvernight).toBe(true)
    expect(trip.boardingStops).toHaveLength(2)
    expect(trip.hostCities).toHaveLength(0) // it names no real town
    const weeksAhead = (trip.startDate!.getTime() - Date.UTC(2031, 2, 10)) / (7 * 86_400_000)
    expect(weeksAhead).toBeGreaterThanOrEqual(6)
    expect(weeksAhead).toBeLessThanOrEqual(8)
    expect(trip.endDate!.getTime() - trip.startDate!.getTime()).toBe(86_400_000) // a night away
    expect(trip.registrationDeadline!.getTime()).toBeLessThan(trip.startDate!.getTime())
    expect(trip.changesAllowedUntil!.getTime()).toBeLessThan(trip.startDate!.getTime())
    expect(trip.year).toBe(trip.startDate!.getUTCFullYear())
    // Day by day, each item marked as an example, with time, place and who takes part.
    expect(new Set(trip.programmeItems.map((i) => stockholmDayKey(i.startsAt))).size).toBe(2)
    for (const item of trip.programmeItems) {
      for (const text of [item.title, item.place, item.participants]) expect(text).toMatch(/\(exempel\)$/)
    }
    expect(tripState({ ...trip, seatsLeft: trip.seats }, made)).toEqual({ state: 'oppen', seatsLeft: EXAMPLE_SEATS })
  })

  it('is never made again once the organisers deleted it, nor twice', async () => {
    await seedContent(db(), { example: true })
    expect(await seedContent(db(), { example: true })).toMatchObject({ tripsAdded: 0, exampleAdded: false })
    expect(await db().trip.count({ where: { slug: EXAMPLE_TRIP_SLUG } })).toBe(1)
    await db().trip.delete({ where: { slug: EXAMPLE_TRIP_SLUG } })
    expect(await seedContent(db(), { example: true })).toMatchObject({ tripsAdded: 0, exampleAdded: false })
    expect(await db().trip.count({ where: { slug: EXAMPLE_TRIP_SLUG } })).toBe(0)
  })

  it('is not made without being asked for, and an earlier seed without it does not stop it later', async () => {
    await seedContent(db())
    expect(await db().trip.count({ where: { slug: EXAMPLE_TRIP_SLUG } })).toBe(0)
    expect(await seedContent(db(), { example: true })).toMatchObject({ exampleAdded: true })
  })

  it('is asked for on the embedded default unless SEED_EXAMPLE=0, and with DATABASE_URL only when SEED_EXAMPLE=1', () => {
    expect(wantsExample({ embedded: true })).toBe(true)
    expect(wantsExample({ embedded: true, SEED_EXAMPLE: '0' })).toBe(false)
    expect(wantsExample({ embedded: true, SEED_EXAMPLE: '1' })).toBe(true)
    expect(wantsExample({ embedded: false })).toBe(false)
    expect(wantsExample({ embedded: false, SEED_EXAMPLE: '1' })).toBe(true)
    expect(wantsExample({ embedded: false, SEED_EXAMPLE: '0' })).toBe(false)
    expect(parseEnv({ SEED_EXAMPLE: '1' }).SEED_EXAMPLE).toBe('1')
    expect(() => parseEnv({ SEED_EXAMPLE: 'ja' })).toThrow('Fel i miljövariabeln SEED_EXAMPLE: ska vara 0 eller 1')
  })

  it('seeds from prepareDatabase as asked', async () => {
    await prepareDatabase(inject('databaseUrl'), { seedExample: true })
    expect(await db().trip.count({ where: { slug: EXAMPLE_TRIP_SLUG, isExample: true } })).toBe(1)
  })
})

describe('migrations', () => {
  it('are applied once: running them again applies nothing', async () => {
    expect(await applyMigrations(inject('databaseUrl'))).toEqual([])
  })

  it('match prisma/schema.prisma (no change is missing a migration)', async () => {
    expect(await pendingSchemaChanges(inject('databaseUrl'))).toBe('')
  })

  it('rewrite a contact phone stored as typed in E.164, and leave what is no Swedish number as it is', async () => {
    const folder = fs.readdirSync('prisma/migrations').find((name) => name.endsWith('_contact_phone_e164'))!
    const migration = fs.readFileSync(path.join('prisma/migrations', folder, 'migration.sql'), 'utf8')
    for (const [typed, stored] of [
      ['0142-850 00', '+4614285000'],
      ['+46 (0)13-20 60 00', '+4613206000'],
      ['0046 8 123 456 78', '+46812345678'],
      ['070-123 45 67', '+46701234567'],
      ['+4614285000', '+4614285000'],
      ['000-000 00 00', '000-000 00 00'],
      ['013-12', '013-12'],
      ['växeln', 'växeln'],
    ]) {
      await db().siteSettings.update({ where: { id: 1 }, data: { phone: typed } })
      await db().$executeRawUnsafe(migration)
      expect((await db().siteSettings.findUniqueOrThrow({ where: { id: 1 } })).phone, typed).toBe(stored)
    }
  })
})

describe('embedded database', () => {
  it('refuses a second owner of the same data folder', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mjolbybussen-lock-'))
    const first = await startEmbeddedPostgres(dir)
    try {
      await expect(startEmbeddedPostgres(dir)).rejects.toBeInstanceOf(DataDirInUseError)
    } finally {
      await first.stop()
    }
    // Once the owner has stopped, the folder can be opened again, with its data.
    const again = await startEmbeddedPostgres(dir)
    await again.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  })
})
