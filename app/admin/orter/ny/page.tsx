// A new host city.
import type { Metadata } from 'next'
import Link from 'next/link'
import { ContentForm } from '@/components/content-form/content-form'
import { HOST_CITY_FIELDS } from '@/components/content-form/fields'
import { requireOrganiser } from '@/lib/auth/session'
import { saveHostCityAction } from '../actions'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Ny ort', robots: { index: false, follow: false } }

export default async function NewHostCityPage() {
  await requireOrganiser()
  return (
    <>
      <p>
        <Link href="/admin/innehall">Innehåll</Link>
      </p>
      <h1>Ny ort</h1>
      <ContentForm action={saveHostCityAction.bind(null, null)} fields={HOST_CITY_FIELDS} initial={{}} submitLabel="Lägg till orten" idPrefix="ort" permalink="/admin/orter/ny" />
    </>
  )
}
