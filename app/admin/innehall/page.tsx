// The content the organisers edit: trips, host cities and the contact settings, and the latest
// changes to them.
import type { Metadata } from 'next'
import Link from 'next/link'
import { listContent } from '@/lib/admin/content-queries'
import { requireOrganiser } from '@/lib/auth/session'
import { formatDateTime } from '@/lib/dates'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Innehåll', robots: { index: false, follow: false } }

export default async function ContentPage() {
  await requireOrganiser()
  const { trips, hostCities, recent } = await listContent()
  return (
    <div className="prose">
      <p>
        <Link href="/admin">Administration</Link>
      </p>
      <h1>Innehåll</h1>

      <h2>Resor</h2>
      <p>
        <Link href="/admin/resor/ny">Ny resa</Link>
      </p>
      <ul>
        {trips.map((trip) => (
          <li key={trip.id}>
            <Link href={`/admin/resor/${trip.slug}/redigera`}>{trip.title}</Link> ({trip.year})
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
