// A new trip: the same form as editing, empty. Programme items are added once it exists.
import type { Metadata } from 'next'
import Link from 'next/link'
import { ContentForm } from '@/components/content-form/content-form'
import { tripFields } from '@/components/content-form/fields'
import { tripFormValues } from '@/lib/trips/edit-form'
import { hostCityOptions } from '@/lib/trips/host-city-edit'
import { requireOrganiser } from '@/lib/auth/session'
import { saveTripAction } from '../[slug]/redigera/actions'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Ny resa', robots: { index: false, follow: false } }

export default async function NewTripPage() {
  await requireOrganiser()
  const cities = await hostCityOptions()
  return (
    <>
      <p>
        <Link href="/admin/innehall">Innehåll</Link>
      </p>
      <h1>Ny resa</h1>
      <p>Programmet lägger du till när resan är sparad. Resan är ett utkast, som bara syns här, tills du kryssar i Publicerad. Nästa års resa gör du enklast genom att kopiera en tidigare resa (längst ner på resans sida under Innehåll).</p>
      <ContentForm action={saveTripAction.bind(null, null)} fields={tripFields(cities)} initial={tripFormValues(null)} submitLabel="Skapa resan" idPrefix="resa" permalink="/admin/resor/ny" />
    </>
  )
}
