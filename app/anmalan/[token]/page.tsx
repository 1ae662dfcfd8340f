import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { formatDateRange } from '@/lib/dates'
import { findRegistrationByToken } from '@/lib/registrations/manage'
import { overnightLabel, roleLabel } from '@/lib/registrations/schema'

export const metadata: Metadata = { title: 'Din anmälan', robots: { index: false, follow: false } }

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ ny?: string }> }

const STATUS_TEXT = {
  CONFIRMED: 'Bekräftad: du har en plats på resan.',
  WAITLISTED: 'Reservlista',
  CANCELLED: 'Avbokad',
} as const

export default async function RegistrationPage({ params, searchParams }: Props) {
  const [{ token }, { ny }] = await Promise.all([params, searchParams])
  const registration = await findRegistrationByToken(token)
  if (!registration) notFound()
  const { trip } = registration
  const isNew = ny === '1'
  return (
    <div className="prose">
      <h1>{isNew ? 'Tack för din anmälan!' : 'Din anmälan'}</h1>
      <div className={`notice ${registration.status === 'CONFIRMED' ? 'notice--ok' : 'notice--warn'}`} role="status">
        <p>
          <strong>{trip.title}</strong>
          {trip.startDate && <>, {formatDateRange(trip.startDate, trip.endDate)}</>}
        </p>
        <p>
          Status: <strong>{STATUS_TEXT[registration.status]}</strong>
          {registration.waitlistPosition && (
            <>
              {' '}
              Du har plats {registration.waitlistPosition} på reservlistan och får en plats i tur och ordning om någon
              lämnar återbud.
            </>
          )}
        </p>
        {isNew && <p>Vi har skickat en bekräftelse till {registration.email}.</p>}
      </div>

      <h2>Dina uppgifter</h2>
      <dl className="facts">
        <dt>Namn</dt>
        <dd>
          {registration.firstName} {registration.lastName}
        </dd>
        <dt>E-post</dt>
        <dd>{registration.email}</dd>
        <dt>Mobilnummer</dt>
        <dd>{registration.phone}</dd>
        <dt>Organisation</dt>
        <dd>{registration.organisation}</dd>
        <dt>Roll</dt>
        <dd>{roleLabel(registration.role)}</dd>
        <dt>Specialkost eller allergier</dt>
        <dd>{registration.dietaryNeeds ?? 'Inga'}</dd>
        {registration.overnight && (
          <>
            <dt>Övernattning</dt>
            <dd>
              {overnightLabel(registration.overnight)}
              {registration.shareRoomWith && <>, med {registration.shareRoomWith}</>}
            </dd>
          </>
        )}
        {registration.boardingStop && (
          <>
            <dt>Påstigning</dt>
            <dd>{registration.boardingStop.name}</dd>
          </>
        )}
        <dt>Övrigt</dt>
        <dd>{registration.otherInfo ?? '–'}</dd>
        <dt>Syns i deltagarlistan</dt>
        <dd>{registration.showInParticipantList ? 'Ja' : 'Nej'}</dd>
      </dl>
      <p>
        Spara mejlet med länken hit: den är din personliga väg till anmälan. Vill du ändra något eller lämna återbud,
        kontakta arrangörerna (se längst ner på sidan).
      </p>
      <p>
        <Link href={`/resor/${trip.slug}`}>Till resans sida</Link>
      </p>
    </div>
  )
}
