import Link from 'next/link'
import type { ReactNode } from 'react'
import { HostCityLinks } from '@/components/host-city-links'
import { formatDateRange } from '@/lib/dates'
import type { TripListItem } from '@/lib/trips/queries'

/** Trips that have been held: when, where, what was done there; never a signup call. */
export function PastTripList({ trips, headingLevel = 3 }: { trips: TripListItem[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <ul className="trip-list">
      {trips.map((trip) => (
        <li key={trip.slug} className="card">
          <Heading>
            <Link href={`/resor/${trip.slug}`}>{trip.title}</Link>
          </Heading>
          <p>
            {trip.startDate ? formatDateRange(trip.startDate, trip.endDate) : trip.year} ·{' '}
            <HostCityLinks hostCities={trip.hostCities} />
          </p>
          <p>{trip.summary}</p>
          {trip.hostCities
            .filter((h) => h.focus)
            .map((h) => (
              <p key={h.hostCity.slug}>
                <strong>I {h.hostCity.name}:</strong> {h.focus}
              </p>
            ))}
        </li>
      ))}
    </ul>
  )
}

/** The "Tidigare resor" section of the home page and /resor; nothing when no trip has been held. */
export function PastTripsSection({ trips, children }: { trips: TripListItem[]; children?: ReactNode }) {
  if (trips.length === 0) return null
  return (
    <section aria-labelledby="tidigare-resor">
      <h2 id="tidigare-resor">Tidigare resor</h2>
      <PastTripList trips={trips} />
      {children}
    </section>
  )
}
