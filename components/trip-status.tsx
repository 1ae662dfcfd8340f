import Link from 'next/link'
import { seatsLeftText } from '@/lib/trips/availability'
import { refusalText, tripState, type TripLife } from '@/lib/trips/life-cycle'

type TripForStatus = TripLife & { slug: string; seatsLeft: number }

/**
 * The trip's state as people see it (lib/trips/life-cycle.ts decides it): seats left with the
 * signup call, full with the waiting-list call, not open yet (and when it opens), closed and
 * why, or held — never a signup call unless the trip takes signups.
 */
export function TripStatus({ trip, now, withCall = true }: { trip: TripForStatus; now: Date; withCall?: boolean }) {
  const state = tripState(trip, now)
  switch (state.state) {
    case 'oppen':
    case 'fullbokad': {
      const full = state.state === 'fullbokad'
      return (
        <>
          <p>
            {full ? (
              <span className="status status--waitlist">Fullbokad – anmäl dig till reservlistan</span>
            ) : (
              <span className="status status--open">{seatsLeftText(state.seatsLeft)}</span>
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
    case 'publicerad':
      return (
        <p>
          <span className="status status--closed">Anmälan har inte öppnat</span>{' '}
          {refusalText({ reason: 'not-opened', opensAt: state.opensAt })}
        </p>
      )
    case 'stangd':
      return (
        <p>
          <span className="status status--closed">Anmälan stängd</span> {refusalText({ reason: state.reason, opensAt: null })}
        </p>
      )
    case 'genomford':
      return (
        <p>
          <span className="status status--closed">Genomförd</span> Resan är genomförd.
        </p>
      )
    case 'utkast':
      return (
        <p>
          <span className="status status--closed">Utkast</span> Resan är inte publicerad.
        </p>
      )
  }
}
