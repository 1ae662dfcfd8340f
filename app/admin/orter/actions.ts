'use server'

// Saving a host city: a thin shell over lib/trips/host-city-edit.ts (session first, then save, revalidate, redirect).
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { formToRaw, type FormState, type FormValues } from '@/lib/forms/form-state'
import { saveHostCity } from '@/lib/trips/host-city-edit'
import { requireOrganiser } from '@/lib/auth/session'
import { isForm, isSlug, refuseTampered } from '@/lib/http/action-arguments'
import { readTextFields } from '@/lib/forms/form-state'
import { removePhoto, savePhoto, uploadedFile } from '@/lib/photos/store'

export async function saveHostCityAction(slug: string | null, _previous: FormState, formData: FormData): Promise<FormState> {
  const organiser = await requireOrganiser()
  refuseTampered(slug === null || isSlug(slug), isForm(formData))
  const raw = formToRaw(formData)
  const result = await saveHostCity(organiser.email, slug, raw)
  if (!result.ok) return { fieldErrors: result.errors, values: raw as FormValues }
  revalidatePath('/', 'layout')
  redirect(`/admin/orter/${result.value.slug}?status=${slug ? 'ort-sparad' : 'ort-skapad'}`)
}

// ---- The town's photo (lib/photos/store.ts) ----

export async function saveHostCityPhotoAction(slug: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const organiser = await requireOrganiser()
  refuseTampered(isSlug(slug), isForm(formData))
  const raw = formToRaw(formData)
  const result = await savePhoto(organiser.email, { kind: 'hostCity', slug }, raw, uploadedFile(formData))
  if (!result.ok) return { fieldErrors: result.errors, values: readTextFields(['altText', 'credit'], raw) }
  revalidatePath('/', 'layout')
  redirect(`/admin/orter/${slug}?status=bild-sparad#bild`)
}

export async function removeHostCityPhotoAction(slug: string): Promise<void> {
  const organiser = await requireOrganiser()
  refuseTampered(isSlug(slug))
  await removePhoto(organiser.email, { kind: 'hostCity', slug })
  revalidatePath('/', 'layout')
  redirect(`/admin/orter/${slug}?status=bild-borttagen#bild`)
}
