'use server'

// Saving a trip and its programme: thin shells over lib/admin/content.ts. Each checks the
// session first, saves as the signed-in organiser, revalidates the public pages (so they show
// the change at once) and redirects with a confirmation.
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import type { ContentFormState, FormValues } from '@/components/admin-form'
import { deleteProgrammeItem, formToRaw, saveProgrammeItem, saveTrip } from '@/lib/admin/content'
import { runInterestListSoon } from '@/lib/interest/job'
import { requireOrganiser } from '@/lib/auth/session'
import { isForm, isId, isSlug, refuseTampered } from '@/lib/http/action-arguments'
import { copyTrip, deleteTrip } from '@/lib/trips/copy'

export async function saveTripAction(slug: string | null, _previous: ContentFormState, formData: FormData): Promise<ContentFormState> {
  const organiser = await requireOrganiser()
  refuseTampered(slug === null || isSlug(slug), isForm(formData))
  const raw = formToRaw(formData, ['hostCityIds'])
  const result = await saveTrip(organiser.email, slug, raw)
  if (!result.ok) return { errors: result.errors, values: raw as FormValues }
  revalidatePath('/', 'layout')
  await runInterestListSoon() // the save may have opened the trip: tell the interest list now
  redirect(`/admin/resor/${result.value.slug}/redigera?status=${slug ? 'resa-sparad' : 'resa-skapad'}`)
}

export async function saveProgrammeItemAction(
  slug: string,
  itemId: number | null,
  _previous: ContentFormState,
  formData: FormData,
): Promise<ContentFormState> {
  const organiser = await requireOrganiser()
  refuseTampered(isSlug(slug), itemId === null || isId(itemId), isForm(formData))
  const raw = formToRaw(formData)
  const result = await saveProgrammeItem(organiser.email, slug, itemId, raw)
  if (!result.ok) return { errors: result.errors, values: raw as FormValues }
  revalidatePath('/', 'layout')
  redirect(`/admin/resor/${slug}/redigera?status=${itemId === null ? 'punkt-tillagd' : 'punkt-sparad'}#program`)
}

export async function deleteProgrammeItemAction(slug: string, itemId: number): Promise<void> {
  const organiser = await requireOrganiser()
  refuseTampered(isSlug(slug), isId(itemId))
  await deleteProgrammeItem(organiser.email, slug, itemId)
  revalidatePath('/', 'layout')
  redirect(`/admin/resor/${slug}/redigera?status=punkt-borttagen#program`)
}

export async function copyTripAction(slug: string, _previous: ContentFormState, formData: FormData): Promise<ContentFormState> {
  const organiser = await requireOrganiser()
  refuseTampered(isSlug(slug), isForm(formData))
  const firstDay = formData.get('firstDay')
  const result = await copyTrip(organiser.email, slug, typeof firstDay === 'string' && firstDay.trim() ? firstDay.trim() : null)
  if (!result.ok) return { errors: { firstDay: result.error }, values: { firstDay: typeof firstDay === 'string' ? firstDay : '' } }
  // A draft: no public page changes.
  redirect(`/admin/resor/${result.slug}/redigera?status=resa-kopierad`)
}

export async function deleteTripAction(slug: string, _previous: ContentFormState, formData: FormData): Promise<ContentFormState> {
  const organiser = await requireOrganiser()
  refuseTampered(isSlug(slug), isForm(formData))
  if (formData.get('confirm') !== 'on') return { errors: { confirm: 'Kryssa i att du vill ta bort resan.' } }
  const result = await deleteTrip(organiser.email, slug)
  if (!result.ok) return { errors: { form: result.error } }
  revalidatePath('/', 'layout')
  redirect('/admin/innehall?status=resa-borttagen')
}
