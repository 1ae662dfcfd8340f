import { describe, expect, it } from 'vitest'
import { CLOSED_REASON_TEXT, registrationState, seatsLeft, seatsLeftText } from '../../lib/trips/availability'

const deadline = new Date('2024-09-15T21:59:00Z') // 15 september 2024 kl. 23.59 in Stockholm

describe('registrationState', () => {
  it('is closed when the organisers have not opened registration, with or without a deadline', () => {
    const before = new Date('2024-09-01T10:00:00Z')
    expect(registrationState({ registrationOpen: false, registrationDeadline: null }, before)).toEqual({
      open: false,
      reason: 'not-opened',
    })
    expect(registrationState({ registrationOpen: false, registrationDeadline: deadline }, before)).toEqual({
      open: false,
      reason: 'not-opened',
    })
  })

  it('says not opened rather than deadline passed when both apply', () => {
    const after = new Date('2024-10-01T10:00:00Z')
    expect(registrationState({ registrationOpen: false, registrationDeadline: deadline }, after)).toEqual({
      open: false,
      reason: 'not-opened',
    })
  })

  it('is open before the deadline', () => {
    expect(registrationState({ registrationOpen: true, registrationDeadline: deadline }, new Date('2024-09-01T10:00:00Z'))).toEqual({
      open: true,
    })
    expect(registrationState({ registrationOpen: true, registrationDeadline: deadline }, new Date(deadline.getTime() - 1))).toEqual({
      open: true,
    })
  })

  it('is still open at the deadline itself', () => {
    expect(registrationState({ registrationOpen: true, registrationDeadline: deadline }, new Date(deadline))).toEqual({ open: true })
  })

  it('is closed after the deadline', () => {
    expect(registrationState({ registrationOpen: true, registrationDeadline: deadline }, new Date(deadline.getTime() + 1))).toEqual({
      open: false,
      reason: 'deadline-passed',
    })
    expect(registrationState({ registrationOpen: true, registrationDeadline: deadline }, new Date('2025-01-01T00:00:00Z'))).toEqual({
      open: false,
      reason: 'deadline-passed',
    })
  })

  it('is open with no deadline, whenever it is', () => {
    for (const now of ['2000-01-01T00:00:00Z', '2024-10-17T06:00:00Z', '2099-12-31T23:59:59Z']) {
      expect(registrationState({ registrationOpen: true, registrationDeadline: null }, new Date(now))).toEqual({ open: true })
    }
  })

  it('has a Swedish text for each reason for being closed', () => {
    expect(CLOSED_REASON_TEXT['not-opened']).toBe('Anmälan är inte öppen.')
    expect(CLOSED_REASON_TEXT['deadline-passed']).toBe('Sista dag för anmälan har passerat.')
  })
})

describe('seatsLeft', () => {
  it.each([
    [40, 0, 40],
    [40, 12, 28],
    [40, 39, 1],
    [40, 40, 0],
    [0, 0, 0],
  ])('%i seats with %i confirmed leaves %i', (seats, confirmed, left) => {
    expect(seatsLeft(seats, confirmed)).toBe(left)
  })

  it('is never negative when more are confirmed than there are seats (e.g. seats reduced later)', () => {
    expect(seatsLeft(40, 41)).toBe(0)
    expect(seatsLeft(10, 45)).toBe(0)
    expect(seatsLeft(0, 3)).toBe(0)
  })
})

describe('seatsLeftText', () => {
  it.each([
    [0, '0 platser kvar'],
    [1, '1 plats kvar'],
    [2, '2 platser kvar'],
    [12, '12 platser kvar'],
    [21, '21 platser kvar'],
  ])('%i → %j', (left, text) => {
    expect(seatsLeftText(left)).toBe(text)
  })
})
