// The trip form's reads: the trip with what its edit page shows, and its stored values as the
// form shows them.
import { db } from '../db'
import { asFormText } from '../forms/form-state'

export async function getTripForEdit(slug: string) {
  const trip = await db().trip.findUnique({
    where: { slug },
    include: {
      boardingStops: { orderBy: { position: 'asc' } },
      hostCities: { orderBy: { position: 'asc' } },
      programmeItems: { orderBy: { startsAt: 'asc' } },
      _count: { select: { registrations: { where: { status: 'CONFIRMED' } } } },
    },
  })
  return trip
}
export type TripForEdit = NonNullable<Awaited<ReturnType<typeof getTripForEdit>>>

export function tripFormValues(trip: TripForEdit | null): Record<string, string | string[]> {
  if (!trip)
    return { year: String(new Date().getFullYear() + 1), reminderDaysBefore: '3', seats: '50', hostCityIds: [], boardingStops: 'Mjölby' }
  return {
    slug: trip.slug,
    year: String(trip.year),
    title: trip.title,
    summary: trip.summary,
    description: trip.description,
    startDate: asFormText.day(trip.startDate),
    endDate: asFormText.day(trip.endDate),
    departureText: trip.departureText ?? '',
    returnText: trip.returnText ?? '',
    priceSek: asFormText.number(trip.priceSek),
    accommodation: trip.accommodation ?? '',
    seats: String(trip.seats),
    published: asFormText.checkbox(trip.publishedAt !== null),
    registrationOpen: asFormText.checkbox(trip.registrationOpen),
    registrationClosed: asFormText.checkbox(trip.registrationClosed),
    registrationOpensAt: asFormText.moment(trip.registrationOpensAt),
    registrationDeadline: asFormText.moment(trip.registrationDeadline),
    changesAllowedUntil: asFormText.moment(trip.changesAllowedUntil),
    reminderDaysBefore: String(trip.reminderDaysBefore),
    hasOvernight: asFormText.checkbox(trip.hasOvernight),
    boardingStops: trip.boardingStops.map((s) => s.name).join('\n'),
    hostCityIds: trip.hostCities.map((h) => String(h.hostCityId)),
  }
}
