// The figures of a trip's overview: seats taken and left, the waiting list, cancellations,
// signups over time, and the mix of roles and boarding stops. Three grouped queries; the running
// total of signups is worked out here, so the page only draws.
import { db } from '../db'
import { formatDate, formatShortDate } from '../dates'
import { roleLabel } from '../registrations/schema'
import { seatsLeft } from '../trips/availability'
import type { ParticipantRole } from '../generated/prisma/enums'

export type Bar = { label: string; value: number }

/** One calendar day (Stockholm) of signups: that day's count and the total so far. */
export type SignupDay = {
  /** YYYY-MM-DD, to key by and to place on the time axis. */
  day: string
  /** "3 nov", for the chart's axis. */
  shortLabel: string
  /** "3 november 2026", for the table and the chart's text alternative. */
  label: string
  count: number
  total: number
}

const DAY_MS = 24 * 60 * 60 * 1000
const dayOf = (key: string) => new Date(`${key}T00:00:00Z`)

/**
 * The signups per day as a running total over every day from the first to the last signup
 * (days without signups included, so that the days are evenly spaced on a time axis).
 */
export function cumulativeSignups(perDay: { day: string; count: number }[]): SignupDay[] {
  if (perDay.length === 0) return []
  const counts = new Map(perDay.map((d) => [d.day, d.count]))
  const keys = [...counts.keys()].sort()
  const first = dayOf(keys[0]!).getTime()
  const last = dayOf(keys.at(-1)!).getTime()
  const days: SignupDay[] = []
  let total = 0
  for (let t = first; t <= last; t += DAY_MS) {
    const date = new Date(t)
    const day = date.toISOString().slice(0, 10)
    const count = counts.get(day) ?? 0
    total += count
    days.push({ day, shortLabel: formatShortDate(date), label: formatDate(date), count, total })
  }
  return days
}

export async function tripOverview(tripId: number, seats: number) {
  const [byStatus, byRole, byStop, perDay] = await Promise.all([
    db().registration.groupBy({ by: ['status'], where: { tripId }, _count: true }),
    db().registration.groupBy({ by: ['role'], where: { tripId, status: { not: 'CANCELLED' } }, _count: true }),
    db().registration.groupBy({ by: ['boardingStopId'], where: { tripId, status: { not: 'CANCELLED' } }, _count: true }),
    // Every signup counts on the day it was made (in Stockholm), also one cancelled later.
    db().$queryRaw<{ day: string; count: number }[]>`
      SELECT to_char(date_trunc('day', "createdAt" AT TIME ZONE 'Europe/Stockholm'), 'YYYY-MM-DD') AS day, count(*)::int AS count
      FROM "Registration" WHERE "tripId" = ${tripId} GROUP BY 1 ORDER BY 1`,
  ])
  const stops = await db().boardingStop.findMany({ where: { tripId }, orderBy: { position: 'asc' } })
  const status = (s: string) => byStatus.find((r) => r.status === s)?._count ?? 0
  const confirmed = status('CONFIRMED')
  return {
    seats,
    confirmed,
    seatsLeft: seatsLeft(seats, confirmed),
    waitlisted: status('WAITLISTED'),
    cancelled: status('CANCELLED'),
    signupsOverTime: cumulativeSignups(perDay),
    // The largest group first; the stops in the bus's order, those without one last.
    roles: byRole
      .map((r) => ({ label: roleLabel(r.role as ParticipantRole), value: r._count }))
      .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label, 'sv')),
    stops: stops
      .map((s) => ({ label: s.name, value: byStop.find((r) => r.boardingStopId === s.id)?._count ?? 0 }))
      .filter((s) => s.value > 0)
      .concat(byStop.filter((r) => r.boardingStopId === null).map((r) => ({ label: 'Ingen vald', value: r._count }))),
  }
}

export type TripOverview = Awaited<ReturnType<typeof tripOverview>>
