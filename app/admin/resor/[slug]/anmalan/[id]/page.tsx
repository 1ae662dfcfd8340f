// One registration for the organisers: every answer, status, place on the waiting list, check-in,
// what has been done to it (the audit log, newest first), the correction form (the public form in
// edit mode) and the actions that apply. Every button is a small form of its own, so all of it
// works without JavaScript.
import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { AskFirstButton } from '@/components/ask-first-button'
import { PostForm } from '@/components/post-form'
import { SignupForm } from '@/components/signup-form'
import { actorLabel, describeChanges } from '@/lib/admin/audit-wording'
import { getAdminRegistration } from '@/lib/admin/registration-detail'
import { requireOrganiser } from '@/lib/auth/session'
import { formatDateTime } from '@/lib/dates'
import { registrationFormValues } from '@/lib/registrations/manage'
import { STATUS_LABEL } from '@/lib/registrations/schema'
import { RegistrationAnswers } from '@/components/registration-answers'
import { confirm, correct, reinstate, resend, setCheckedIn, waitlist } from './actions'
import { CancelConfirmation } from './cancel-confirmation'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Anmälan', robots: { index: false, follow: false } }

type Props = {
  params: Promise<{ slug: string; id: string }>
  searchParams: Promise<{ klart?: string; fel?: string; bekrafta?: string }>
}


const DONE: Record<string, string> = {
  oforandrad: 'Inget var ändrat, så inget sparades.',
  sparad: 'Ändringarna är sparade. Deltagaren har fått ett mejl om dem.',
  bekraftad: 'Anmälan är bekräftad. Deltagaren har fått ett mejl om sin plats.',
  overbokad: 'Anmälan är bekräftad trots att resan var fullbokad (överbokad). Deltagaren har fått ett mejl om sin plats.',
  reservlista: 'Deltagaren är flyttad till reservlistan och har fått ett mejl om det. Platsen som blev ledig har inte gått till någon annan.',
  avbokad: 'Anmälan är avbokad och deltagaren har fått ett mejl om det. Var deltagaren bekräftad gick platsen till den första på reservlistan.',
  aterstalld: 'Anmälan är återställd med en plats. Deltagaren har fått ett mejl om sin plats.',
  'aterstalld-reservlista': 'Anmälan är återställd till reservlistan, eftersom resan är fullbokad. Deltagaren har fått ett mejl om det.',
  incheckad: 'Deltagaren är incheckad.',
  utcheckad: 'Incheckningen är ångrad.',
  mejlad: 'Det senaste mejlet är skickat igen, med en ny länk.',
}
const FAILED: Record<string, string> = {
  'ingen-plats': 'Det finns ingen ledig plats. Välj ”Bekräfta (överboka)” om deltagaren ändå ska med.',
  status: 'Anmälans status har ändrats under tiden. Se den aktuella statusen nedan.',
  borttagen: 'Deltagaren har bett om att få sina uppgifter borttagna.',
  'ny-anmalan': 'Samma e-postadress har anmält sig igen efter avbokningen. Den nya anmälan gäller, så den här går inte att återställa.',
}



