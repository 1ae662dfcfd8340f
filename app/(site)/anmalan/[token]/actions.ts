'use server'

import { revalidatePath } from 'next/cache'
import { headers } from 'next/headers'
import { notFound, redirect } from 'next/navigation'
import type { SignupFormState } from '@/components/signup-form'
import { clientAddress } from '@/lib/auth/client-address'
import { isForm, refuseTampered } from '@/lib/http/action-arguments'
import { cancelRegistration } from '@/lib/registrations/cancel'
import { updateRegistration } from '@/lib/registrations/update'

/** Saves changed answers. The privacy notice was accepted at signup, so the form has no checkbox. */
export async function updateAnswers(token: string, _previous: SignupFormState, formData: FormData): Promise<SignupFormState> {
  refuseTampered(typeof token === 'string', isForm(formData)) // a tampered post (lib/http/action-arguments.ts)
  const result = await updateRegistration(token, { ...Object.fromEntries(formData), privacyAccepted: 'on' }, new Date(), {
    address: clientAddress(await headers()),
  })
  switch (result.kind) {
    case 'invalid':
    case 'rate-limited':
      return result
    case 'not-found':
      notFound()
    case 'unchanged':
      redirect(`/anmalan/${token}?sparad=0`)
    case 'updated':
      // Names in the participant list and boarding stops show on the trip's pages.
      revalidatePath('/', 'layout')
      redirect(`/anmalan/${token}?sparad=1${result.emailSent ? '' : '&mejl=0'}`)
    case 'email-change-sent':
      if (result.otherChangesSaved) revalidatePath('/', 'layout')
      redirect(`/anmalan/${token}?epost=1${result.otherChangesSaved ? '&sparad=1' : ''}`)
    default:
      // Locked or cancelled meanwhile: the page shows the answers read-only and why.
      redirect(`/anmalan/${token}`)
  }
}

// _previous: the form is a PostForm (components/post-form.tsx), which passes useActionState's state first.
export async function cancel(token: string, _previous: unknown, formData: FormData): Promise<void> {
  refuseTampered(typeof token === 'string', isForm(formData))
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
      redirect(result.erased ? '/anmalan/avbokad' : `/anmalan/${token}?avbokad=1${result.emailSent ? '' : '&mejl=0'}`)
  }
}
