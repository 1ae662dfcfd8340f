// The trip's life cycle with an injected clock: every state, the day the trip starts, the day
// after it ends, the deadline and the opening time to the millisecond, and drafts.
import { describe, expect, it } from 'vitest'
import {
  answersChangeable,
  cancellable,
  CLOSED_REASON_TEXT,
  refusalText,
  registrationState,
  tripState,
  type TripLife,
} from '../../lib/trips/life-cycle'

// A trip on 17–18 October of some year (the year only matters relative to "now" below).
const trip = (overrides: Partial<TripLife & { seatsLeft: number }> = {}): TripLife & { seatsLeft: number } => ({
  publishedAt: new Date('2030-01-01T00:00:00Z'),
  registrationOpen: true,
  registrationClosed: false,
  registrationOpensAt: null,
  registrationDeadline: null,
  startDate: new Date('2030-10-17T00:00:00Z'),
  endDate: new Date('2030-10-18T00:00:00Z'),
  year: 2030,
  seatsLeft: 12,
  ...overrides,
})
// Stockholm is UTC+2 from late March to late October (summer time): the times below fall there.
const stockholm = (local: string) => new Date(new Date(`${local}Z`).getTime() - 2 * 3600_000)
const before = stockholm('2030-09-01T10:00:00')

describe('tripState', () => {
  it('is utkast while not published, whatever the dates or choices', () => {
    expect(tripState(trip({ publishedAt: null }), before)).toEqual({ state: 'utkast' })
    expect(tripState(trip({ publishedAt: null }), stockholm('2031-01-01T00:00:00'))).toEqual({ state: 'utkast' })
    expect(registrationState(trip({ publishedAt: null }), before)).toEqual({ open: false, reason: 'draft', opensAt: null })
  })

  it('is öppen with seats left, fullbokad with none', () => {
    expect(tripState(trip(), before)).toEqual({ state: 'oppen', seatsLeft: 12 })
    expect(tripState(trip({ seatsLeft: 0 }), before)).toEqual({ state: 'fullbokad' })
    expect(registrationState(trip({ seatsLeft: 0 }), before)).toEqual({ open: true })
  })

  it('is publicerad until the organisers open it, with no opening time', () => {
    expect(tripState(trip({ registrationOpen: false }), before)).toEqual({ state: 'publicerad', opensAt: null })
  })

  it('opens by itself at the opening time, to the millisecond', () => {
    const opensAt = stockholm('2030-09-01T09:00:00')
    const t = trip({ registrationOpen: false, registrationOpensAt: opensAt })
    expect(tripState(t, new Date(opensAt.getTime() - 1))).toEqual({ state: 'publicerad', opensAt })
    expect(tripState(t, opensAt)).toEqual({ state: 'oppen', seatsLeft: 12 })
    expect(refusalText(registrationState(t, new Date(opensAt.getTime() - 1)) as never)).toBe(
      'Anmälan öppnar 1 september 2030 kl. 09.00.',
    )
  })

  it('keeps the deadline inclusive: open at its minute, stängd one millisecond after', () => {
    const deadline = stockholm('2030-09-15T23:59:00')
    const t = trip({ registrationDeadline: deadline })
    expect(tripState(t, deadline)).toEqual({ state: 'oppen', seatsLeft: 12 })
    expect(tripState(t, new Date(deadline.getTime() + 1))).toEqual({ state: 'stangd', reason: 'deadline-passed' })
    // A deadline passed before an opening time: closed, not "opens at".
    const late = trip({ registrationOpen: false, registrationOpensAt: stockholm('2030-09-20T09:00:00'), registrationDeadline: deadline })
    expect(tripState(late, stockholm('2030-09-16T00:00:00'))).toEqual({ state: 'stangd', reason: 'deadline-passed' })
  })

  it('is stängd when the organisers closed it, even with seats and time left', () => {
    expect(tripState(trip({ registrationClosed: true }), before)).toEqual({ state: 'stangd', reason: 'closed-by-organisers' })
  })

  it('closes by itself at departure even with no deadline: the first day, Stockholm time', () => {
    const t = trip()
    expect(tripState(t, stockholm('2030-10-16T23:59:59'))).toEqual({ state: 'oppen', seatsLeft: 12 })
    expect(tripState(t, stockholm('2030-10-17T00:00:00'))).toEqual({ state: 'stangd', reason: 'started' })
    expect(tripState(t, stockholm('2030-10-18T23:59:59'))).toEqual({ state: 'stangd', reason: 'started' })
    expect(registrationState(t, stockholm('2030-10-17T08:00:00'))).toEqual({ open: false, reason: 'started', opensAt: null })
  })

  it('is genomförd from the day after the last day, whatever the organisers chose', () => {
    for (const t of [trip(), trip({ registrationOpen: false }), trip({ registrationClosed: true }), trip({ seatsLeft: 0 })]) {
      expect(tripState(t, stockholm('2030-10-19T00:00:00'))).toEqual({ state: 'genomford' })
      expect(tripState(t, stockholm('2032-01-01T00:00:00'))).toEqual({ state: 'genomford' })
    }
    // A day trip ends with its first day.
    const dayTrip = trip({ endDate: null })
    expect(tripState(dayTrip, stockholm('2030-10-17T23:59:59'))).toEqual({ state: 'stangd', reason: 'started' })
    expect(tripState(dayTrip, stockholm('2030-10-18T00:00:00'))).toEqual({ state: 'genomford' })
    expect(registrationState(dayTrip, stockholm('2030-10-18T00:00:00'))).toEqual({ open: false, reason: 'held', opensAt: null })
  })

  it('counts an earlier trip without dates as held once its year has passed', () => {
    const undated = trip({ startDate: null, endDate: null, year: 2029 })
    // Winter time, UTC+1: midnight in Stockholm is 23.00 UTC.
    expect(tripState(undated, new Date('2029-12-31T22:59:59Z'))).toEqual({ state: 'oppen', seatsLeft: 12 })
    expect(tripState(undated, new Date('2029-12-31T23:00:00Z'))).toEqual({ state: 'genomford' })
  })

  it('keeps a trip two years past from taking signups even when marked open (the old seeded 2024 trip)', () => {
    const old = trip({ startDate: new Date('2024-10-17T00:00:00Z'), endDate: new Date('2024-10-18T00:00:00Z'), year: 2024 })
    expect(tripState(old, stockholm('2026-11-29T12:00:00'))).toEqual({ state: 'genomford' })
  })

  it('has a Swedish reason for every refusal', () => {
    for (const reason of Object.keys(CLOSED_REASON_TEXT) as (keyof typeof CLOSED_REASON_TEXT)[])
      expect(refusalText({ reason, opensAt: null })).toMatch(/^[A-ZÅÄÖ].+\.$/)
  })
})

