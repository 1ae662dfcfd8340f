import Link from 'next/link'
import { ExampleTripBanner } from '@/components/example-trip-banner'
import { HostCityLinks } from '@/components/host-city-links'
import { InterestForm } from '@/components/interest-form'
import { PastTripsSection } from '@/components/past-trip-list'
import { TripStatus } from '@/components/trip-status'
import { formatDateRange } from '@/lib/dates'
import { listPublicTrips, tripsInTime } from '@/lib/trips/queries'
import { subscribeAction } from '@/app/(site)/meddela-mig/actions'

// Cached, and regenerated when a signup changes the seats (and at most a minute old otherwise,
// so a trip moves to "Tidigare resor" and a set opening time takes effect within a minute).
export const revalidate = 60

export default async function HomePage() {
  const now = new Date()
  const { next, upcoming, past } = tripsInTime(await listPublicTrips(), now)
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

      {next ? (
        <section aria-labelledby="aktuell-resa" className="card card--featured">
          <h2 id="aktuell-resa">{next.title}</h2>
          {next.isExample && <ExampleTripBanner />}
          {next.startDate && (
            <p>
              <strong>{formatDateRange(next.startDate, next.endDate)}</strong> ·{' '}
              <HostCityLinks hostCities={next.hostCities} />
            </p>
          )}
          <p>{next.summary}</p>
          <TripStatus trip={next} now={now} />
          <p>
            <Link href={`/resor/${next.slug}`}>Läs mer om resan</Link>
          </p>
        </section>
      ) : (
        <section aria-labelledby="nasta-resa" className="card card--featured">
          <h2 id="nasta-resa">Nästa resa planeras</h2>
          <p>
            Arrangörerna planerar nästa Mjölbybussen. När resmål och datum är bestämda står resan här, och du kan anmäla
            dig när anmälan öppnar. Fram till dess kan du läsa om de tidigare resorna nedan.
          </p>
          <InterestForm action={subscribeAction.bind(null, null)} permalink="/" />
        </section>
      )}

      {upcoming.length > 0 && (
        <section aria-labelledby="fler-kommande">
          <h2 id="fler-kommande">Fler kommande resor</h2>
          <ul>
            {upcoming.map((trip) => (
              <li key={trip.slug}>
                <Link href={`/resor/${trip.slug}`}>{trip.title}</Link>
                {trip.startDate && <>, {formatDateRange(trip.startDate, trip.endDate)}</>}
              </li>
            ))}
          </ul>
        </section>
      )}

      <PastTripsSection trips={past}>
        <p>
          <Link href="/resor">Alla resor</Link>
        </p>
      </PastTripsSection>
    </>
  )
}
