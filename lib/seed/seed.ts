// Loads lib/seed/initial-content.ts into a database. Safe to run at every start: it only adds what is
// missing (by slug, or the settings row), so it never duplicates a row nor overwrites anything
// the organisers have changed. The example trip (./example-trip.ts) is added once when asked
// for: a marker row remembers it, so it never comes back after the organisers deleted it.
import { LONG_TRANSACTION } from '../db'
import type { PrismaClient } from '../generated/prisma/client'
import { hostCities, siteSettings, trips } from './initial-content'
import { EXAMPLE_SEEDED_MARKER, EXAMPLE_TRIP_SLUG, exampleTrip } from './example-trip'

export type SeedResult = { tripsAdded: number; hostCitiesAdded: number; exampleAdded: boolean }

export async function seedContent(
  prisma: PrismaClient,
  { example = false, now = new Date() }: { example?: boolean; now?: Date } = {},
): Promise<SeedResult> {
  return prisma.$transaction(async (tx) => {
    // Instances starting together on an empty database take turns (any constant key will do).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(4242001)`
    const cities = await tx.hostCity.createMany({ data: hostCities, skipDuplicates: true })
    const cityIds = new Map(
      (await tx.hostCity.findMany({ select: { id: true, slug: true } })).map((c) => [c.slug, c.id]),
    )
    let tripsAdded = 0
    for (const { hostCitySlugs, ...trip } of trips) {
      if (await tx.trip.findUnique({ where: { slug: trip.slug }, select: { id: true } })) continue
      await tx.trip.create({
        data: {
          ...trip,
          publishedAt: now,
          hostCities: {
            create: hostCitySlugs.map((slug, position) => ({ hostCityId: cityIds.get(slug)!, position })),
          },
        },
      })
      tripsAdded++
    }
    await tx.siteSettings.createMany({ data: [{ id: 1, ...siteSettings }], skipDuplicates: true })

    let exampleAdded = false
    if (example) {
      const seededBefore = await tx.seedMarker.findUnique({ where: { key: EXAMPLE_SEEDED_MARKER } })
      const slugTaken = await tx.trip.findUnique({ where: { slug: EXAMPLE_TRIP_SLUG }, select: { id: true } })
      if (!seededBefore && !slugTaken) {
        const { trip, boardingStops, programme } = exampleTrip(now)
        await tx.trip.create({
          data: {
            ...trip,
            boardingStops: { create: boardingStops.map((name, position) => ({ name, position })) },
            programmeItems: { create: programme },
          },
        })
        await tx.seedMarker.create({ data: { key: EXAMPLE_SEEDED_MARKER, at: now } })
        tripsAdded++
        exampleAdded = true
      }
    }
    return { tripsAdded, hostCitiesAdded: cities.count, exampleAdded }
    // A start under load (several instances, a busy CI machine) may take longer than Prisma's 5 s:
    // cut off, the transaction's later statements failed with a foreign-key error and the start
    // with them.
  }, LONG_TRANSACTION)
}
