// The figures of a trip's overview: seats taken and left, the waiting list, cancellations,
// signups per day, and the mix of roles and boarding stops. Three grouped queries.
import { db } from '../db'
import { roleLabel } from '../registrations/schema'
import { seatsLeft } from '../trips/availability'
import type { ParticipantRole } from '../generated/prisma/enums'

export type Bar = { label: string; value: number }

export async function tripOverview(tripId: number, seats: number) {
  const [byStatus, byRole, byStop, perDay] = await Promise.all([
    db().registration.groupBy({ by: ['status'], where: { tripId }, _count: true }),
    db().registration.groupBy({ by: ['role'], where: { tripId, status: { not: 'CANCELLED' } }, _count: true }),
    db().registration.groupBy({ by: ['boardingStopId'], where: { tripId, status: { not: 'CANCELLED' } }, _count: true }),
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
    signupsPerDay: perDay.map((d) => ({ label: d.day, value: d.count })),
    roles: byRole.map((r) => ({ label: roleLabel(r.role as ParticipantRole), value: r._count })),
    stops: byStop.map((r) => ({
      label: stops.find((s) => s.id === r.boardingStopId)?.name ?? 'Ingen vald',
      value: r._count,
    })),
  }
}
