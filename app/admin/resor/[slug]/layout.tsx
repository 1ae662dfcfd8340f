// Every page under /admin/resor/[slug]: the trip's title and its own navigation, with the current
// page marked. The session is checked before the trip is read, so the layout never shows a trip
// to someone not signed in (they are sent to sign in, as the page itself would). An unknown trip
// is answered 404 by the proxy before this renders (lib/http/missing-records.ts); notFound() here
// only keeps the layout honest should it be reached.
import { notFound } from 'next/navigation'
import type { ReactNode } from 'react'
import { AdminNav } from '@/components/admin-nav'
import { tripSections } from '@/lib/admin/navigation'
import { getAdminTripHeading } from '@/lib/admin/trips'
import { requireOrganiser } from '@/lib/auth/session'

type Props = { children: ReactNode; params: Promise<{ slug: string }> }

export default async function AdminTripLayout({ children, params }: Props) {
  await requireOrganiser()
  const trip = await getAdminTripHeading((await params).slug)
  if (!trip) notFound()
  return (
    <>
      <div className="trip-nav no-print">
        <p className="trip-nav-title">{trip.title}</p>
        <AdminNav label={`Resan ${trip.title}`} items={tripSections(trip.slug)} className="trip-nav-links" />
      </div>
      {children}
    </>
  )
}
