import { describe, expect, it } from 'vitest'
import {
  formatDate,
  formatDateRange,
  formatDateTime,
  formatProgrammeDay,
  formatTime,
  formatTimeRange,
  stockholmDayKey,
} from '../../lib/dates'

// Calendar days (DATE columns) arrive as midnight UTC.
const day = (iso: string) => new Date(`${iso}T00:00:00Z`)
const at = (iso: string) => new Date(iso)
const DASH = '\u2013' // en dash, as Swedish typography wants in ranges

describe('formatDateRange', () => {
  it('two days in the same month', () => {
    expect(formatDateRange(day('2024-10-17'), day('2024-10-18'))).toBe(`17${DASH}18 oktober 2024`)
  })

  it('across months', () => {
    expect(formatDateRange(day('2024-09-30'), day('2024-10-02'))).toBe(`30 september${DASH}2 oktober 2024`)
  })

  it('across years', () => {
    expect(formatDateRange(day('2024-12-30'), day('2025-01-02'))).toBe(`30 december 2024${DASH}2 januari 2025`)
  })

  it('a single day, when the end is missing, null or the same day', () => {
    expect(formatDateRange(day('2024-10-17'))).toBe('17 oktober 2024')
    expect(formatDateRange(day('2024-10-17'), null)).toBe('17 oktober 2024')
    expect(formatDateRange(day('2024-10-17'), day('2024-10-17'))).toBe('17 oktober 2024')
  })

  it('uses an en dash and no spaces around it', () => {
    const text = formatDateRange(day('2024-05-01'), day('2024-05-03'))
    expect(text).toBe(`1${DASH}3 maj 2024`)
    expect(text).not.toContain('-')
    expect(text).not.toMatch(/ \u2013|\u2013 /)
  })

  it('has no leading zeros and lower-case month names', () => {
    expect(formatDateRange(day('2024-06-05'), day('2024-06-07'))).toBe(`5${DASH}7 juni 2024`)
    expect(formatDateRange(day('2025-02-28'), day('2025-03-01'))).toBe(`28 februari${DASH}1 mars 2025`)
  })

  it('reads the days in UTC, so a DATE column keeps its day', () => {
    // 23:30 UTC is already the next day in Stockholm; the calendar day must not move.
    expect(formatDateRange(at('2024-10-17T23:30:00Z'), at('2024-10-18T23:30:00Z'))).toBe(`17${DASH}18 oktober 2024`)
  })
})

describe('formatDate', () => {
  it('gives a calendar day in Swedish', () => {
    expect(formatDate(day('2024-10-17'))).toBe('17 oktober 2024')
    expect(formatDate(day('2025-01-01'))).toBe('1 januari 2025')
    expect(formatDate(day('2024-08-31'))).toBe('31 augusti 2024')
  })

  it('reads the day in UTC, not in Stockholm or local time', () => {
    expect(formatDate(at('2024-10-17T23:30:00Z'))).toBe('17 oktober 2024')
    expect(formatDate(at('2024-12-31T23:59:59Z'))).toBe('31 december 2024')
  })
})

describe('formatTime', () => {
  it('summer time (CEST, UTC+2)', () => {
    expect(formatTime(at('2024-10-17T06:00:00Z'))).toBe('kl. 08.00')
    expect(formatTime(at('2024-06-21T15:45:00Z'))).toBe('kl. 17.45')
  })

  it('winter time (CET, UTC+1)', () => {
    expect(formatTime(at('2024-12-01T07:00:00Z'))).toBe('kl. 08.00')
    expect(formatTime(at('2025-01-15T12:30:00Z'))).toBe('kl. 13.30')
  })

  it('pads hours and minutes with zeros and uses a dot', () => {
    expect(formatTime(at('2024-10-17T07:05:00Z'))).toBe('kl. 09.05')
    expect(formatTime(at('2024-12-01T08:09:00Z'))).toBe('kl. 09.09')
  })

  it('uses the 24-hour clock, midnight being 00.00', () => {
    expect(formatTime(at('2024-10-16T22:00:00Z'))).toBe('kl. 00.00')
    expect(formatTime(at('2024-10-17T21:59:00Z'))).toBe('kl. 23.59')
    expect(formatTime(at('2024-10-17T11:30:00Z'))).toBe('kl. 13.30')
  })

  it('follows the switch to and from summer time', () => {
    expect(formatTime(at('2024-03-31T00:59:00Z'))).toBe('kl. 01.59')
    expect(formatTime(at('2024-03-31T01:00:00Z'))).toBe('kl. 03.00')
    expect(formatTime(at('2024-10-27T00:59:00Z'))).toBe('kl. 02.59')
    expect(formatTime(at('2024-10-27T01:00:00Z'))).toBe('kl. 02.00')
  })
})

