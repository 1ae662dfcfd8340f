// Reads for the public pages. Each page's data is one Prisma query (relation counts and
// includes instead of a query per row).
import { db } from '../db'
import { seatsLeft } from './availability'

const hostCitiesInclude = {
  hostCities: {
    orderBy: { position: 'asc' },
    include: { hostCity: { select: { slug: true, name: true } } },
  },
} as const

const confirmedCount = {
  _count: { select: { registrations: { where: { status: 'CONFIRMED' } } } },
} as const

export async function listTrips() {
  const trips = await db().trip.findMany({
    orderBy: [{ year: 'desc' }, { startDate: 'desc' }],
    include: { ...hostCitiesInclude, ...confirmedCount },
  })
  return trips.map(withSeats)
}

export type TripListItem = Awaited<ReturnType<typeof listTrips>>[number]

/**
 * Whether a slug from the address or a form can be looked up at all: PostgreSQL refuses text
 * holding NUL (an error, so a 500, where "no such page" is meant), and no stored slug holds one.
 */
export function couldBeSlug(slug: string): boolean {
  return !slug.includes('\u0000')
}

export async function getTripPage(slug: string) {
  if (!couldBeSlug(slug)) return null
  const trip = await db().trip.findUnique({
    where: { slug },
    include: {
      ...hostCitiesInclude,
      ...confirmedCount,
      boardingStops: { orderBy: { position: 'asc' } },
      programmeItems: { orderBy: { startsAt: 'asc' } },
      registrations: {
        where: { status: 'CONFIRMED', showInParticipantList: true },
        orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }],
        select: { id: true, firstName: true, lastName: true, organisation: true },
      },
    },
  })
  if (!trip) return null
  const { registrations: publicParticipants, ...rest } = trip
  return { ...withSeats(rest), publicParticipants }
}

export type TripPage = NonNullable<Awaited<ReturnType<typeof getTripPage>>>

/** What the signup form needs: the trip's choices and whether new signups will wait. */
export async function getSignupTrip(slug: string) {
  if (!couldBeSlug(slug)) return null
  const trip = await db().trip.findUnique({
    where: { slug },
    include: { ...confirmedCount, boardingStops: { orderBy: { position: 'asc' } } },
  })
  return trip ? withSeats(trip) : null
}

export type SignupTrip = NonNullable<Awaited<ReturnType<typeof getSignupTrip>>>

function withSeats<T extends { seats: number; _count: { registrations: number } }>(trip: T) {
  const { _count, ...rest } = trip
  return { ...rest, confirmedCount: _count.registrations, seatsLeft: seatsLeft(trip.seats, _count.registrations) }
}

/** The trip the home page features: the newest one. */
export function currentTrip<T extends { year: number }>(trips: T[]): T | undefined {
  return trips[0]
}