export default async function RegistrationDetailPage({ params, searchParams }: Props) {
  await requireOrganiser()
  const [{ slug, id }, query] = await Promise.all([params, searchParams])
  const registrationId = /^\d{1,9}$/.test(id) ? Number(id) : NaN
  const registration = await getAdminRegistration(slug, registrationId)
  if (!registration) notFound()
  const { trip } = registration
  // Every form on the page posts back to it (see components/post-form.tsx).
  const permalink = `/admin/resor/${trip.slug}/anmalan/${registration.id}`
  const name = `${registration.firstName} ${registration.lastName}`.trim()
  // The history's values as the audit log writes them (lib/admin/audit-wording.ts).
  const auditNames = { boardingStops: new Map(trip.boardingStops.map((s) => [s.id, s.name])), hostCitiesBySlug: new Map(), organisers: new Map() }
  const done = query.klart ? DONE[query.klart] : undefined
  const failed = query.fel ? FAILED[query.fel] : undefined
  const active = registration.status !== 'CANCELLED'
  const anonymised = registration.anonymisedAt !== null
  if (query.bekrafta === 'avboka' && registration.status !== 'CANCELLED') {
    return <CancelConfirmation registration={{ ...registration, status: registration.status }} trip={trip} permalink={permalink} refused={query.fel === 'obekraftad'} />
  }

  return (
    <>
      <p>
        <Link href="/admin">Administration</Link> › <Link href={`/admin/resor/${trip.slug}`}>Anmälningar: {trip.title}</Link>
      </p>
      <h1>{name}</h1>
      {done && (
        <div className="notice notice--ok" role="status">
          <p>{done}</p>
        </div>
      )}
      {failed && (
        <div className="notice notice--warn" role="alert">
          <p>{failed}</p>
        </div>
      )}

      <h2>Status</h2>
      <dl className="facts">
        <dt>Status</dt>
        <dd>{STATUS_LABEL[registration.status]}</dd>
        {registration.waitlistPosition && (
          <>
            <dt>Plats på reservlistan</dt>
            <dd>{registration.waitlistPosition}</dd>
          </>
        )}
        <dt>Incheckning</dt>
        <dd>{registration.checkedInAt ? `Incheckad ${formatDateTime(registration.checkedInAt)}` : 'Inte incheckad'}</dd>
        <dt>Anmäld</dt>
        <dd>{formatDateTime(registration.createdAt)}</dd>
        {registration.cancelledAt && (
          <>
            <dt>Avbokad</dt>
            <dd>{formatDateTime(registration.cancelledAt)}</dd>
          </>
        )}
      </dl>

      <h2>Åtgärder</h2>
      <div className="admin-actions">
        {registration.status === 'WAITLISTED' &&
          (registration.seatFree ? (
            <ActionButton permalink={permalink} action={confirm.bind(null, trip.slug, registration.id)} label="Bekräfta" />
          ) : (
            <ActionButton permalink={permalink} action={confirm.bind(null, trip.slug, registration.id)} label="Bekräfta (överboka)" hidden={{ overbook: '1' }} />
          ))}
        {registration.status === 'CONFIRMED' && (
          <ActionButton permalink={permalink} action={waitlist.bind(null, trip.slug, registration.id)} label="Flytta till reservlistan" />
        )}
        {registration.status === 'CONFIRMED' &&
          (registration.checkedInAt ? (
            <ActionButton permalink={permalink} action={setCheckedIn.bind(null, trip.slug, registration.id)} label="Ångra incheckning" hidden={{ checkedIn: '0' }} />
          ) : (
            <ActionButton permalink={permalink} action={setCheckedIn.bind(null, trip.slug, registration.id)} label="Checka in" hidden={{ checkedIn: '1' }} />
          ))}
        {!anonymised && <ActionButton permalink={permalink} action={resend.bind(null, trip.slug, registration.id)} label="Skicka senaste mejlet igen" />}
        {!active && !anonymised && (
          <>
            <ActionButton permalink={permalink} action={reinstate.bind(null, trip.slug, registration.id)} label="Återställ anmälan" />
            {!registration.seatFree && (
              <ActionButton permalink={permalink} action={reinstate.bind(null, trip.slug, registration.id)} label="Återställ med plats (överboka)" hidden={{ overbook: '1' }} />
            )}
          </>
        )}
      </div>
      {!active && !anonymised && (
        <p>
          {registration.seatFree
            ? 'Återställer du anmälan får deltagaren en plats.'
            : `Resan är fullbokad (${trip.seats} platser): återställer du anmälan hamnar deltagaren på reservlistan, i den ordning hen först anmälde sig, om du inte väljer att överboka.`}
        </p>
      )}
      {registration.status === 'WAITLISTED' && !registration.seatFree && (
        <p>Resan är fullbokad ({trip.seats} platser). Bekräftar du ändå blir resan överbokad.</p>
      )}
      {registration.status === 'CONFIRMED' && (
        <p>Flyttar du deltagaren till reservlistan går platsen inte automatiskt till någon annan: bekräfta den som ska få den.</p>
      )}
      {active && (
        <div className="danger-zone">
          <p>Avbokningen mejlas till deltagaren och kan inte göras ogjord med ett klick. Du får bekräfta den först.</p>
          <AskFirstButton permalink={permalink} step="avboka">
            Avboka …
          </AskFirstButton>
        </div>
      )}

      <h2>Svar</h2>
      <RegistrationAnswers registration={registration} hasOvernight={trip.hasOvernight} withName={false} />

      {!anonymised && (
        <section aria-labelledby="rätta">
          <h2 id="rätta">Rätta uppgifterna</h2>
          <p>Samma formulär som deltagaren fyller i. Deltagaren får ett mejl om ändringen (utom när anmälan är avbokad).</p>
          <SignupForm
            key={registration.updatedAt.toISOString()}
            mode="edit"
            action={correct.bind(null, trip.slug, registration.id)}
            permalink={permalink}
            hasOvernight={trip.hasOvernight}
            boardingStops={trip.boardingStops}
            initialValues={registrationFormValues(registration)}
          />
        </section>
      )}

      <h2 id="historik">Historik</h2>
      {registration.audit.length === 0 ? (
        <p>Inga ändringar gjorda ännu.</p>
      ) : (
        <ol className="audit-log" aria-labelledby="historik">
          {registration.audit.map((entry) => {
            const changes = describeChanges('registration', entry.changes, auditNames)
            return (
              <li key={entry.id}>
                <p>
                  <time dateTime={entry.at.toISOString()}>{formatDateTime(entry.at)}</time> · {actorLabel(entry.actor)}: {entry.summary}
                </p>
                {changes.length > 0 && (
                  <ul>
                    {changes.map((change) => (
                      <li key={change.field}>
                        {change.label}: {change.from} → {change.to}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            )
          })}
        </ol>
      )}
    </>
  )
}

function ActionButton({
  action,
  permalink,
  label,
  hidden = {},
}: {
  action: (previous: unknown, formData: FormData) => Promise<void>
  permalink: string
  label: string
  hidden?: Record<string, string>
}) {
  return (
    <PostForm action={action} permalink={permalink}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className="button">
        {label}
      </button>
    </PostForm>
  )
}