describe('formatTimeRange', () => {
  it('gives start and end in Stockholm time', () => {
    expect(formatTimeRange(at('2024-10-17T06:00:00Z'), at('2024-10-17T07:30:00Z'))).toBe(`kl. 08.00${DASH}09.30`)
    expect(formatTimeRange(at('2024-12-01T07:00:00Z'), at('2024-12-01T16:15:00Z'))).toBe(`kl. 08.00${DASH}17.15`)
  })

  it('gives only the start without an end', () => {
    expect(formatTimeRange(at('2024-10-17T06:00:00Z'))).toBe('kl. 08.00')
    expect(formatTimeRange(at('2024-10-17T06:00:00Z'), null)).toBe('kl. 08.00')
  })
})

describe('formatDateTime', () => {
  it('gives day and time in Stockholm time', () => {
    expect(formatDateTime(at('2024-09-15T21:59:00Z'))).toBe('15 september 2024 kl. 23.59')
    expect(formatDateTime(at('2024-12-01T07:00:00Z'))).toBe('1 december 2024 kl. 08.00')
  })

  it('moves to the next day when it is past midnight in Stockholm', () => {
    expect(formatDateTime(at('2024-09-15T22:30:00Z'))).toBe('16 september 2024 kl. 00.30')
    expect(formatDateTime(at('2024-12-31T23:15:00Z'))).toBe('1 januari 2025 kl. 00.15')
  })
})

describe('formatProgrammeDay', () => {
  it('gives the weekday capitalised, the day and the month', () => {
    expect(formatProgrammeDay(at('2024-10-17T06:00:00Z'))).toBe('Torsdag 17 oktober')
    expect(formatProgrammeDay(at('2024-10-18T10:00:00Z'))).toBe('Fredag 18 oktober')
    expect(formatProgrammeDay(at('2024-10-19T10:00:00Z'))).toBe('Lördag 19 oktober')
    expect(formatProgrammeDay(at('2024-10-20T10:00:00Z'))).toBe('Söndag 20 oktober')
    expect(formatProgrammeDay(at('2024-10-21T10:00:00Z'))).toBe('Måndag 21 oktober')
  })

  it('uses the Stockholm day of the moment', () => {
    expect(formatProgrammeDay(at('2024-10-16T22:30:00Z'))).toBe('Torsdag 17 oktober')
    expect(formatProgrammeDay(at('2024-10-16T21:30:00Z'))).toBe('Onsdag 16 oktober')
  })
})

describe('stockholmDayKey', () => {
  it('is the Stockholm day as YYYY-MM-DD', () => {
    expect(stockholmDayKey(at('2024-10-17T06:00:00Z'))).toBe('2024-10-17')
    expect(stockholmDayKey(at('2024-03-05T12:00:00Z'))).toBe('2024-03-05')
  })

  it('a moment at 23:30 UTC on 16 October 2024 is 17 October in Stockholm', () => {
    expect(stockholmDayKey(at('2024-10-16T23:30:00Z'))).toBe('2024-10-17')
  })

  it('changes day at Stockholm midnight in summer and in winter', () => {
    expect(stockholmDayKey(at('2024-10-16T21:59:59Z'))).toBe('2024-10-16')
    expect(stockholmDayKey(at('2024-10-16T22:00:00Z'))).toBe('2024-10-17')
    expect(stockholmDayKey(at('2024-01-05T22:59:59Z'))).toBe('2024-01-05')
    expect(stockholmDayKey(at('2024-01-05T23:00:00Z'))).toBe('2024-01-06')
    expect(stockholmDayKey(at('2024-12-31T23:00:00Z'))).toBe('2025-01-01')
  })

  it('sorts in time order as text', () => {
    const keys = ['2024-12-01T07:00:00Z', '2024-09-30T07:00:00Z', '2024-10-02T07:00:00Z'].map((iso) => stockholmDayKey(at(iso)))
    expect([...keys].sort()).toEqual(['2024-09-30', '2024-10-02', '2024-12-01'])
  })
})
