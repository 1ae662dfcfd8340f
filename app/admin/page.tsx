// The organisers' start page: what needs a person first (e-mail that failed or waits too long),
// then how each current trip stands, the past trips and the interest list's count. Who is signed
// in and the sign-out are in the admin's header (app/admin/layout.tsx).
import type { Metadata } from 'next'
import Link from 'next/link'
import { adminDashboard, EMAIL_WAIT_LIMIT_MINUTES, RECENT_SIGNUP_DAYS, type EmailProblem } from '@/lib/admin/dashboard'
import { requireOrganiser } from '@/lib/auth/session'
import { formatDateRange, formatDateTime } from '@/lib/dates'
import { TRIP_STATE_LABEL, type TripStateName } from '@/lib/trips/life-cycle'

// Every request is checked for a session: never cached, never indexed.
export const dynamic = 'force-dynamic'

export const metadata: Metadata = {
  title: 'Administration',
  robots: { index: false, follow: false },
}

// The public pages' state badges: open in green, full in amber, the rest grey.
const STATE_CLASS: Partial<Record<TripStateName, string>> = { oppen: 'status--open', fullbokad: 'status--waitlist' }

const people = (n: number) => (n === 1 ? '1 person' : `${n} personer`)

export default async function AdminPage() {
  await requireOrganiser()
  const { currentTrips, pastTrips, problems, interested } = await adminDashboard()
  const failed = problems.shown.filter((p) => p.problem === 'failed')
  const waiting = problems.shown.filter((p) => p.problem === 'waiting')
  return (
    <>
      <h1>Administration</h1>

      <section aria-labelledby="att-atgarda" className="dashboard-problems">
        <h2 id="att-atgarda">Att åtgärda</h2>
        {problems.failed + problems.waiting === 0 ? (
          <div className="notice notice--ok">
            <p>Inget att åtgärda: inget mejl har misslyckats eller väntat länge.</p>
          </div>
        ) : (
          <>
            {problems.failed > 0 && (
              <div className="notice notice--warn">
                <h3 id="misslyckade">
                  {problems.failed === 1 ? '1 mejl gick inte fram' : `${problems.failed} mejl gick inte fram`}
                </h3>
                <p>
                  E-postservern tog inte emot dem, oftast för att adressen är fel. Rätta adressen på anmälan och välj ”Skicka
                  senaste mejlet igen”, eller kontakta personen på annat sätt.
                </p>
                <ProblemList problems={failed} total={problems.failed} labelledBy="misslyckade" />
              </div>
            )}
            {problems.waiting > 0 && (
              <div className="notice notice--warn">
                <h3 id="vantar">
                  {problems.waiting === 1 ? '1 mejl' : `${problems.waiting} mejl`} har väntat mer än {EMAIL_WAIT_LIMIT_MINUTES} minuter
                </h3>
                <p>
                  De skickas om och om igen tills e-postservern tar emot dem. Väntar många kan e-postservern vara nere eller
                  inställningarna för den fel: kontakta den som sköter webbplatsen.
                </p>
                <ProblemList problems={waiting} total={problems.waiting} labelledBy="vantar" />
              </div>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="aktuella-resor">
        <h2 id="aktuella-resor">Aktuella resor</h2>
        <p>
          <Link href="/admin/resor/ny">Ny resa</Link>
        </p>
        {currentTrips.length === 0 ? (
          <p>Det finns ingen kommande resa. Gör nästa års resa genom att kopiera en tidigare (Redigera → Kopiera resa).</p>
        ) : (
          <ul className="dashboard-trips">
            {currentTrips.map((trip) => (
              <li key={trip.id} className="card">
                <h3>
                  <Link href={`/admin/resor/${trip.slug}`}>{trip.title}</Link>
                </h3>
                <p>
                  <span className={`status ${STATE_CLASS[trip.state] ?? 'status--closed'}`}>{TRIP_STATE_LABEL[trip.state]}</span>
                  {trip.startDate && <> · {formatDateRange(trip.startDate)}</>}
                </p>
                <dl className="dashboard-figures">
                  <div>
                    <dt>Bokade</dt>
                    <dd>
                      {trip.confirmed} av {trip.seats}
                    </dd>
                  </div>
                  <div>
                    <dt>Lediga</dt>
                    <dd>{trip.seatsLeft}</dd>
                  </div>
                  <div>
                    <dt>Reservlista</dt>
                    <dd>{trip.waitlisted}</dd>
                  </div>
                  <div>
                    <dt>Nya senaste {RECENT_SIGNUP_DAYS} dagarna</dt>
                    <dd>{trip.recentSignups}</dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="tidigare-resor">
        <h2 id="tidigare-resor">Tidigare resor</h2>
        {pastTrips.length === 0 ? (
          <p>Inga genomförda resor ännu.</p>
        ) : (
          <ul>
            {pastTrips.map((trip) => (
              <li key={trip.id}>
                <Link href={`/admin/resor/${trip.slug}`}>{trip.title}</Link> ({trip.year}): {people(trip.confirmed)} med
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="meddela-mig">
        <h2 id="meddela-mig">Meddela mig när anmälan öppnar</h2>
        {/* The count only: the addresses are never shown (they are mailed when a trip opens). */}
        <p>
          {interested === 1 ? '1 bekräftad e-postadress' : `${interested} bekräftade e-postadresser`} väntar på besked om när
          anmälan öppnar. De får ett mejl när en resa öppnar för anmälan.
        </p>
      </section>
    </>
  )
}

/** Each e-mail problem: to whom (the registration, when there is one), what, since when. */
function ProblemList({ problems, total, labelledBy }: { problems: EmailProblem[]; total: number; labelledBy: string }) {
  return (
    <>
      <ul className="dashboard-problem-list" aria-labelledby={labelledBy}>
        {problems.map((p) => (
          <li key={p.messageId}>
            {p.registration ? (
              <Link href={`/admin/resor/${p.registration.tripSlug}/anmalan/${p.registration.id}`}>{p.registration.name}</Link>
            ) : (
              <span>{p.to}</span>
            )}
            {p.registration && <> ({p.registration.tripTitle})</>}: ”{p.subject}” –{' '}
            {p.problem === 'failed'
              ? `gick inte fram ${formatDateTime(p.at)}, efter ${p.attempts} försök`
              : `väntar sedan ${formatDateTime(p.at)}${p.attempts > 0 ? `, ${p.attempts} försök hittills` : ''}`}
          </li>
        ))}
      </ul>
      {total > problems.length && <p>Här visas de {problems.length} äldsta av {total}.</p>}
    </>
  )
}
