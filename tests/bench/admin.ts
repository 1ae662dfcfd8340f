// The organisers' side at 10,000 registrations, timed in-process against the site's database:
// the registration table's query (search, filters, sorting, paging) and the Excel export.
import { performance } from 'node:perf_hooks'
import type { Db } from '../../lib/db'
import { listRegistrations, parseListQuery } from '../../lib/admin/registration-list'
import { toXlsx } from '../../lib/admin/spreadsheet'
import { tripList } from '../../lib/admin/trip-lists'

const ROLES = ['BUSINESS_OWNER', 'ELECTED_OFFICIAL', 'CIVIL_SERVANT', 'OTHER'] as const
const STATUSES = ['CONFIRMED', 'WAITLISTED', 'CANCELLED'] as const

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!

export async function benchAdmin(prisma: Db) {
  const trip = await prisma.trip.create({
    data: {
      slug: `bench-admin-${Date.now()}`,
      year: 2030,
      title: 'Bänkresan',
      summary: 'För mätning.',
      description: 'För mätning.',
      seats: 4000,
      boardingStops: { create: ['Mjölby', 'Mantorp', 'Skänninge'].map((name, position) => ({ name, position })) },
    },
    include: { boardingStops: true },
  })
  const rows = Array.from({ length: 10_000 }, (_, i) => ({
    tripId: trip.id,
    status: STATUSES[i % 3]!,
    firstName: `Förnamn${i}`,
    lastName: `Efternamn${i}`,
    email: `bench.admin.${i}@example.se`,
    phone: '+46701234567',
    organisation: `Företag ${i % 97}`,
    role: ROLES[i % 4]!,
    overnight: i % 2 ? ('SINGLE_ROOM' as const) : ('NONE' as const),
    dietaryNeeds: i % 10 === 0 ? 'Vegetarisk' : null,
    boardingStopId: trip.boardingStops[i % 3]!.id,
    privacyAcceptedAt: new Date(),
  }))
  for (let i = 0; i < rows.length; i += 2000) await prisma.registration.createMany({ data: rows.slice(i, i + 2000) })

  const views = [
    {},
    { status: 'CONFIRMED' },
    { q: 'företag 4' },
    { q: 'efternamn99', sort: 'name' },
    { role: 'CIVIL_SERVANT', overnight: 'SINGLE_ROOM', sort: 'organisation', dir: 'desc' },
    { stop: String(trip.boardingStops[1]!.id), page: '30' },
    { sort: 'status', page: '150' },
  ]
  const times: number[] = []
  for (let i = 0; i < 210; i++) {
    const t = performance.now()
    await listRegistrations(trip.id, parseListQuery(views[i % views.length]!))
    if (i >= 10) times.push(performance.now() - t) // the first ten warm up
  }
  times.sort((a, b) => a - b)

  const exportTimes: number[] = []
  let bytes = 0
  let exported = 0
  for (let i = 0; i < 3; i++) {
    const t = performance.now()
    const sheet = await tripList(trip.id, 'deltagare')
    bytes = (await toXlsx([sheet])).length
    exportTimes.push(performance.now() - t)
    exported = sheet.rows.length
  }
  exportTimes.sort((a, b) => a - b)
  return {
    tableQueries: times.length,
    tableP50Ms: Number(percentile(times, 50).toFixed(1)),
    tableP99Ms: Number(percentile(times, 99).toFixed(1)),
    excelRows: exported, // the confirmed and waiting of the 10,000
    excelMedianMs: Math.round(exportTimes[1]!),
    excelBytes: bytes,
  }
}
