import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { SignupForm } from '@/components/signup-form'
import { CLOSED_REASON_TEXT, registrationState, seatsLeftText } from '@/lib/trips/availability'
import { getSignupTrip } from '@/lib/trips/queries'
import { signup } from './actions'

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
  const trip = await getSignupTrip(slug)
  if (!trip) notFound()
  const state = registrationState(trip, new Date())
  return (
    <>
      <h1>Anmälan till {trip.title}</h1>
      {!state.open ? (
        <div className="notice notice--warn">
          <p>
            <strong>Anmälan är stängd.</strong> {CLOSED_REASON_TEXT[state.reason]}
          </p>
          <p>Har du frågor om resan? Kontakta arrangörerna, se kontaktuppgifterna längst ner på sidan.</p>
          <p>
            <Link href={`/resor/${trip.slug}`}>Tillbaka till resan</Link>
          </p>
        </div>
      ) : (
        <>
          {trip.seatsLeft === 0 ? (
            <div className="notice notice--warn">
              <p>
                <strong>Alla platser är bokade.</strong> Din anmälan hamnar på reservlistan, och du får en plats i tur och
                ordning om någon lämnar återbud. Vi mejlar dig då.
              </p>
            </div>
          ) : (
            <p>
              <span className="status status--open">{seatsLeftText(trip.seatsLeft)}</span>
            </p>
          )}
          <SignupForm
            action={signup.bind(null, trip.slug)}
            permalink={`/resor/${trip.slug}/anmalan`}
            hasOvernight={trip.hasOvernight}
            boardingStops={trip.boardingStops.map((s) => ({ id: s.id, name: s.name }))}
            goesToWaitlist={trip.seatsLeft === 0}
          />
        </>
      )}
    </>
  )
}
