'use server'

import { headers } from 'next/headers'
import { notFound, redirect } from 'next/navigation'
import { clientAddress } from '@/lib/auth/client-address'
import type { FormState } from '@/lib/forms/form-state'
import { tryAgainIn } from '@/lib/rate-limits/messages'
import { requestLink } from '@/lib/registrations/lost-link'

export type LinkFormState = FormState<'email', string>

export async function sendLinkAgain(slug: string, _previous: LinkFormState, formData: FormData): Promise<LinkFormState> {
  if (!(formData instanceof FormData)) notFound() // a tampered post (see app/(site)/resor/[slug]/anmalan/actions.ts)
  const outcome = await requestLink(slug, formData.get('email'), { address: clientAddress(await headers()) })
  if (outcome.kind === 'trip-not-found') notFound()
  if (outcome.kind === 'invalid') return { fieldErrors: { email: outcome.error }, values: { email: outcome.email } }
  if (outcome.kind === 'rate-limited') {
    return {
      fieldErrors: { email: `Vi har fått väldigt många förfrågningar från ditt nätverk på kort tid. ${tryAgainIn(outcome.retryAfterSeconds)}` },
      values: { email: outcome.email },
    }
  }
  redirect(`/resor/${slug}/lank/skickad`)
}
