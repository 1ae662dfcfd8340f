import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, inject, it } from 'vitest'
import { db } from '../../lib/db'
import { DataDirInUseError, startEmbeddedPostgres } from '../../lib/db/embedded'
import { applyMigrations, pendingSchemaChanges } from '../../lib/db/migrate'
import { seedContent } from '../../lib/seed/seed'

describe('seed', () => {
  it('loads the three trips, four host cities and placeholder contact settings', async () => {
    expect(await seedContent(db())).toEqual({ tripsAdded: 3, hostCitiesAdded: 4 })
    const trips = await db().trip.findMany({ orderBy: { year: 'desc' }, include: { hostCities: { include: { hostCity: true } } } })
    expect(trips.map((t) => [t.slug, t.hostCities.map((h) => h.hostCity.slug).sort()])).toEqual([
      ['2024-boras', ['boras']],
      ['2023-mora', ['mora']],
      ['2022-gnosjo-hoganas', ['gnosjo', 'hoganas']],
    ])
    const boras = trips[0]!
    expect(boras.registrationOpen).toBe(true)
    expect(boras.hasOvernight).toBe(true)
    expect(boras.startDate?.toISOString().slice(0, 10)).toBe('2024-10-17')
    expect(boras.endDate?.toISOString().slice(0, 10)).toBe('2024-10-18')
    expect(await db().programmeItem.count()).toBe(0) // no source gives a programme
    expect((await db().siteSettings.findUniqueOrThrow({ where: { id: 1 } })).isPlaceholder).toBe(true)
  })

  it('never duplicates nor overwrites what the organisers changed when run again', async () => {
    await seedContent(db())
    await db().trip.update({ where: { slug: '2024-boras' }, data: { title: 'Ändrad titel', seats: 52 } })
    await db().siteSettings.update({ where: { id: 1 }, data: { phone: '0142-123 45', isPlaceholder: false } })
    expect(await seedContent(db())).toEqual({ tripsAdded: 0, hostCitiesAdded: 0 })
    expect(await db().trip.count()).toBe(3)
    expect(await db().hostCity.count()).toBe(4)
    expect(await db().tripHostCity.count()).toBe(4)
    expect(await db().trip.findUniqueOrThrow({ where: { slug: '2024-boras' } })).toMatchObject({ title: 'Ändrad titel', seats: 52 })
    expect((await db().siteSettings.findUniqueOrThrow({ where: { id: 1 } })).phone).toBe('0142-123 45')
  })
})

describe('migrations', () => {
  it('are applied once: running them again applies nothing', async () => {
    expect(await applyMigrations(inject('databaseUrl'))).toEqual([])
  })

  it('match prisma/schema.prisma (no change is missing a migration)', async () => {
    expect(await pendingSchemaChanges(inject('databaseUrl'))).toBe('')
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
