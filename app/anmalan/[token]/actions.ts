'use server'

import { revalidatePath } from 'next/cache'
import { notFound, redirect } from 'next/navigation'
import type { SignupFormState } from '@/components/signup-form'
import { cancelRegistration } from '@/lib/registrations/cancel'
import { updateRegistration } from '@/lib/registrations/update'

/** Saves changed answers. The privacy notice was accepted at signup, so the form has no checkbox. */
export async function updateAnswers(token: string, _previous: SignupFormState, formData: FormData): Promise<SignupFormState> {
  if (!(formData instanceof FormData)) notFound() // a tampered post (see app/resor/[slug]/anmalan/actions.ts)
  const result = await updateRegistration(token, { ...Object.fromEntries(formData), privacyAccepted: 'on' })
  switch (result.kind) {
    case 'invalid':
      return result
    case 'not-found':
      notFound()
    case 'updated':
      // Names in the participant list and boarding stops show on the trip's pages.
      revalidatePath('/', 'layout')
      redirect(`/anmalan/${token}?sparad=1`)
    default:
      // Locked or cancelled meanwhile: the page shows the answers read-only and why.
      redirect(`/anmalan/${token}`)
  }
}

export async function cancel(token: string, formData: FormData): Promise<void> {
  if (!(formData instanceof FormData)) notFound()
  const result = await cancelRegistration(token, { erase: formData.get('erase') === 'on' })
  switch (result.kind) {
    case 'not-found':
      notFound()
    case 'already-cancelled':
    case 'departed':
      redirect(`/anmalan/${token}`)
    case 'cancelled':
      // Seats left, the waiting list and the participant list change on the trip's pages.
      revalidatePath('/', 'layout')
      // Erased: the link no longer works, so the answer is a page of its own.
      redirect(result.erased ? '/anmalan/avbokad' : `/anmalan/${token}?avbokad=1`)
  }
}
