// Whether a trip takes signups and how many seats are left: pure rules, shared by the pages
// (which tell people before they fill in the form) and registerParticipant (which decides).
// Open means what DESIGN.md says: opened by the organisers, and the deadline (if any) not passed.
// Closing after departure is the organisers' to do, by the flag or a deadline.

export type RegistrationWindow = {
  registrationOpen: boolean
  registrationDeadline: Date | null
}

export type RegistrationState =
  | { open: true }
  | { open: false; reason: 'not-opened' | 'deadline-passed' }

export function registrationState(trip: RegistrationWindow, now: Date): RegistrationState {
  if (!trip.registrationOpen) return { open: false, reason: 'not-opened' }
  if (trip.registrationDeadline && now > trip.registrationDeadline) {
    return { open: false, reason: 'deadline-passed' }
  }
  return { open: true }
}

export const CLOSED_REASON_TEXT: Record<Exclude<RegistrationState, { open: true }>['reason'], string> = {
  'not-opened': 'Anmälan är inte öppen.',
  'deadline-passed': 'Sista dag för anmälan har passerat.',
}

export function seatsLeft(seats: number, confirmed: number): number {
  return Math.max(0, seats - confirmed)
}

/** "12 platser kvar", "1 plats kvar". */
export function seatsLeftText(left: number): string {
  return left === 1 ? '1 plats kvar' : `${left} platser kvar`
}
