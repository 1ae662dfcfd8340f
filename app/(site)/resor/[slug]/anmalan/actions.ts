'use server'

import { revalidatePath } from 'next/cache'
import { headers } from 'next/headers'
import { notFound, redirect } from 'next/navigation'
import { clientAddress } from '@/lib/auth/client-address'
import { submitSignup } from '@/lib/registrations/signup'
import type { SignupFormState } from '@/components/signup-form'

export async function signup(slug: string, _previous: SignupFormState, formData: FormData): Promise<SignupFormState> {
  // The bound arguments come back from the browser: a tampered post can shift them so that no
  // form data arrives at all. That is a request for nothing we have, not a server error.
  if (!(formData instanceof FormData)) notFound()
  const outcome = await submitSignup(slug, Object.fromEntries(formData), { address: clientAddress(await headers()) })
  switch (outcome.kind) {
    case 'registered':
      // Seats left and the list of who is coming change on every page that shows them.
      revalidatePath('/', 'layout')
      redirect(`/anmalan/${outcome.token}?ny=1`)
    case 'trip-not-found':
      notFound()
    default:
      return outcome
  }
}
