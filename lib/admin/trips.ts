import { db } from '../db'
import { couldBeSlug } from '../trips/queries'

/** A trip as the organisers' pages need it: its boarding stops and counts by status. */
export async function getAdminTrip(slug: string) {
  const trip = await db().trip.findUnique({
    where: { slug },
    include: { boardingStops: { orderBy: { position: 'asc' } } },
  })
  if (!trip) return null
  const counts = await db().registration.groupBy({ by: ['status'], where: { tripId: trip.id }, _count: true })
  const count = (status: string) => counts.find((c) => c.status === status)?._count ?? 0
  return { ...trip, confirmed: count('CONFIRMED'), waitlisted: count('WAITLISTED'), cancelled: count('CANCELLED') }
}

export type AdminTrip = NonNullable<Awaited<ReturnType<typeof getAdminTrip>>>

/** What a trip's own navigation shows (app/admin/resor/[slug]/layout.tsx): its title, or null. */
export async function getAdminTripHeading(slug: string) {
  if (!couldBeSlug(slug)) return null
  return db().trip.findUnique({ where: { slug }, select: { slug: true, title: true } })
}
