// The content the organisers edit: trips, host cities and the contact settings, and the latest
// changes to them.
import type { Metadata } from 'next'
import Link from 'next/link'
import { listContent } from '@/lib/admin/content-overview'
import { requireOrganiser } from '@/lib/auth/session'
import { AdminStatus } from '@/components/admin-status'
import { formatDateTime } from '@/lib/dates'
import { seatsLeft } from '@/lib/trips/availability'
import { TRIP_STATE_LABEL, tripState } from '@/lib/trips/life-cycle'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Innehåll', robots: { index: false, follow: false } }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function ContentPage({ searchParams }: Props) {
  await requireOrganiser()
  const [{ trips, hostCities, recent }, query] = await Promise.all([listContent(), searchParams])
  const now = new Date()
  return (
    <div className="prose">
      <h1>Innehåll</h1>
      <AdminStatus status={query.status} />

      <h2>Resor</h2>
      <p>
        <Link href="/admin/resor/ny">Ny resa</Link>
      </p>
      <ul>
        {trips.map((trip) => (
          <li key={trip.id}>
            <Link href={`/admin/resor/${trip.slug}/redigera`}>{trip.title}</Link> ({trip.year},{' '}
            {TRIP_STATE_LABEL[tripState({ ...trip, seatsLeft: seatsLeft(trip.seats, trip._count.registrations) }, now).state].toLowerCase()})
          </li>
        ))}
      </ul>

      <h2>Orter</h2>
      <p>
        <Link href="/admin/orter/ny">Ny ort</Link>
      </p>
      <ul>
        {hostCities.map((city) => (
          <li key={city.id}>
            <Link href={`/admin/orter/${city.slug}`}>{city.name}</Link> ({city.county})
          </li>
        ))}
      </ul>

      <h2>Kontaktuppgifter</h2>
      <p>
        <Link href="/admin/installningar">Ändra kontaktuppgifterna</Link>
      </p>

      <h2>Senaste ändringarna</h2>
      {recent.length === 0 ? (
        <p>Inga ändringar ännu.</p>
      ) : (
        <ul>
          {recent.map((entry) => (
            <li key={entry.id}>
              {formatDateTime(entry.at)}: {entry.summary} ({entry.actor})
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
