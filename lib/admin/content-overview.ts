// The organisers' content page (/admin/innehall): every trip and host city, and the latest
// changes to them.
import { db } from '../db'
import { TRIP_LIFE_FIELDS } from '../trips/life-cycle'

export async function listContent() {
  const [trips, hostCities, recent] = await Promise.all([
    db().trip.findMany({
      orderBy: [{ year: 'desc' }, { startDate: 'desc' }],
      select: {
        id: true,
        slug: true,
        title: true,
        seats: true,
        ...TRIP_LIFE_FIELDS,
        _count: { select: { registrations: { where: { status: 'CONFIRMED' } } } },
      },
    }),
    db().hostCity.findMany({ orderBy: { name: 'asc' }, select: { id: true, slug: true, name: true, county: true } }),
    db().auditEntry.findMany({
      where: { entityType: { in: ['trip', 'programmeItem', 'hostCity', 'settings'] } },
      orderBy: { at: 'desc' },
      take: 20,
    }),
  ])
  return { trips, hostCities, recent }
}
