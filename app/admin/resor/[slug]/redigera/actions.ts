'use server'

// Saving a trip and its programme: thin shells over lib/trips (edit.ts, programme.ts). Each checks the
// session first, saves as the signed-in organiser, revalidates the public pages (so they show
// the change at once) and redirects with a confirmation.
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { formToRaw, type FormState, type FormValues } from '@/lib/forms/form-state'
import { saveTrip } from '@/lib/trips/edit'
import { deleteProgrammeItem, saveProgrammeItem } from '@/lib/trips/programme'
import { runInterestListSoon } from '@/lib/interest/job'
import { requireOrganiser } from '@/lib/auth/session'
import { isConfirmed } from '@/lib/forms/confirmation'
import { isForm, isId, isSlug, refuseTampered } from '@/lib/http/action-arguments'
import { copyTrip, deleteTrip } from '@/lib/trips/copy'
import { readTextFields } from '@/lib/forms/form-state'
import { removePhoto, savePhoto, uploadedFile } from '@/lib/photos/store'

export async function saveTripAction(slug: string | null, _previous: FormState, formData: FormData): Promise<FormState> {
  const organiser = await requireOrganiser()
  refuseTampered(slug === null || isSlug(slug), isForm(formData))
  const raw = formToRaw(formData, ['hostCityIds'])
  const result = await saveTrip(organiser.email, slug, raw)
  if (!result.ok) return { fieldErrors: result.errors, values: raw as FormValues }
  revalidatePath('/', 'layout')
  await runInterestListSoon() // the save may have opened the trip: tell the interest list now
  redirect(`/admin/resor/${result.value.slug}/redigera?status=${slug ? 'resa-sparad' : 'resa-skapad'}`)
}

export async function saveProgrammeItemAction(
  slug: string,
  itemId: number | null,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const organiser = await requireOrganiser()
  refuseTampered(isSlug(slug), itemId === null || isId(itemId), isForm(formData))
  const raw = formToRaw(formData)
  const result = await saveProgrammeItem(organiser.email, slug, itemId, raw)
  if (!result.ok) return { fieldErrors: result.errors, values: raw as FormValues }
  revalidatePath('/', 'layout')
  redirect(`/admin/resor/${slug}/redigera?status=${itemId === null ? 'punkt-tillagd' : 'punkt-sparad'}#program`)
}

/** Only from the confirmation step, whose button posts confirmed=1; without it, back there. */
export async function deleteProgrammeItemAction(slug: string, itemId: number, _previous: unknown, formData: FormData): Promise<void> {
  const organiser = await requireOrganiser()
  refuseTampered(isSlug(slug), isId(itemId), isForm(formData))
  if (!isConfirmed(formData)) redirect(`/admin/resor/${slug}/redigera?bekrafta=ta-bort-punkt&punkt=${itemId}&fel=obekraftad`)
  await deleteProgrammeItem(organiser.email, slug, itemId)
  revalidatePath('/', 'layout')
  redirect(`/admin/resor/${slug}/redigera?status=punkt-borttagen#program`)
}

export async function copyTripAction(slug: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const organiser = await requireOrganiser()
  refuseTampered(isSlug(slug), isForm(formData))
  const firstDay = formData.get('firstDay')
  const result = await copyTrip(organiser.email, slug, typeof firstDay === 'string' && firstDay.trim() ? firstDay.trim() : null)
  if (!result.ok) return { fieldErrors: { firstDay: result.error }, values: { firstDay: typeof firstDay === 'string' ? firstDay : '' } }
  // A draft: no public page changes.
  redirect(`/admin/resor/${result.slug}/redigera?status=resa-kopierad`)
}

/**
 * Only from the confirmation step (?bekrafta=ta-bort-resan), whose button posts confirmed=1;
 * without it, back there. Refused (signups came in meanwhile), the step says why.
 */
export async function deleteTripAction(slug: string, _previous: unknown, formData: FormData): Promise<void> {
  const organiser = await requireOrganiser()
  refuseTampered(isSlug(slug), isForm(formData))
  const confirmStep = `/admin/resor/${slug}/redigera?bekrafta=ta-bort-resan`
  if (!isConfirmed(formData)) redirect(`${confirmStep}&fel=obekraftad`)
  const result = await deleteTrip(organiser.email, slug)
  if (!result.ok) redirect(confirmStep)
  revalidatePath('/', 'layout')
  redirect('/admin/innehall?status=resa-borttagen')
}

// ---- The trip's photo (lib/photos/store.ts) ----

export async function saveTripPhotoAction(slug: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const organiser = await requireOrganiser()
  refuseTampered(isSlug(slug), isForm(formData))
  const raw = formToRaw(formData)
  const result = await savePhoto(organiser.email, { kind: 'trip', slug }, raw, uploadedFile(formData))
  if (!result.ok) return { fieldErrors: result.errors, values: readTextFields(['altText', 'credit'], raw) }
  revalidatePath('/', 'layout')
  redirect(`/admin/resor/${slug}/redigera?status=bild-sparad#bild`)
}

export async function removeTripPhotoAction(slug: string): Promise<void> {
  const organiser = await requireOrganiser()
  refuseTampered(isSlug(slug))
  await removePhoto(organiser.email, { kind: 'trip', slug })
  revalidatePath('/', 'layout')
  redirect(`/admin/resor/${slug}/redigera?status=bild-borttagen#bild`)
}
