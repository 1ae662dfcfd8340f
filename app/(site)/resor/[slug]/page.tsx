import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { HostCityLinks } from '@/components/host-city-links'
import { ExampleTripBanner } from '@/components/example-trip-banner'
import { Markdown } from '@/components/markdown'
import { Photo } from '@/components/photo'
import { TripStatus } from '@/components/trip-status'
import { formatDateRange, formatDateTime, formatProgrammeDay, formatTimeRange, stockholmDayKey } from '@/lib/dates'
import { isHeld } from '@/lib/trips/life-cycle'
import { getTripPage, type TripPage } from '@/lib/trips/queries'

// Rendered on first request, then cached; a signup or cancellation regenerates it.
export const revalidate = 60
export function generateStaticParams() {
  return []
}

type Props = { params: Promise<{ slug: string }> }

// The page's width (.wrap: 64rem less 2 × 1.25rem padding), or the screen's less that padding.
const HERO_SIZES = '(min-width: 64rem) 61.5rem, calc(100vw - 2.5rem)'

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const trip = await getTripPage((await params).slug)
  return { title: trip?.title ?? 'Resan finns inte' }
}

export default async function TripPageRoute({ params }: Props) {
  const trip = await getTripPage((await params).slug)
  if (!trip) notFound()
  const now = new Date()
  const held = isHeld(trip, now)
  return (
    <article>
      <h1>{trip.title}</h1>
      {trip.isExample && <ExampleTripBanner />}
      {trip.photo && <Photo photo={trip.photo} sizes={HERO_SIZES} first className="photo--hero" />}
      <p className="lead">{trip.summary}</p>
      <TripStatus trip={trip} now={now} />

      <dl className="facts">
        <dt>Datum</dt>
        <dd>{trip.startDate ? formatDateRange(trip.startDate, trip.endDate) : `${trip.year} (exakta datum saknas)`}</dd>
        <dt>Resmål</dt>
        <dd>
          <HostCityLinks hostCities={trip.hostCities} />
        </dd>
        {trip.departureText && (
          <>
            <dt>Avresa</dt>
            <dd>{trip.departureText}</dd>
          </>
        )}
        {trip.returnText && (
          <>
            <dt>Hemresa</dt>
            <dd>{trip.returnText}</dd>
          </>
        )}
        {trip.boardingStops.length > 0 && (
          <>
            <dt>Påstigning</dt>
            <dd>{trip.boardingStops.map((s) => s.name).join(', ')}</dd>
          </>
        )}
        <dt>Pris</dt>
        <dd>{trip.priceSek === null ? 'Uppgift saknas' : trip.priceSek === 0 ? 'Kostnadsfritt' : `${trip.priceSek.toLocaleString('sv-SE')} kr`}</dd>
        <dt>Övernattning</dt>
        <dd>{trip.hasOvernight ? (trip.accommodation ?? 'Ja, boende meddelas senare') : 'Nej, dagsresa'}</dd>
        {trip.registrationDeadline && !held && (
          <>
            <dt>Sista anmälningsdag</dt>
            <dd>{formatDateTime(trip.registrationDeadline)}</dd>
          </>
        )}
      </dl>

      <div className="prose">
        <Markdown text={trip.description} />
      </div>

      <h2>Program</h2>
      <Programme items={trip.programmeItems} />

      {trip.hostCities.some((h) => h.focus) && (
        <>
          <h2>Vad vi tittar på</h2>
          {trip.hostCities
            .filter((h) => h.focus)
            .map((h) => (
              <p key={h.hostCity.slug}>
                <strong>{h.hostCity.name}:</strong> {h.focus}
              </p>
            ))}
        </>
      )}

      <h2>{held ? 'Vilka åkte med?' : 'Vilka åker med?'}</h2>
      {trip.publicParticipants.length === 0 ? (
        <p>Ingen har ännu valt att visa sitt namn här.</p>
      ) : (
        <ul>
          {trip.publicParticipants.map((p) => (
            <li key={p.id}>
              {p.firstName} {p.lastName}, {p.organisation}
            </li>
          ))}
        </ul>
      )}
      <p>Listan visar bara de deltagare som själva har valt att synas här.</p>

      <h2>Redan anmäld?</h2>
      <p>
        I mejlet du fick när du anmälde dig finns en länk där du kan se, ändra eller avboka din anmälan.{' '}
        <Link href={`/resor/${trip.slug}/lank`}>Tappat länken? Få en ny.</Link>
      </p>
    </article>
  )
}

function Programme({ items }: { items: TripPage['programmeItems'] }) {
  if (items.length === 0) return <p>Programmet publiceras senare.</p>
  const days = new Map<string, TripPage['programmeItems']>()
  for (const item of items) {
    const key = stockholmDayKey(item.startsAt)
    days.set(key, [...(days.get(key) ?? []), item])
  }
  return (
    <>
      {[...days.values()].map((dayItems) => (
        <section key={stockholmDayKey(dayItems[0]!.startsAt)}>
          <h3>{formatProgrammeDay(dayItems[0]!.startsAt)}</h3>
          <ul className="programme-day">
            {dayItems.map((item) => (
              <li key={item.id}>
                <strong>{formatTimeRange(item.startsAt, item.endsAt)}</strong> {item.title}
                {item.place && <> · Plats: {item.place}</>}
                {item.participants && <> · Medverkar: {item.participants}</>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  )
}
