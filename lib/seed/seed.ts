// Loads lib/seed/content.ts into a database. Safe to run at every start: it only adds what is
// missing (by slug, or the settings row), so it never duplicates a row nor overwrites anything
// the organisers have changed.
import type { PrismaClient } from '../generated/prisma/client'
import { hostCities, siteSettings, trips } from './content'

export async function seedContent(prisma: PrismaClient): Promise<{ tripsAdded: number; hostCitiesAdded: number }> {
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
          hostCities: {
            create: hostCitySlugs.map((slug, position) => ({ hostCityId: cityIds.get(slug)!, position })),
          },
        },
      })
      tripsAdded++
    }
    await tx.siteSettings.createMany({ data: [{ id: 1, ...siteSettings }], skipDuplicates: true })
    return { tripsAdded, hostCitiesAdded: cities.count }
  })
}
