// A trip's figures as charts: its seats as one bar, signups over time, roles and boarding stops.
// Each chart has a text alternative and its numbers folded into a table ("Visa som tabell").
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { BarChart } from '@/components/bar-chart'
import { SeatsChart } from '@/components/seats-chart'
import { SignupsChart } from '@/components/signups-chart'
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
      <h1>Översikt: {trip.title}</h1>
      <div className="charts">
        <SeatsChart id="platser" title="Platser" figures={o} />
        <SignupsChart id="over-tid" title="Anmälningar över tid" days={o.signupsOverTime} />
        <BarChart id="roller" title="Roller (bokade och reservlista)" labelHeading="Roll" bars={o.roles} />
        <BarChart id="pastigning" title="Påstigning (bokade och reservlista)" labelHeading="Påstigning" bars={o.stops} />
      </div>
    </>
  )
}
