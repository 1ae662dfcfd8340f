import Link from 'next/link'
import { HostCityLinks } from '@/components/host-city-links'
import { TripStatus } from '@/components/trip-status'
import { formatDateRange } from '@/lib/dates'
import { currentTrip, listTrips } from '@/lib/trips/queries'

// Cached, and regenerated when a signup changes the seats (and at most a minute old otherwise).
export const revalidate = 60

export default async function HomePage() {
  const trips = await listTrips()
  const current = currentTrip(trips)
  const earlier = trips.filter((t) => t !== current)
  const now = new Date()
  return (
    <>
      <div className="prose">
        <h1>Mjölbybussen</h1>
        <p className="lead">En resa mot framtidens möjligheter.</p>
        <p>
          Mjölbybussen är en återkommande studieresa med buss. Företagare, kommunpolitiker och tjänstepersoner från
          hela Mjölby kommun reser tillsammans till en annan kommun för att se hur man arbetar där och lära av
          framgångsrika företag och nyskapande projekt.
        </p>
        <p>
          Genom studiebesök, föreläsningar och samtal byter vi kunskap och erfarenheter över gränserna mellan
          näringsliv, politik och förvaltning. Resan är också ett tillfälle att se på Mjölby kommuns egna styrkor och
          svagheter, och att tillsammans fundera på hur vi gör Mjölby till en ännu bättre plats att bo och verka i.
        </p>
      </div>

      {current && (
        <section aria-labelledby="aktuell-resa" className="card card--featured">
          <h2 id="aktuell-resa">{current.title}</h2>
          {current.startDate && (
            <p>
              <strong>{formatDateRange(current.startDate, current.endDate)}</strong> ·{' '}
              <HostCityLinks hostCities={current.hostCities} />
            </p>
          )}
          <p>{current.summary}</p>
          <TripStatus trip={current} now={now} />
          <p>
            <Link href={`/resor/${current.slug}`}>Läs mer om resan</Link>
          </p>
        </section>
      )}

      {earlier.length > 0 && (
        <section aria-labelledby="tidigare-resor">
          <h2 id="tidigare-resor">Tidigare resor</h2>
          <ul>
            {earlier.map((trip) => (
              <li key={trip.slug}>
                <Link href={`/resor/${trip.slug}`}>
                  {trip.year}: {trip.hostCities.map((h) => h.hostCity.name).join(' & ')}
                </Link>
              </li>
            ))}
          </ul>
          <p>
            <Link href="/resor">Alla resor</Link>
          </p>
        </section>
      )}
    </>
  )
}
