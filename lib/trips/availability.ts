// Seats: pure rules, shared by the pages (which tell people before they fill in the form) and
// registerParticipant (which decides). Whether a trip takes signups at all is the trip's life
// cycle (./life-cycle.ts), re-exported here for the signup code that has always asked here.
export { CLOSED_REASON_TEXT, registrationState, refusalText } from './life-cycle'
export type { RefusalReason, RegistrationState } from './life-cycle'

export function seatsLeft(seats: number, confirmed: number): number {
  return Math.max(0, seats - confirmed)
}

/** "12 platser kvar", "1 plats kvar". */
export function seatsLeftText(left: number): string {
  return left === 1 ? '1 plats kvar' : `${left} platser kvar`
}
