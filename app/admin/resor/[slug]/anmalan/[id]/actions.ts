'use server'

// The detail page's actions: thin shells over lib/registrations/organiser-changes.ts. Each checks the
// session first (tests/e2e/admin-auth.spec.ts), acts with the organiser's e-mail as the actor,
// and goes back to the page with a message (?klart=… on success, ?fel=… otherwise). The buttons
// are PostForms (components/post-form.tsx), which pass useActionState's state before the form data.
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import type { SignupFormState } from '@/components/signup-form'
import {
  cancelByOrganiser,
  checkIn,
  confirmRegistration,
  correctRegistration,
  moveToWaitlist,
  reinstateRegistration,
  resendLatestEmail,
} from '@/lib/registrations/organiser-changes'
import { requireOrganiser } from '@/lib/auth/session'
import { isConfirmed } from '@/lib/forms/confirmation'
import { isForm, isId, isSlug, refuseTampered } from '@/lib/http/action-arguments'

const detailPath = (slug: string, id: number) => `/admin/resor/${encodeURIComponent(slug)}/anmalan/${id}`

function back(slug: string, id: number, result: { kind: string }, done: string, errors: Record<string, string> = {}): never {
  if (result.kind === 'not-found') redirect(`/admin/resor/${encodeURIComponent(slug)}`)
  const error = errors[result.kind] ?? (result.kind === 'wrong-status' ? 'status' : null)
  if (error) redirect(`${detailPath(slug, id)}?fel=${error}`)
  revalidatePath('/', 'layout')
  redirect(`${detailPath(slug, id)}?klart=${done}`)
}

export async function correct(slug: string, id: number, _previous: SignupFormState, formData: FormData): Promise<SignupFormState> {
  const organiser = await requireOrganiser()
  refuseTampered(isSlug(slug), isId(id), isForm(formData))
  const result = await correctRegistration(organiser.email, id, Object.fromEntries(formData))
  if (result.kind === 'invalid') return result
  back(slug, id, result, result.kind === 'updated' && result.changed.length === 0 ? 'oforandrad' : 'sparad', { anonymised: 'borttagen' })
}

export async function confirm(slug: string, id: number, _previous: unknown, formData: FormData): Promise<void> {
  const organiser = await requireOrganiser()
  refuseTampered(isSlug(slug), isId(id), isForm(formData))
  const overbook = formData.get('overbook') === '1'
  const result = await confirmRegistration(organiser.email, id, { overbook })
  back(slug, id, result, overbook ? 'overbokad' : 'bekraftad', { 'no-seat': 'ingen-plats' })
}

export async function waitlist(slug: string, id: number): Promise<void> {
  const organiser = await requireOrganiser()
  refuseTampered(isSlug(slug), isId(id))
  back(slug, id, await moveToWaitlist(organiser.email, id), 'reservlista')
}

/** Only from the confirmation step (?bekrafta=avboka), whose button posts confirmed=1; without it, back there. */
export async function cancel(slug: string, id: number, _previous: unknown, formData: FormData): Promise<void> {
  const organiser = await requireOrganiser()
  refuseTampered(isSlug(slug), isId(id), isForm(formData))
  if (!isConfirmed(formData)) redirect(`${detailPath(slug, id)}?bekrafta=avboka&fel=obekraftad`)
  back(slug, id, await cancelByOrganiser(organiser.email, id), 'avbokad')
}

export async function reinstate(slug: string, id: number, _previous: unknown, formData: FormData): Promise<void> {
  const organiser = await requireOrganiser()
  refuseTampered(isSlug(slug), isId(id), isForm(formData))
  const result = await reinstateRegistration(organiser.email, id, { overbook: formData.get('overbook') === '1' })
  const done = result.kind !== 'reinstated' ? '' : result.status === 'WAITLISTED' ? 'aterstalld-reservlista' : result.overbooked ? 'overbokad' : 'aterstalld'
  back(slug, id, result, done, { anonymised: 'borttagen', 'email-taken': 'ny-anmalan' })
}

export async function setCheckedIn(slug: string, id: number, _previous: unknown, formData: FormData): Promise<void> {
  const organiser = await requireOrganiser()
  refuseTampered(isSlug(slug), isId(id), isForm(formData))
  const checkedIn = formData.get('checkedIn') === '1'
  const result = await checkIn(organiser.email, id, checkedIn)
  back(slug, id, result.kind === 'unchanged' ? { kind: 'done' } : result, checkedIn ? 'incheckad' : 'utcheckad')
}

export async function resend(slug: string, id: number): Promise<void> {
  const organiser = await requireOrganiser()
  refuseTampered(isSlug(slug), isId(id))
  back(slug, id, await resendLatestEmail(organiser.email, id), 'mejlad', { anonymised: 'borttagen' })
}
