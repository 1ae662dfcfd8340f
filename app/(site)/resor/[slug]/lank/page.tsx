import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getSignupTrip } from '@/lib/trips/queries'
import { sendLinkAgain } from './actions'
import { LinkRequestForm } from './link-request-form'

export const metadata: Metadata = { title: 'Tappat länken till din anmälan?' }
export const revalidate = 60
export function generateStaticParams() {
  return []
}

export default async function LostLinkPage({ params }: { params: Promise<{ slug: string }> }) {
  const trip = await getSignupTrip((await params).slug)
  if (!trip) notFound()
  return (
    <div className="prose">
      <h1>Tappat länken till din anmälan?</h1>
      <p>
        Skriv e-postadressen du anmälde dig till {trip.title} med. Finns det en anmälan med den adressen skickar vi en
        ny länk dit, där du kan se, ändra eller avboka din anmälan.
      </p>
      <LinkRequestForm action={sendLinkAgain.bind(null, trip.slug)} permalink={`/resor/${trip.slug}/lank`} />
      <p>
        <Link href={`/resor/${trip.slug}`}>Tillbaka till resan</Link>
      </p>
    </div>
  )
}
