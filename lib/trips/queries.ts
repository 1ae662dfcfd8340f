// Reads for the public pages. Each page's data is one Prisma query (relation counts and
// includes instead of a query per row).
import { db } from '../db'
import { seatsLeft } from './availability'
import { isHeld, isPublic } from './life-cycle'
import { photoSelect } from '../photos/view'

const hostCitiesInclude = {
  hostCities: {
    orderBy: { position: 'asc' },
    include: { hostCity: { select: { slug: true, name: true } } },
  },
} as const

const confirmedCount = {
  _count: { select: { registrations: { where: { status: 'CONFIRMED' } } } },
} as const

/** Every trip, drafts too, newest first: for the admin. */
export async function listTrips() {
  const trips = await db().trip.findMany({
    orderBy: [{ year: 'desc' }, { startDate: 'desc' }],
    include: { ...hostCitiesInclude, ...confirmedCount },
  })
  return trips.map(withSeats)
}

/** The published trips, newest first: for the public pages (drafts are the admin's only). */
export async function listPublicTrips() {
  const trips = await db().trip.findMany({
    where: { publishedAt: { not: null } },
    orderBy: [{ year: 'desc' }, { startDate: 'desc' }],
    include: { ...hostCitiesInclude, ...confirmedCount, photo: photoSelect },
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
      photo: photoSelect,
      boardingStops: { orderBy: { position: 'asc' } },
      programmeItems: { orderBy: { startsAt: 'asc' } },
      registrations: {
        where: { status: 'CONFIRMED', showInParticipantList: true },
        orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }],
        select: { id: true, firstName: true, lastName: true, organisation: true },
      },
    },
  })
  if (!trip || !isPublic(trip)) return null
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
  return trip && isPublic(trip) ? withSeats(trip) : null
}

export type SignupTrip = NonNullable<Awaited<ReturnType<typeof getSignupTrip>>>

function withSeats<T extends { seats: number; _count: { registrations: number } }>(trip: T) {
  const { _count, ...rest } = trip
  return { ...rest, confirmedCount: _count.registrations, seatsLeft: seatsLeft(trip.seats, _count.registrations) }
}

type Dated = { year: number; startDate: Date | null; endDate: Date | null }

/**
 * The public trips in time: `next` is the one the home page features (the soonest that has not
 * been held), `upcoming` the others not yet held (soonest first), `past` the held ones (newest
 * first), by the life cycle's rule (lib/trips/life-cycle.ts).
 */
export function tripsInTime<T extends Dated>(trips: T[], now: Date): { next: T | undefined; upcoming: T[]; past: T[] } {
  const past = trips.filter((t) => isHeld(t, now))
  const notHeld = trips
    .filter((t) => !isHeld(t, now))
    .sort((a, b) => dayOrder(a) - dayOrder(b))
  return { next: notHeld[0], upcoming: notHeld.slice(1), past }
}

// Soonest first; a trip with no date yet sorts by its year, after the dated ones of that year.
const dayOrder = (t: Dated) => (t.startDate ? t.startDate.getTime() : Date.UTC(t.year, 11, 31, 23))
