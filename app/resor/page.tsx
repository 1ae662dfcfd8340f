import type { Metadata } from 'next'
import Link from 'next/link'
import { HostCityLinks } from '@/components/host-city-links'
import { formatDateRange } from '@/lib/dates'
import { listTrips } from '@/lib/trips/queries'

export const metadata: Metadata = { title: 'Resor' }
export const revalidate = 60

export default async function TripsPage() {
  const trips = await listTrips()
  return (
    <>
      <h1>Alla resor</h1>
      <ul className="trip-list">
        {trips.map((trip) => (
          <li key={trip.slug} className="card">
            <h2>
              <Link href={`/resor/${trip.slug}`}>{trip.title}</Link>
            </h2>
            <p>
              {trip.startDate ? formatDateRange(trip.startDate, trip.endDate) : trip.year} ·{' '}
              <HostCityLinks hostCities={trip.hostCities} />
            </p>
            <p>{trip.summary}</p>
          </li>
        ))}
      </ul>
    </>
  )
}
