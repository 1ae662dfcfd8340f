'use server'

// Saving the settings, one form at a time: thin shells over lib/settings/edit.ts.
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { formToRaw, type FormState, type FormValues, type RawForm, type SaveResult } from '@/lib/forms/form-state'
import { savePrivacySettings, saveRateLimitSettings, saveRetentionSettings, saveSiteSettings } from '@/lib/settings/edit'
import { requireOrganiser } from '@/lib/auth/session'
import { isForm, refuseTampered } from '@/lib/http/action-arguments'

export async function saveSettingsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const organiser = await requireOrganiser()
  return saveSection(organiser.email, formData, saveSiteSettings, 'installningar-sparade', true)
}

export async function savePrivacyAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const organiser = await requireOrganiser()
  return saveSection(organiser.email, formData, savePrivacySettings, 'integritet-sparad', true)
}

export async function saveRetentionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const organiser = await requireOrganiser()
  return saveSection(organiser.email, formData, saveRetentionSettings, 'lagring-sparad', true)
}

export async function saveRateLimitsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const organiser = await requireOrganiser()
  // The limits show on no page (lib/rate-limits reads them on every request): no page to renew.
  return saveSection(organiser.email, formData, saveRateLimitSettings, 'granser-sparade', false)
}

async function saveSection(
  actor: string,
  formData: FormData,
  save: (actor: string, raw: RawForm) => Promise<SaveResult<null>>,
  status: string,
  shownOnPublicPages: boolean,
): Promise<FormState> {
  refuseTampered(isForm(formData))
  const raw = formToRaw(formData)
  const result = await save(actor, raw)
  if (!result.ok) return { fieldErrors: result.errors, values: raw as FormValues }
  // The footer of every page and the privacy notice show these.
  if (shownOnPublicPages) revalidatePath('/', 'layout')
  redirect(`/admin/installningar?status=${status}`)
}
