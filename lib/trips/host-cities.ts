import { db } from '../db'
import { couldBeSlug } from './queries'
import { photoSelect } from '../photos/view'

export async function listHostCities() {
  return db().hostCity.findMany({
    orderBy: { name: 'asc' },
    include: {
      photo: photoSelect,
      trips: { where: { trip: { publishedAt: { not: null } } }, include: { trip: { select: { slug: true, year: true, title: true } } } },
    },
  })
}

export async function getHostCityPage(slug: string) {
  if (!couldBeSlug(slug)) return null
  const city = await db().hostCity.findUnique({
    where: { slug },
    include: {
      photo: photoSelect,
      trips: {
        where: { trip: { publishedAt: { not: null } } }, // drafts are the admin's only
        include: { trip: { select: { slug: true, year: true, title: true, startDate: true, endDate: true } } },
      },
    },
  })
  if (!city) return null
  return { ...city, trips: city.trips.sort((a, b) => b.trip.year - a.trip.year) }
}

export type HostCityPage = NonNullable<Awaited<ReturnType<typeof getHostCityPage>>>
