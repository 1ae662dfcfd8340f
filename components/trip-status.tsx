import Link from 'next/link'
import { CLOSED_REASON_TEXT, registrationState, seatsLeftText } from '@/lib/trips/availability'

type TripForStatus = {
  slug: string
  registrationOpen: boolean
  registrationDeadline: Date | null
  seatsLeft: number
}

/** Seats left, or that signups go to the waiting list, or that registration is closed. */
export function TripStatus({ trip, now, withCall = true }: { trip: TripForStatus; now: Date; withCall?: boolean }) {
  const state = registrationState(trip, now)
  if (!state.open) {
    return (
      <p>
        <span className="status status--closed">Anmälan stängd</span> {CLOSED_REASON_TEXT[state.reason]}
      </p>
    )
  }
  const full = trip.seatsLeft === 0
  return (
    <>
      <p>
        {full ? (
          <span className="status status--waitlist">Fullbokad – anmäl dig till reservlistan</span>
        ) : (
          <span className="status status--open">{seatsLeftText(trip.seatsLeft)}</span>
        )}
      </p>
      {withCall && (
        <p>
          <Link className="button" href={`/resor/${trip.slug}/anmalan`}>
            {full ? 'Ställ dig på reservlistan' : 'Anmäl dig'}
          </Link>
        </p>
      )}
    </>
  )
}
