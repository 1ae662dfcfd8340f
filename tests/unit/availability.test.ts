import { describe, expect, it } from 'vitest'
import { seatsLeft, seatsLeftText } from '../../lib/trips/availability'

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
