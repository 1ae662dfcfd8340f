// Changing one programme item of a trip.
import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { ContentForm } from '@/components/content-form/content-form'
import { PROGRAMME_ITEM_FIELDS } from '@/components/content-form/fields'
import { getProgrammeItemForEdit, programmeItemFormValues } from '@/lib/trips/programme'
import { requireOrganiser } from '@/lib/auth/session'
import { saveProgrammeItemAction } from '../../actions'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Ändra programpunkt', robots: { index: false, follow: false } }

type Props = { params: Promise<{ slug: string; id: string }> }

export default async function EditProgrammeItemPage({ params }: Props) {
  await requireOrganiser()
  const { slug, id } = await params
  const itemId = Number(id)
  if (!Number.isInteger(itemId)) notFound()
  const item = await getProgrammeItemForEdit(slug, itemId)
  if (!item) notFound()
  return (
    <>
      <p>
        <Link href={`/admin/resor/${slug}/redigera#program`}>Tillbaka till {item.trip.title}</Link>
      </p>
      <h1>Ändra programpunkt</h1>
      <ContentForm
        action={saveProgrammeItemAction.bind(null, slug, item.id)}
        fields={PROGRAMME_ITEM_FIELDS}
        initial={programmeItemFormValues(item)}
        submitLabel="Spara programpunkten"
        idPrefix="punkt"
        permalink={`/admin/resor/${slug}/redigera/program/${item.id}`}
      />
    </>
  )
}
