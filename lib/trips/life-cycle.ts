// A trip's life cycle: the one function that decides, from its dates and the organisers'
// choices, which state a trip is in. Every page, list, admin view and the signup, change and
// cancellation rules ask it; nothing else reads `registrationOpen` or the dates to decide.
//
//   utkast → publicerad → öppen ⇄ fullbokad → stängd → genomförd
//
// - utkast: not published (publishedAt unset); only the admin shows it.
// - publicerad: public, registration not open yet; it opens by itself at registrationOpensAt
//   when that is set, or when the organisers open it.
// - öppen / fullbokad: takes signups; when full they go to the waiting list.
// - stängd: the deadline passed (it is inclusive: a signup at the deadline's minute counts),
//   the organisers closed it, or the trip has started. Registration closes by itself at
//   departure, even with no deadline.
// - genomförd: its last day has passed.
//
// Departure is the start of the first day, Stockholm time: the trip has no machine-readable
// departure time (departureText is free text), and a bus leaving at 06.30 must not take a signup
// at 06.45. A trip's last day is its end date, or its start date for a day trip, or, for earlier
// trips whose dates no source gives, 31 December of its year (as retention counts it).
import { formatDateTime, stockholmDayKey } from '../dates'

export type TripLife = {
  publishedAt: Date | null
  registrationOpen: boolean
  registrationClosed: boolean
  registrationOpensAt: Date | null
  registrationDeadline: Date | null
  startDate: Date | null
  endDate: Date | null
  year: number
}

/** The fields of a Trip row that tripState reads (a Prisma `select`). */
export const TRIP_LIFE_FIELDS = {
  publishedAt: true,
  registrationOpen: true,
  registrationClosed: true,
  registrationOpensAt: true,
  registrationDeadline: true,
  startDate: true,
  endDate: true,
  year: true,
} as const

export type ClosedReason = 'deadline-passed' | 'closed-by-organisers' | 'started'

export type TripState =
  | { state: 'utkast' }
  | { state: 'publicerad'; opensAt: Date | null }
  | { state: 'oppen'; seatsLeft: number }
  | { state: 'fullbokad' }
  | { state: 'stangd'; reason: ClosedReason }
  | { state: 'genomford' }

export type TripStateName = TripState['state']

const dayKey = (d: Date) => d.toISOString().slice(0, 10) // DATE columns are midnight UTC

/** The trip's last day as YYYY-MM-DD. */
export function lastDayKey(trip: Pick<TripLife, 'startDate' | 'endDate' | 'year'>): string {
  const last = trip.endDate ?? trip.startDate
  return last ? dayKey(last) : `${String(trip.year).padStart(4, '0')}-12-31`
}

/** Whether the trip has begun (its first day has come, Stockholm time). */
export function hasStarted(trip: Pick<TripLife, 'startDate' | 'endDate' | 'year'>, now: Date): boolean {
  const today = stockholmDayKey(now)
  if (trip.startDate) return today >= dayKey(trip.startDate)
  // No start date: only a trip whose whole year has passed is known to have happened.
  return today > lastDayKey(trip)
}

/** Whether the trip's last day has passed. */
export function isHeld(trip: Pick<TripLife, 'startDate' | 'endDate' | 'year'>, now: Date): boolean {
  return stockholmDayKey(now) > lastDayKey(trip)
}

/** The state leaving seats aside: where "takes signups" stands for öppen or fullbokad. */
type Phase = Exclude<TripState, { state: 'oppen' } | { state: 'fullbokad' }> | { state: 'takes-signups' }

function phase(trip: TripLife, now: Date): Phase {
  if (!trip.publishedAt) return { state: 'utkast' }
  if (isHeld(trip, now)) return { state: 'genomford' }
  if (hasStarted(trip, now)) return { state: 'stangd', reason: 'started' }
  if (trip.registrationClosed) return { state: 'stangd', reason: 'closed-by-organisers' }
  if (trip.registrationDeadline && now.getTime() > trip.registrationDeadline.getTime())
    return { state: 'stangd', reason: 'deadline-passed' }
  const opened = trip.registrationOpen || (trip.registrationOpensAt !== null && now.getTime() >= trip.registrationOpensAt.getTime())
  if (!opened) return { state: 'publicerad', opensAt: trip.registrationOpensAt }
  return { state: 'takes-signups' }
}

/** The trip's state at `now`, with `seatsLeft` seats left (./availability.ts: seatsLeft). */
export function tripState(trip: TripLife & { seatsLeft: number }, now: Date): TripState {
  const p = phase(trip, now)
  if (p.state !== 'takes-signups') return p
  return trip.seatsLeft === 0 ? { state: 'fullbokad' } : { state: 'oppen', seatsLeft: trip.seatsLeft }
}

/**
 * Whether participants may change their answers: until `changesAllowedUntil` if set, and never
 * once the trip has started (hotel and catering are booked by then).
 */
export function answersChangeable(
  trip: Pick<TripLife, 'startDate' | 'endDate' | 'year'> & { changesAllowedUntil: Date | null },
  now: Date,
): boolean {
  if (hasStarted(trip, now)) return false
  if (trip.changesAllowedUntil) return now.getTime() <= trip.changesAllowedUntil.getTime()
  return true
}

/** Whether a participant may still cancel: until departure (the first day begins). */
export function cancellable(trip: Pick<TripLife, 'startDate' | 'endDate' | 'year'>, now: Date): boolean {
  return !hasStarted(trip, now)
}

/** Whether the trip is public (every state but utkast). */
export function isPublic(trip: Pick<TripLife, 'publishedAt'>): boolean {
  return trip.publishedAt !== null
}

export const TRIP_STATE_LABEL: Record<TripStateName, string> = {
  utkast: 'Utkast',
  publicerad: 'Publicerad',
  oppen: 'Öppen',
  fullbokad: 'Fullbokad',
  stangd: 'Stängd',
  genomford: 'Genomförd',
}

/** Why a signup is refused, for the signup rules and their answers. */
export type RefusalReason = 'draft' | 'not-opened' | ClosedReason | 'held'

export type RegistrationState = { open: true } | { open: false; reason: RefusalReason; opensAt: Date | null }

/** Whether a signup is taken now, and if not, why: the life cycle without the seats. */
export function registrationState(trip: TripLife, now: Date): RegistrationState {
  const p = phase(trip, now)
  switch (p.state) {
    case 'takes-signups':
      return { open: true }
    case 'utkast':
      return { open: false, reason: 'draft', opensAt: null }
    case 'publicerad':
      return { open: false, reason: 'not-opened', opensAt: p.opensAt }
    case 'stangd':
      return { open: false, reason: p.reason, opensAt: null }
    case 'genomford':
      return { open: false, reason: 'held', opensAt: null }
  }
}

export const CLOSED_REASON_TEXT: Record<RefusalReason, string> = {
  draft: 'Resan är inte publicerad.',
  'not-opened': 'Anmälan har inte öppnat än.',
  'deadline-passed': 'Sista dag för anmälan har passerat.',
  'closed-by-organisers': 'Arrangörerna har stängt anmälan.',
  started: 'Resan har redan börjat.',
  held: 'Resan är genomförd.',
}

/** One sentence on why a trip takes no signups (with the opening time when there is one). */
export function refusalText(state: { reason: RefusalReason; opensAt: Date | null }): string {
  if (state.reason === 'not-opened' && state.opensAt) return `Anmälan öppnar ${formatDateTime(state.opensAt)}.`
  return CLOSED_REASON_TEXT[state.reason]
}