describe('answersChangeable and cancellable', () => {
  const t = { startDate: new Date('2030-10-17T00:00:00Z'), endDate: null, year: 2030, changesAllowedUntil: null }

  it('allows changes until the trip starts when no change deadline is set', () => {
    expect(answersChangeable(t, stockholm('2030-10-16T23:59:59'))).toBe(true)
    expect(answersChangeable(t, stockholm('2030-10-17T00:00:00'))).toBe(false)
  })

  it('stops changes at the change deadline (inclusive), and never allows them once started', () => {
    const until = stockholm('2030-10-10T12:00:00')
    expect(answersChangeable({ ...t, changesAllowedUntil: until }, until)).toBe(true)
    expect(answersChangeable({ ...t, changesAllowedUntil: until }, new Date(until.getTime() + 1))).toBe(false)
    // A change deadline after departure does not reopen changes during the trip.
    const afterStart = stockholm('2030-10-18T12:00:00')
    expect(answersChangeable({ ...t, changesAllowedUntil: afterStart }, stockholm('2030-10-17T10:00:00'))).toBe(false)
  })

  it('allows cancelling until departure, not on the first day', () => {
    expect(cancellable(t, stockholm('2030-10-16T23:59:59'))).toBe(true)
    expect(cancellable(t, stockholm('2030-10-17T00:00:00'))).toBe(false)
    expect(cancellable({ startDate: null, endDate: null, year: 2030 }, stockholm('2030-10-17T00:00:00'))).toBe(true)
  })

  it('treats an undated trip as started once its year has passed, as its state does', () => {
    const undated = { startDate: null, endDate: null, year: 2030, changesAllowedUntil: null }
    // (Midday: `stockholm` above counts in summer time.)
    expect(answersChangeable(undated, stockholm('2030-12-31T12:00:00'))).toBe(true)
    expect(cancellable(undated, stockholm('2030-12-31T12:00:00'))).toBe(true)
    expect(answersChangeable(undated, stockholm('2031-01-01T12:00:00'))).toBe(false)
    expect(cancellable(undated, stockholm('2031-01-01T12:00:00'))).toBe(false)
  })
})

describe('retention days (lib/privacy/retention.ts), counted as PostgreSQL counts them', () => {
  it('adds months with the day clamped to the month, and days across months and years', async () => {
    const { addDays, addMonths } = await import('../../lib/privacy/retention')
    expect(addMonths('2024-10-18', 12)).toBe('2025-10-18')
    expect(addMonths('2024-08-31', 6)).toBe('2025-02-28')
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29')
    expect(addMonths('2024-12-31', 1)).toBe('2025-01-31')
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01')
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
  })
})

describe('tripsInTime (the home page and /resor)', () => {
  it('features the soonest trip not yet held, lists the others, and puts the held ones under past, newest first', async () => {
    const { tripsInTime } = await import('../../lib/trips/queries')
    const t = (slug: string, start: string | null, end: string | null, year: number) => ({
      slug,
      year,
      startDate: start ? new Date(`${start}T00:00:00Z`) : null,
      endDate: end ? new Date(`${end}T00:00:00Z`) : null,
    })
    const now = new Date('2030-09-01T10:00:00Z')
    const trips = [
      t('later', '2031-05-20', '2031-05-21', 2031),
      t('soon', '2030-10-17', '2030-10-18', 2030),
      t('undated-next-year', null, null, 2031),
      t('held', '2029-10-17', '2029-10-18', 2029),
      t('held-undated', null, null, 2023),
    ]
    const { next, upcoming, past } = tripsInTime(trips, now)
    expect(next?.slug).toBe('soon')
    expect(upcoming.map((x) => x.slug)).toEqual(['later', 'undated-next-year'])
    expect(past.map((x) => x.slug)).toEqual(['held', 'held-undated'])
  })

  it('has no next trip between trips: everything is past', async () => {
    const { tripsInTime } = await import('../../lib/trips/queries')
    const held = { slug: 'x', year: 2024, startDate: new Date('2024-10-17T00:00:00Z'), endDate: new Date('2024-10-18T00:00:00Z') }
    expect(tripsInTime([held], new Date('2026-11-29T12:00:00Z'))).toEqual({ next: undefined, upcoming: [], past: [held] })
  })
})
