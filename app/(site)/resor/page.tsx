import type { Metadata } from 'next'
import Link from 'next/link'
import { HostCityLinks } from '@/components/host-city-links'
import { Photo, CARD_PHOTO_SIZES } from '@/components/photo'
import { PastTripsSection } from '@/components/past-trip-list'
import { TripStatus } from '@/components/trip-status'
import { formatDateRange } from '@/lib/dates'
import { listPublicTrips, tripsInTime } from '@/lib/trips/queries'

export const metadata: Metadata = { title: 'Resor' }
export const revalidate = 60

export default async function TripsPage() {
  const now = new Date()
  const { next, upcoming, past } = tripsInTime(await listPublicTrips(), now)
  const coming = next ? [next, ...upcoming] : []
  const firstWithPhoto = coming.find((t) => t.photo)?.slug
  return (
    <>
      <h1>Alla resor</h1>
      <section aria-labelledby="kommande-resor">
        <h2 id="kommande-resor">Kommande resor</h2>
        {coming.length === 0 ? (
          <p>Nästa resa planeras. När den är bestämd står den här.</p>
        ) : (
          <ul className="trip-list">
            {coming.map((trip) => (
              <li key={trip.slug} className={trip.photo ? 'card card--with-photo' : 'card'}>
                {trip.photo && <Photo photo={trip.photo} sizes={CARD_PHOTO_SIZES} first={trip.slug === firstWithPhoto} />}
                <div>
                  <h3>
                    <Link href={`/resor/${trip.slug}`}>{trip.title}</Link>
                  </h3>
                  <p>
                    {trip.startDate ? formatDateRange(trip.startDate, trip.endDate) : trip.year} ·{' '}
                    <HostCityLinks hostCities={trip.hostCities} />
                  </p>
                  {trip.isExample && <p><em>Exempelresa, för arrangörerna att ändra eller ta bort.</em></p>}
                  <p>{trip.summary}</p>
                  <TripStatus trip={trip} now={now} withCall={false} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <PastTripsSection trips={past} />
    </>
  )
}
