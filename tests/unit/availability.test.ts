import { describe, expect, it } from 'vitest'
import { hasFreeSeat, isOverbooked, seatsLeft, seatsLeftText, signupStatus } from '../../lib/trips/availability'

// Whether a trip takes signups at all: tests/unit/life-cycle.test.ts.

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

describe('the seat rules', () => {
  it.each([
    [40, 0, true, false, 'CONFIRMED'],
    [40, 39, true, false, 'CONFIRMED'],
    [40, 40, false, false, 'WAITLISTED'],
    [40, 41, false, true, 'WAITLISTED'],
    [0, 0, false, false, 'WAITLISTED'],
  ] as const)('%i seats, %i confirmed: a free seat %s, overbooked %s, a signup is %s', (seats, confirmed, free, overbooked, status) => {
    expect(hasFreeSeat(seats, confirmed)).toBe(free)
    expect(isOverbooked(seats, confirmed)).toBe(overbooked)
    expect(signupStatus(seats, confirmed)).toBe(status)
  })
})
