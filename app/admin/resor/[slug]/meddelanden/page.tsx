import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { MessageForm } from '@/components/message-form'
import { messageStats } from '@/lib/admin/messages'
import { getAdminTrip } from '@/lib/admin/trips'
import { requireOrganiser } from '@/lib/auth/session'
import { previewOrSend } from './actions'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Meddelanden', robots: { index: false, follow: false } }

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ skickat?: string }> }

export default async function MessagesPage({ params, searchParams }: Props) {
  await requireOrganiser()
  const [{ slug }, { skickat }] = await Promise.all([params, searchParams])
  const trip = await getAdminTrip(slug)
  if (!trip) notFound()
  const stats = await messageStats(trip.id)
  return (
    <div className="prose">
      <h1>Skriv till deltagarna: {trip.title}</h1>
      {skickat && (
        <div className="notice notice--ok" role="status">
          <p>Meddelandet är på väg till {Number(skickat) || 0} {Number(skickat) === 1 ? 'person' : 'personer'}.</p>
        </div>
      )}
      <h2>Utskick hittills</h2>
      <p>
        Skickade: {stats.sent} · Väntar: {stats.pending} · Misslyckade: {stats.failed}
      </p>
      <MessageForm action={previewOrSend.bind(null, trip.slug)} permalink={`/admin/resor/${trip.slug}/meddelanden`} />
    </div>
  )
}
