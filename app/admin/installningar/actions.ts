'use server'

// Saving the contact settings: a thin shell over lib/admin/content.ts.
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import type { ContentFormState, FormValues } from '@/components/admin-form'
import { formToRaw, saveSiteSettings } from '@/lib/admin/content'
import { organiserOrNull, SIGN_IN_PATH } from '@/lib/auth/session'

export async function saveSettingsAction(_previous: ContentFormState, formData: FormData): Promise<ContentFormState> {
  const organiser = await organiserOrNull()
  if (!organiser) redirect(SIGN_IN_PATH)
  const raw = formToRaw(formData)
  const result = await saveSiteSettings(organiser.email, raw)
  if (!result.ok) return { errors: result.errors, values: raw as FormValues }
  revalidatePath('/', 'layout')
  redirect('/admin/installningar?status=installningar-sparade')
}
