// The confirmation steps of the trip's edit page: deleting the trip (?bekrafta=ta-bort-resan) and
// deleting one programme item (?bekrafta=ta-bort-punkt&punkt=<id>). Each says what goes and that
// it does not come back; the delete actions refuse a post without the step's confirmation.
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { ConfirmStep } from '@/components/confirm-step'
import { formatProgrammeDay, formatTimeRange } from '@/lib/dates'
import { tripDeletionPreview } from '@/lib/trips/copy'
import { getProgrammeItemForEdit } from '@/lib/trips/programme'
import { deleteProgrammeItemAction, deleteTripAction } from './actions'

const editPath = (slug: string) => `/admin/resor/${slug}/redigera`

function BackToTrip({ slug, title }: { slug: string; title: string }) {
  return (
    <p>
      <Link href="/admin/innehall">Innehåll</Link> › <Link href={editPath(slug)}>Redigera: {title}</Link>
    </p>
  )
}

export async function DeleteTripConfirmation({ slug, refused }: { slug: string; refused: boolean }) {
  const preview = await tripDeletionPreview(slug)
  if (!preview) notFound()
  if (preview.refusal) {
    return (
      <>
        <BackToTrip slug={slug} title={preview.title} />
        <h1>Resan ”{preview.title}” kan inte tas bort</h1>
        <div className="notice notice--warn" role="alert">
          <p>{preview.refusal}</p>
        </div>
        <p>
          <Link href={editPath(slug)} className="button button--secondary">
            Tillbaka till resan
          </Link>
        </p>
      </>
    )
  }
  const tryOuts = preview.registrations
  return (
    <>
      <BackToTrip slug={slug} title={preview.title} />
      <ConfirmStep
        question={`Ta bort resan ”${preview.title}”?`}
        action={deleteTripAction.bind(null, slug)}
        permalink={editPath(slug)}
        confirmLabel="Ja, ta bort resan"
        backHref={editPath(slug)}
        refused={refused}
      >
        <ul>
          <li>Resan tas bort med sitt program och sina påstigningsplatser, och dess sida på webbplatsen försvinner.</li>
          {tryOuts > 0 && (
            <li>
              {tryOuts === 1 ? 'Den enda provanmälan' : `Alla ${tryOuts} provanmälningar`} tas bort med den; ingen får något mejl om det.
            </li>
          )}
          <li>{preview.isExample ? 'Exempelresan kommer inte tillbaka.' : 'Det går inte att ångra.'}</li>
        </ul>
      </ConfirmStep>
    </>
  )
}

export async function DeleteItemConfirmation({ slug, itemId, refused }: { slug: string; itemId: number; refused: boolean }) {
  const item = await getProgrammeItemForEdit(slug, itemId)
  if (!item) return null // already gone: the page shows the programme as it is
  return (
    <>
      <BackToTrip slug={slug} title={item.trip.title} />
      <ConfirmStep
        question={`Ta bort programpunkten ”${item.title}”?`}
        action={deleteProgrammeItemAction.bind(null, slug, item.id)}
        permalink={editPath(slug)}
        confirmLabel="Ja, ta bort programpunkten"
        backHref={`${editPath(slug)}#program`}
        refused={refused}
      >
        <p>
          {formatProgrammeDay(item.startsAt)} {formatTimeRange(item.startsAt, item.endsAt)}
          {item.place && <> · Plats: {item.place}</>}. Punkten försvinner från resans sida direkt och går inte att få tillbaka, men den
          kan läggas till på nytt.
        </p>
      </ConfirmStep>
    </>
  )
}
