'use server'

import { notFound, redirect } from 'next/navigation'
import { isForm, refuseTampered } from '@/lib/http/action-arguments'
import { confirmEmailChange } from '@/lib/registrations/email-change'

// (…bound token, previous state, form data): it is posted through PostForm (components/post-form.tsx).
export async function confirmEmail(token: string, _previous: unknown, formData: FormData): Promise<void> {
  refuseTampered(typeof token === 'string', isForm(formData)) // a tampered post (lib/http/action-arguments.ts)
  const result = await confirmEmailChange(token)
  if (result.kind === 'not-found') notFound()
  // To the registration at its fresh link (every earlier one has stopped working).
  if (result.kind === 'confirmed') redirect(`/anmalan/${result.token}?epost=bytt${result.emailSent ? '' : '&mejl=0'}`)
  // Expired, taken, cancelled or locked meanwhile: the page says which.
  redirect(`/anmalan/bekrafta-epost/${token}`)
}
