// The admin's start page: how each current trip stands (its state, seats, waiting list, recent
// signups), what needs a person ("Att åtgärda": e-mail that failed or has waited too long), the
// past trips and the interest list's count. A fixed handful of queries whatever the number of
// trips: the registrations are counted grouped by trip, never one query per trip.
import { db } from '../db'
import { countConfirmed } from '../interest/list'
import { seatsLeft } from '../trips/availability'
import { TRIP_LIFE_FIELDS, tripState, type TripStateName } from '../trips/life-cycle'

/** "Signups in the last days": this many days back from now. */
export const RECENT_SIGNUP_DAYS = 7
/** An e-mail still unsent after this long has waited too long: the mail server may be down. */
export const EMAIL_WAIT_LIMIT_MINUTES = 30
/**
 * A failed e-mail is shown this long after it failed. The outbox keeps failed rows for good (only
 * their address is pruned), so without a limit a failure would be listed for ever.
 */
export const FAILED_EMAIL_DAYS = 30
/** The most e-mail problems listed of each kind; the counts say how many there are in all. */
export const PROBLEMS_SHOWN = 25

export type CurrentTrip = {
  id: number
  slug: string
  title: string
  state: TripStateName
  seats: number
  confirmed: number
  seatsLeft: number
  waitlisted: number
  recentSignups: number
  startDate: Date | null
}

export type PastTrip = { id: number; slug: string; title: string; year: number; confirmed: number }

export type EmailProblem = {
  messageId: number
  problem: 'failed' | 'waiting'
  subject: string
  to: string
  /** When it was written (waiting) or last tried (failed). */
  at: Date
  attempts: number
  registration: { id: number; name: string; tripSlug: string; tripTitle: string } | null
}

export type Dashboard = {
  currentTrips: CurrentTrip[]
  pastTrips: PastTrip[]
  problems: { failed: number; waiting: number; shown: EmailProblem[] }
  interested: number
}

type ProblemRow = {
  id: number
  problem: 'failed' | 'waiting'
  subject: string
  toAddress: string
  at: Date
  attempts: number
  failedCount: number
  waitingCount: number
  registrationId: number | null
  firstName: string | null
  lastName: string | null
  tripSlug: string | null
  tripTitle: string | null
}

/**
 * E-mail that needs a person: failed for good (within FAILED_EMAIL_DAYS, and not followed by a
 * later e-mail to the same registration that did go out: "Skicka senaste mejlet igen" settles it),
 * or still unsent EMAIL_WAIT_LIMIT_MINUTES after it was written. Oldest first; each row carries the
 * counts of all, as only the first PROBLEMS_SHOWN of each kind are listed.
 */
async function emailProblems(now: Date): Promise<Dashboard['problems']> {
  const rows = await db().$queryRaw<ProblemRow[]>`
    WITH problems AS (
      SELECT o.id, CASE WHEN o.status = 'FAILED' THEN 'failed' ELSE 'waiting' END AS problem,
             CASE WHEN o.status = 'FAILED' THEN o."updatedAt" ELSE o."createdAt" END AS at
      FROM "OutboxMessage" o
      WHERE (o.status = 'FAILED'
             AND o."updatedAt" >= ${now}::timestamptz - make_interval(days => ${FAILED_EMAIL_DAYS}::int)
             AND NOT EXISTS (
               SELECT 1 FROM "OutboxMessage" later
               WHERE later."registrationId" = o."registrationId" AND later.status = 'SENT' AND later.id > o.id))
         OR (o.status IN ('QUEUED', 'SENDING')
             AND o."createdAt" < ${now}::timestamptz - make_interval(mins => ${EMAIL_WAIT_LIMIT_MINUTES}::int))
    )
    , shown AS (
      SELECT *, row_number() OVER (PARTITION BY problem ORDER BY at, id) AS n FROM problems
    )
    SELECT p.id, p.problem, p.at, o.subject, o."toAddress", o.attempts,
           (SELECT count(*) FROM problems WHERE problem = 'failed')::int AS "failedCount",
           (SELECT count(*) FROM problems WHERE problem = 'waiting')::int AS "waitingCount",
           r.id AS "registrationId", r."firstName", r."lastName", t.slug AS "tripSlug", t.title AS "tripTitle"
    FROM shown p
    JOIN "OutboxMessage" o ON o.id = p.id
    LEFT JOIN "Registration" r ON r.id = o."registrationId"
    LEFT JOIN "Trip" t ON t.id = r."tripId"
    WHERE p.n <= ${PROBLEMS_SHOWN}
    ORDER BY p.problem, p.at, p.id`
  return {
    failed: rows[0]?.failedCount ?? 0,
    waiting: rows[0]?.waitingCount ?? 0,
    shown: rows.map((r) => ({
      messageId: r.id,
      problem: r.problem,
      subject: r.subject,
      to: r.toAddress,
      at: r.at,
      attempts: r.attempts,
      registration:
        r.registrationId === null
          ? null
          : { id: r.registrationId, name: `${r.firstName} ${r.lastName}`.trim(), tripSlug: r.tripSlug!, tripTitle: r.tripTitle! },
    })),
  }
}

/** Everything the start page shows, as of `now`. */
export async function adminDashboard(now: Date = new Date()): Promise<Dashboard> {
  const since = new Date(now.getTime() - RECENT_SIGNUP_DAYS * 24 * 3_600_000)
  const [trips, byStatus, recent, problems, interested] = await Promise.all([
    db().trip.findMany({
      select: { id: true, slug: true, title: true, seats: true, ...TRIP_LIFE_FIELDS },
      orderBy: [{ startDate: { sort: 'asc', nulls: 'last' } }, { year: 'asc' }, { id: 'asc' }],
    }),
    db().registration.groupBy({ by: ['tripId', 'status'], _count: true }),
    db().registration.groupBy({ by: ['tripId'], where: { createdAt: { gte: since } }, _count: true }),
    emailProblems(now),
    countConfirmed(),
  ])
  const count = (tripId: number, status: string) => byStatus.find((c) => c.tripId === tripId && c.status === status)?._count ?? 0

  const currentTrips: CurrentTrip[] = []
  const pastTrips: PastTrip[] = []
  for (const trip of trips) {
    const confirmed = count(trip.id, 'CONFIRMED')
    const left = seatsLeft(trip.seats, confirmed)
    const { state } = tripState({ ...trip, seatsLeft: left }, now)
    if (state === 'genomford') {
      pastTrips.push({ id: trip.id, slug: trip.slug, title: trip.title, year: trip.year, confirmed })
      continue
    }
    currentTrips.push({
      id: trip.id,
      slug: trip.slug,
      title: trip.title,
      state,
      seats: trip.seats,
      confirmed,
      seatsLeft: left,
      waitlisted: count(trip.id, 'WAITLISTED'),
      recentSignups: recent.find((r) => r.tripId === trip.id)?._count ?? 0,
      startDate: trip.startDate,
    })
  }
  // The latest past trip first.
  pastTrips.sort((a, b) => b.year - a.year || b.id - a.id)
  return { currentTrips, pastTrips, problems, interested }
}
