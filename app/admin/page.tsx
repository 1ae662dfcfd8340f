// The organisers' start page: who is signed in, the trips (each to its admin page), sign-out.
import type { Metadata } from 'next'
import Link from 'next/link'
import { PostForm } from '@/components/post-form'
import { requireOrganiser } from '@/lib/auth/session'
import { countConfirmed } from '@/lib/interest/list'
import { TRIP_STATE_LABEL, tripState } from '@/lib/trips/life-cycle'
import { listTrips } from '@/lib/trips/queries'
import { signOut } from './logga-in/actions'

// Every request is checked for a session: never cached, never indexed.
export const dynamic = 'force-dynamic'

export const metadata: Metadata = {
  title: 'Administration',
  robots: { index: false, follow: false },
}

export default async function AdminPage() {
  const organiser = await requireOrganiser()
  const [trips, interested] = await Promise.all([listTrips(), countConfirmed()])
  const now = new Date()
  return (
    <div className="prose">
      <h1>Administration</h1>
      <p>
        Inloggad som <strong>{organiser.name}</strong> ({organiser.email}).
      </p>
      <PostForm action={signOut} permalink="/admin">
        <button type="submit" className="button">
          Logga ut
        </button>
      </PostForm>

      <p>
        <Link href="/admin/innehall">Innehåll: resor, program, orter och kontaktuppgifter</Link>
      </p>
      <p>
        <Link href="/admin/logg">Ändringslogg: vem ändrade vad och när</Link>
      </p>

      <h2>Resor</h2>
      {trips.length === 0 ? (
        <p>Det finns inga resor ännu.</p>
      ) : (
        <ul>
          {trips.map((trip) => (
            <li key={trip.id}>
              <Link href={`/admin/resor/${trip.slug}`}>{trip.title}</Link> ({trip.year},{' '}
              {TRIP_STATE_LABEL[tripState(trip, now).state].toLowerCase()}): {trip.confirmedCount} av {trip.seats} platser
              bokade
            </li>
          ))}
        </ul>
      )}

      <h2>Meddela mig när anmälan öppnar</h2>
      {/* The count only: the addresses are never shown (they are mailed when a trip opens). */}
      <p>
        {interested === 1 ? '1 bekräftad e-postadress' : `${interested} bekräftade e-postadresser`} väntar på besked om när
        anmälan öppnar. De får ett mejl när en resa öppnar för anmälan.
      </p>
    </div>
  )
}
