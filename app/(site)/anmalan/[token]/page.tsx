// A registration's own page, reached by the personal link in every e-mail (and the receipt right
// after signup, with ?ny=1). It shows the status and the answers; until the change deadline the
// answers are an edit form, and an active registration can be cancelled (on /avboka).
import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { RegistrationAnswers } from '@/components/registration-answers'
import { SignupForm } from '@/components/signup-form'
import { formatDateRange, formatDateTime } from '@/lib/dates'
import { findRegistrationByToken, registrationFormValues } from '@/lib/registrations/manage'
import { answersChangeable } from '@/lib/trips/life-cycle'
import { updateAnswers } from './actions'

// Personal data: rendered for each request, never cached.
export const dynamic = 'force-dynamic'

export const metadata: Metadata = {
  title: 'Din anmälan',
  robots: { index: false, follow: false },
}

type Props = {
  params: Promise<{ token: string }>
  searchParams: Promise<{ ny?: string; sparad?: string; avbokad?: string; mejl?: string; epost?: string }>
}

const STATUS_TEXT = {
  CONFIRMED: 'Bekräftad: du har en plats på resan.',
  WAITLISTED: 'Reservlista',
  CANCELLED: 'Avbokad',
} as const

export default async function RegistrationPage({ params, searchParams }: Props) {
  const [{ token }, query] = await Promise.all([params, searchParams])
  const registration = await findRegistrationByToken(token)
  if (!registration) notFound()
  const { trip } = registration
  const isNew = query.ny === '1'
  const active = registration.status !== 'CANCELLED'
  const editable = active && answersChangeable(trip, new Date())
  const mailed = query.mejl !== '0'
  // Over the inbox's daily ceiling (lib/rate-limits) the change is stored but its e-mail not sent.
  const notMailed = 'Vi skickar inget mejl om det den här gången, eftersom vi redan har skickat så många mejl till din adress det senaste dygnet som vi får.'
  const pendingEmail = active && registration.emailChange && registration.emailChange.expiresAt > new Date() ? registration.emailChange : null
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
        {query.sparad === '0' && active && <p>Du ändrade ingenting, så vi har inte sparat något och inte skickat något mejl.</p>}
        {query.sparad === '1' && active && query.epost === '1' && <p>Dina övriga ändringar är sparade.</p>}
        {query.sparad === '1' && active && query.epost !== '1' && (
          <p>Dina ändringar är sparade. {mailed ? `Vi har skickat en bekräftelse till ${registration.email}.` : notMailed}</p>
        )}
        {query.epost === 'bytt' && active && (
          <p>
            Din nya e-postadress {registration.email} gäller nu. Länkarna i våra tidigare mejl fungerar inte längre.{' '}
            {mailed ? 'Vi har mejlat en ny länk till den nya adressen.' : `${notMailed} Spara den här sidans adress.`}
          </p>
        )}
        {query.avbokad === '1' && !active && (
          <p>Din anmälan är avbokad. {mailed ? `Vi har skickat en bekräftelse till ${registration.email}.` : notMailed}</p>
        )}
        {pendingEmail && (
          <p>
            Du har bett om att byta e-postadress till <strong>{pendingEmail.newEmail}</strong>. Vi har mejlat en länk dit: den nya
            adressen gäller när du har öppnat länken och bekräftat, senast {formatDateTime(pendingEmail.expiresAt)}. Tills dess
            skickar vi allt till {registration.email}.
          </p>
        )}
      </div>

      {isNew ? (
        <>
          <h2>Dina uppgifter</h2>
          <RegistrationAnswers registration={registration} hasOvernight={trip.hasOvernight} />
          <p>
            Spara mejlet med länken hit: den är din personliga väg till anmälan. Där kan du ändra dina uppgifter eller
            lämna återbud.
          </p>
          <p>
            <Link href={`/anmalan/${token}`}>Ändra eller avboka din anmälan</Link>
          </p>
        </>
      ) : editable ? (
        <>
          <h2>Dina uppgifter</h2>
          {trip.changesAllowedUntil && <p>Du kan ändra dina uppgifter till och med {formatDateTime(trip.changesAllowedUntil)}.</p>}
          <p>
            Byter du e-postadress skickar vi en länk till den nya adressen. Den nya adressen gäller när du har bekräftat den
            från länken.
          </p>
          <SignupForm
            // A new key after every save, or a pending address, resets the fields to what is stored.
            key={`${registration.updatedAt.toISOString()}:${registration.emailChange?.expiresAt.toISOString() ?? ''}`}
            mode="edit"
            action={updateAnswers.bind(null, token)}
            permalink={`/anmalan/${token}`}
            hasOvernight={trip.hasOvernight}
            boardingStops={trip.boardingStops}
            initialValues={registrationFormValues(registration)}
          />
        </>
      ) : (
        <>
          <h2>Dina uppgifter</h2>
          <RegistrationAnswers registration={registration} hasOvernight={trip.hasOvernight} />
          {active && (
            <p>
              Det går inte längre att ändra uppgifterna här, eftersom boende och mat är bokade. Behöver du ändra något?
              Kontakta arrangörerna, se kontaktuppgifterna längst ner på sidan.
            </p>
          )}
        </>
      )}

      {active && !isNew && (
        <>
          <h2>Avboka</h2>
          <p>
            Kan du inte följa med? Avboka så snart du vet det
            {registration.status === 'CONFIRMED' ? ', så går din plats till nästa på reservlistan' : ''}.
          </p>
          <p>
            <Link href={`/anmalan/${token}/avboka`}>Avboka min anmälan</Link>
          </p>
        </>
      )}
      {!active && (
        <p>
          Din anmälan är avbokad. Vill du följa med ändå? Du kan anmäla dig igen på resans sida så länge anmälan är öppen.
        </p>
      )}
      <h2>Dina personuppgifter</h2>
      <p>
        Vill du se allt vi har sparat om dig och din anmälan?{' '}
        <a href={`/anmalan/${token}/mina-uppgifter`} download>
          Ladda ner en kopia av dina uppgifter (JSON-fil)
        </a>
        . Hur vi hanterar dem står i <Link href="/integritet">integritetsmeddelandet</Link>.
      </p>
      <p>
        <Link href={`/resor/${trip.slug}`}>Till resans sida</Link>
      </p>
    </div>
  )
}
