// The overview's signups over time: a running total over every day, dated as Swedes write dates.
import { describe, expect, it } from 'vitest'
import { cumulativeSignups } from '../../lib/admin/overview'
import { formatShortDate } from '../../lib/dates'

describe('cumulativeSignups', () => {
  it('adds up the days and fills the days without signups, for an even time axis', () => {
    const days = cumulativeSignups([
      { day: '2026-10-30', count: 2 },
      { day: '2026-11-02', count: 3 },
      { day: '2026-11-03', count: 1 },
    ])
    expect(days.map((d) => [d.day, d.count, d.total])).toEqual([
      ['2026-10-30', 2, 2],
      ['2026-10-31', 0, 2],
      ['2026-11-01', 0, 2],
      ['2026-11-02', 3, 5],
      ['2026-11-03', 1, 6],
    ])
    expect(days.map((d) => d.shortLabel)).toEqual(['30 okt', '31 okt', '1 nov', '2 nov', '3 nov'])
    expect(days.at(-1)!.label).toBe('3 november 2026')
  })

  it('orders the days itself, across a change of year and of daylight saving time', () => {
    const days = cumulativeSignups([
      { day: '2027-01-01', count: 1 },
      { day: '2026-12-31', count: 4 },
    ])
    expect(days.map((d) => [d.label, d.total])).toEqual([
      ['31 december 2026', 4],
      ['1 januari 2027', 5],
    ])
    const overDst = cumulativeSignups([
      { day: '2027-03-27', count: 1 },
      { day: '2027-03-29', count: 1 },
    ])
    expect(overDst.map((d) => d.day)).toEqual(['2027-03-27', '2027-03-28', '2027-03-29'])
  })

  it('has nothing to draw without signups', () => {
    expect(cumulativeSignups([])).toEqual([])
  })
})

describe('formatShortDate', () => {
  it('writes a day and a short month without the abbreviation’s full stop', () => {
    expect(formatShortDate(new Date('2026-11-03T00:00:00Z'))).toBe('3 nov')
    expect(formatShortDate(new Date('2027-05-17T00:00:00Z'))).toBe('17 maj')
    expect(formatShortDate(new Date('2027-09-01T00:00:00Z'))).toBe('1 sep')
  })
})
