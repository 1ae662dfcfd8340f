// Reads for the organisers' content pages, and the stored values as the forms show them.
import { db } from '../db'
import { TRIP_LIFE_FIELDS } from '../trips/life-cycle'
import { utcToStockholmLocal } from './content-time'

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

export function hostCityOptions() {
  return db().hostCity.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } })
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '')
const moment = (d: Date | null) => (d ? utcToStockholmLocal(d) : '')
const num = (n: number | null) => (n === null ? '' : String(n))
const check = (b: boolean) => (b ? 'on' : '')

export function tripFormValues(trip: TripForEdit | null): Record<string, string | string[]> {
  if (!trip)
    return { year: String(new Date().getFullYear() + 1), reminderDaysBefore: '3', seats: '50', hostCityIds: [], boardingStops: 'Mjölby' }
  return {
    slug: trip.slug,
    year: String(trip.year),
    title: trip.title,
    summary: trip.summary,
    description: trip.description,
    startDate: day(trip.startDate),
    endDate: day(trip.endDate),
    departureText: trip.departureText ?? '',
    returnText: trip.returnText ?? '',
    priceSek: num(trip.priceSek),
    accommodation: trip.accommodation ?? '',
    seats: String(trip.seats),
    published: check(trip.publishedAt !== null),
    registrationOpen: check(trip.registrationOpen),
    registrationClosed: check(trip.registrationClosed),
    registrationOpensAt: moment(trip.registrationOpensAt),
    registrationDeadline: moment(trip.registrationDeadline),
    changesAllowedUntil: moment(trip.changesAllowedUntil),
    reminderDaysBefore: String(trip.reminderDaysBefore),
    hasOvernight: check(trip.hasOvernight),
    boardingStops: trip.boardingStops.map((s) => s.name).join('\n'),
    hostCityIds: trip.hostCities.map((h) => String(h.hostCityId)),
  }
}

export function programmeItemFormValues(
  item: { startsAt: Date; endsAt: Date | null; title: string; place: string | null; participants: string | null } | null,
  defaultDay = '',
): Record<string, string> {
  if (!item) return { day: defaultDay, startTime: '', endTime: '', title: '', place: '', participants: '' }
  const start = utcToStockholmLocal(item.startsAt)
  return {
    day: start.slice(0, 10),
    startTime: start.slice(11, 16),
    endTime: item.endsAt ? utcToStockholmLocal(item.endsAt).slice(11, 16) : '',
    title: item.title,
    place: item.place ?? '',
    participants: item.participants ?? '',
  }
}

export function getHostCityForEdit(slug: string) {
  return db().hostCity.findUnique({ where: { slug } })
}

export function hostCityFormValues(
  city: { slug: string; name: string; county: string; population: number | null; portrait: string } | null,
): Record<string, string> {
  if (!city) return {}
  return { slug: city.slug, name: city.name, county: city.county, population: num(city.population), portrait: city.portrait }
}

export async function settingsFormValues(): Promise<{ values: Record<string, string>; isPlaceholder: boolean }> {
  const s = await db().siteSettings.findUnique({ where: { id: 1 } })
  if (!s) return { values: {}, isPlaceholder: true }
  return {
    values: {
      organiserName: s.organiserName,
      phone: s.phone,
      phoneHours: s.phoneHours,
      email: s.email,
      postalAddress: s.postalAddress,
      visitingAddress: s.visitingAddress ?? '',
      // The privacy notice, retention and rate-limit forms on the same page.
      privacyController: s.privacyController ?? '',
      dataProtectionContact: s.dataProtectionContact ?? '',
      privacyLegalBasis: s.privacyLegalBasis,
      privacyRecipients: s.privacyRecipients,
      retentionMonths: String(s.retentionMonths),
      dietaryRetentionDays: String(s.dietaryRetentionDays),
      sentEmailRetentionDays: String(s.sentEmailRetentionDays),
      signupsPerAddress: String(s.signupsPerAddress),
      signupsPerEmail: String(s.signupsPerEmail),
      linkRequestsPerAddress: String(s.linkRequestsPerAddress),
      linkRequestsPerEmail: String(s.linkRequestsPerEmail),
      signInsPerAddress: String(s.signInsPerAddress),
      signInsPerEmail: String(s.signInsPerEmail),
      reportsPerAddress: String(s.reportsPerAddress),
      savesPerRegistration: String(s.savesPerRegistration),
      savesPerAddress: String(s.savesPerAddress),
      emailsPerInbox: String(s.emailsPerInbox),
    },
    isPlaceholder: s.isPlaceholder,
  }
}
