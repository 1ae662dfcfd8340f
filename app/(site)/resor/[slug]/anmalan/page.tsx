import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { SignupForm } from '@/components/signup-form'
import { ExampleTripBanner } from '@/components/example-trip-banner'
import { InterestForm } from '@/components/interest-form'
import { TripContact } from '@/components/trip-contact'
import { formatDateTime } from '@/lib/dates'
import { getSiteSettings } from '@/lib/settings/site-settings'
import { seatsLeftText } from '@/lib/trips/availability'
import { CLOSED_REASON_TEXT, tripState, type TripState } from '@/lib/trips/life-cycle'
import { getSignupTrip } from '@/lib/trips/queries'
import { signup } from './actions'
import { subscribeAction } from '@/app/(site)/meddela-mig/actions'

export const revalidate = 60
export function generateStaticParams() {
  return []
}

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const trip = await getSignupTrip((await params).slug)
  return { title: trip ? `Anmälan: ${trip.title}` : 'Resan finns inte' }
}

export default async function SignupPage({ params }: Props) {
  const { slug } = await params
  const [trip, settings] = await Promise.all([getSignupTrip(slug), getSiteSettings()])
  if (!trip) notFound()
  const state = tripState(trip, new Date())
  if (state.state !== 'oppen' && state.state !== 'fullbokad') {
    return (
      <>
        <h1>Anmälan till {trip.title}</h1>
        {trip.isExample && <ExampleTripBanner />}
        <div className="notice notice--warn">
          <h2>{NOT_OPEN_HEADING[state.state]}</h2>
          <p>{NOT_OPEN_TEXT(state)}</p>
          <TripContact settings={settings} />
          <p>
            <Link href={`/resor/${trip.slug}`}>Tillbaka till resan</Link>
          </p>
        </div>
        {state.state === 'publicerad' && (
          <InterestForm action={subscribeAction.bind(null, trip.slug)} permalink={`/resor/${trip.slug}/anmalan`} />
        )}
      </>
    )
  }
  return (
    <>
      <h1>Anmälan till {trip.title}</h1>
      {trip.isExample && <ExampleTripBanner />}
      {state.state === 'fullbokad' ? (
        <div className="notice notice--warn">
          <p>
            <strong>Alla platser är bokade.</strong> Din anmälan hamnar på reservlistan, och du får en plats i tur och
            ordning om någon lämnar återbud. Vi mejlar dig då.
          </p>
        </div>
      ) : (
        <p>
          <span className="status status--open">{seatsLeftText(state.seatsLeft)}</span>
        </p>
      )}
      <SignupForm
        action={signup.bind(null, trip.slug)}
        permalink={`/resor/${trip.slug}/anmalan`}
        hasOvernight={trip.hasOvernight}
        boardingStops={trip.boardingStops.map((s) => ({ id: s.id, name: s.name }))}
        goesToWaitlist={state.state === 'fullbokad'}
      />
    </>
  )
}

type NotOpen = Exclude<TripState, { state: 'oppen' } | { state: 'fullbokad' }>

const NOT_OPEN_HEADING: Record<NotOpen['state'], string> = {
  utkast: 'Resan är inte publicerad',
  publicerad: 'Anmälan har inte öppnat än',
  stangd: 'Anmälan är stängd',
  genomford: 'Resan är genomförd',
}

function NOT_OPEN_TEXT(state: NotOpen): string {
  switch (state.state) {
    case 'publicerad':
      return state.opensAt
        ? `Anmälan öppnar ${formatDateTime(state.opensAt)}. Välkommen tillbaka då.`
        : 'Arrangörerna har inte öppnat anmälan än. Datum för när den öppnar meddelas på resans sida.'
    case 'stangd':
      return `${CLOSED_REASON_TEXT[state.reason]} Det går inte längre att anmäla sig till resan.`
    case 'genomford':
      return 'Resan har redan ägt rum, så det går inte att anmäla sig. På resans sida kan du läsa vad vi gjorde.'
    case 'utkast':
      return CLOSED_REASON_TEXT.draft
  }
}
