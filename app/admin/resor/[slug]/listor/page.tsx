// A trip's lists: each on screen to read and print, and as Excel and CSV files with the same rows.
import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { LIST_DESCRIPTIONS, LIST_KINDS, LIST_TITLES } from '@/lib/admin/trip-lists'
import { getAdminTrip } from '@/lib/admin/trips'
import { requireOrganiser } from '@/lib/auth/session'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Listor', robots: { index: false, follow: false } }

export default async function TripListsPage({ params }: { params: Promise<{ slug: string }> }) {
  await requireOrganiser()
  const trip = await getAdminTrip((await params).slug)
  if (!trip) notFound()
  const base = `/admin/resor/${trip.slug}/listor`
  return (
    <div className="prose">
      <h1>Listor: {trip.title}</h1>
      <p>
        {trip.confirmed} bokade och {trip.waitlisted} på reservlistan. Excel- och CSV-filerna har samma rader som listan på
        skärmen.
      </p>
      <ul className="admin-list">
        {LIST_KINDS.map((kind) => (
          <li key={kind}>
            <strong>{LIST_TITLES[kind]}</strong>: {LIST_DESCRIPTIONS[kind]}{' '}
            <Link href={`${base}/visa/${kind}`}>
              Visa och skriv ut<span className="visually-hidden"> {LIST_TITLES[kind].toLowerCase()}</span>
            </Link>
            , <a href={`${base}/${kind}?format=xlsx`}>Excel<span className="visually-hidden">: {LIST_TITLES[kind].toLowerCase()}</span></a>
            , <a href={`${base}/${kind}?format=csv`}>CSV<span className="visually-hidden">: {LIST_TITLES[kind].toLowerCase()}</span></a>
          </li>
        ))}
      </ul>
    </div>
  )
}
