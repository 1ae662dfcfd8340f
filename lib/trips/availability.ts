// Seats: the one home of every seat rule, shared by the pages (which tell people before they fill
// in the form), the signup and the organisers' changes (which decide, under the trip's lock:
// ./lock.ts) and the admin's figures. Whether a trip takes signups at all is the trip's life
// cycle (./life-cycle.ts), re-exported here for the signup code that has always asked here.
import type { Tx } from '../db'

export { CLOSED_REASON_TEXT, registrationState, refusalText } from './life-cycle'
export type { RefusalReason, RegistrationState } from './life-cycle'

export function seatsLeft(seats: number, confirmed: number): number {
  return Math.max(0, seats - confirmed)
}

/** Whether one more person can be confirmed without overbooking. */
export function hasFreeSeat(seats: number, confirmed: number): boolean {
  return confirmed < seats
}

/** More confirmed than seats (the organisers overbooked, or lowered the count later). */
export function isOverbooked(seats: number, confirmed: number): boolean {
  return confirmed > seats
}

/** The seat a new signup gets: one, while any is free; otherwise a place on the waiting list. */
export function signupStatus(seats: number, confirmed: number): 'CONFIRMED' | 'WAITLISTED' {
  return hasFreeSeat(seats, confirmed) ? 'CONFIRMED' : 'WAITLISTED'
}

/** How many of the trip's seats are taken (confirmed registrations). Final only under the trip's lock. */
export function confirmedCount(client: Tx, tripId: number): Promise<number> {
  return client.registration.count({ where: { tripId, status: 'CONFIRMED' } })
}

/** "12 platser kvar", "1 plats kvar". */
export function seatsLeftText(left: number): string {
  return left === 1 ? '1 plats kvar' : `${left} platser kvar`
}
