// Editing a host city: name, county, population and the portrait (Markdown).
import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { ContentForm } from '@/components/content-form/content-form'
import { AdminStatus } from '@/components/admin-status'
import { HOST_CITY_FIELDS } from '@/components/content-form/fields'
import { getHostCityForEdit, hostCityFormValues } from '@/lib/trips/host-city-edit'
import { requireOrganiser } from '@/lib/auth/session'
import { saveHostCityAction } from '../actions'
import { PhotoSection } from '@/components/photo-section'
import { photoForEdit } from '@/lib/photos/store'
import { removeHostCityPhotoAction, saveHostCityPhotoAction } from '../actions'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Redigera ort', robots: { index: false, follow: false } }

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function EditHostCityPage({ params, searchParams }: Props) {
  await requireOrganiser()
  const [{ slug }, query] = await Promise.all([params, searchParams])
  const [city, photo] = await Promise.all([getHostCityForEdit(slug), photoForEdit({ kind: 'hostCity', slug })])
  if (!city) notFound()
  return (
    <>
      <p>
        <Link href="/admin/innehall">Innehåll</Link> · <Link href={`/orter/${city.slug}`}>Visa den publika sidan</Link>
      </p>
      <h1>Redigera ort: {city.name}</h1>
      <AdminStatus status={query.status} />
      <ContentForm
        action={saveHostCityAction.bind(null, city.slug)}
        fields={HOST_CITY_FIELDS}
        initial={hostCityFormValues(city)}
        submitLabel="Spara orten"
        idPrefix="ort"
        permalink={`/admin/orter/${city.slug}`}
      />
      <PhotoSection
        photo={photo}
        saveAction={saveHostCityPhotoAction.bind(null, city.slug)}
        removeAction={removeHostCityPhotoAction.bind(null, city.slug)}
        permalink={`/admin/orter/${city.slug}`}
        ownerWord="orten"
      />
    </>
  )
}
