// The photo of a trip or host town on its edit page: the photo there (if any), the form that adds
// or replaces it and changes its texts, and the button that removes it.
import { ContentForm, type FieldSpec } from '@/components/content-form/content-form'
import { Photo } from '@/components/photo'
import { PostForm } from '@/components/post-form'
import type { FormState } from '@/lib/forms/form-state'
import { PHOTO_MAX_BYTES } from '@/lib/photos/process'
import type { PhotoView } from '@/lib/photos/view'

const MEGABYTES = PHOTO_MAX_BYTES / 1024 / 1024

function photoFields(hasPhoto: boolean): FieldSpec[] {
  return [
    {
      name: 'photo',
      label: hasPhoto ? 'Byt bild (valfritt)' : 'Bild',
      kind: 'file',
      accept: 'image/jpeg,image/png,image/webp',
      required: !hasPhoto,
      hint: `JPEG, PNG eller WebP, högst ${MEGABYTES} MB och minst 320 bildpunkter bred. Kamerauppgifter och position tas bort ur bilden.`,
    },
    {
      name: 'altText',
      label: 'Beskrivning av bilden',
      kind: 'textarea',
      rows: 2,
      required: true,
      hint: 'Vad bilden visar, för den som inte kan se den. Läses upp av skärmläsare. Högst 300 tecken.',
    },
    { name: 'credit', label: 'Fotograf', kind: 'text', hint: 'Visas under bilden som ”Foto: …”. Kan lämnas tom.' },
  ]
}

export function PhotoSection({
  photo,
  saveAction,
  removeAction,
  permalink,
  ownerWord,
}: {
  photo: PhotoView | null
  saveAction: (state: FormState, formData: FormData) => Promise<FormState>
  removeAction: (previous: unknown, formData: FormData) => Promise<void>
  permalink: string
  /** "resan" or "orten", for the texts. */
  ownerWord: string
}) {
  return (
    <section aria-labelledby="bild" className="photo-admin">
      <h2 id="bild">Bild</h2>
      {photo ? (
        <Photo photo={photo} sizes="(min-width: 30rem) 24rem, 100vw" className="photo--preview" />
      ) : (
        <p>{`${ownerWord === 'resan' ? 'Resan' : 'Orten'} har ingen bild. Utan bild ser den publika sidan ut som förut.`}</p>
      )}
      <ContentForm
        action={saveAction}
        fields={photoFields(photo !== null)}
        initial={{ altText: photo?.altText ?? '', credit: photo?.credit ?? '' }}
        submitLabel={photo ? 'Spara bilden' : 'Ladda upp bilden'}
        idPrefix="bild"
        permalink={permalink}
      />
      {photo && (
        <PostForm action={removeAction} permalink={permalink}>
          <button type="submit" className="button button--danger">
            Ta bort bilden
          </button>
        </PostForm>
      )}
    </section>
  )
}
