'use server'

// Saving a host city: a thin shell over lib/admin/content.ts (session first, then save, revalidate, redirect).
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import type { ContentFormState, FormValues } from '@/components/admin-form'
import { formToRaw, saveHostCity } from '@/lib/admin/content'
import { requireOrganiser } from '@/lib/auth/session'
import { isForm, isSlug, refuseTampered } from '@/lib/http/action-arguments'

export async function saveHostCityAction(slug: string | null, _previous: ContentFormState, formData: FormData): Promise<ContentFormState> {
  const organiser = await requireOrganiser()
  refuseTampered(slug === null || isSlug(slug), isForm(formData))
  const raw = formToRaw(formData)
  const result = await saveHostCity(organiser.email, slug, raw)
  if (!result.ok) return { errors: result.errors, values: raw as FormValues }
  revalidatePath('/', 'layout')
  redirect(`/admin/orter/${result.value.slug}?status=${slug ? 'ort-sparad' : 'ort-skapad'}`)
}
