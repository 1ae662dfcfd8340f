import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { BarChart } from '@/components/bar-chart'
import { tripOverview } from '@/lib/admin/overview'
import { getAdminTrip } from '@/lib/admin/trips'
import { requireOrganiser } from '@/lib/auth/session'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Översikt', robots: { index: false, follow: false } }

export default async function OverviewPage({ params }: { params: Promise<{ slug: string }> }) {
  await requireOrganiser()
  const trip = await getAdminTrip((await params).slug)
  if (!trip) notFound()
  const o = await tripOverview(trip.id, trip.seats)
  return (
    <>
      <p>
        <Link href={`/admin/resor/${trip.slug}`}>Tillbaka till anmälningarna</Link>
      </p>
      <h1>Översikt: {trip.title}</h1>
      <BarChart
        id="platser"
        title="Platser"
        bars={[
          { label: 'Bokade', value: o.confirmed },
          { label: 'Lediga', value: o.seatsLeft },
          { label: 'Reservlista', value: o.waitlisted },
          { label: 'Avbokade', value: o.cancelled },
        ]}
      />
      <BarChart id="per-dag" title="Anmälningar per dag" bars={o.signupsPerDay} />
      <BarChart id="roller" title="Roller (bokade och reservlista)" bars={o.roles} />
      <BarChart id="pastigning" title="Påstigning (bokade och reservlista)" bars={o.stops} />
    </>
  )
}
