'use server'

import { headers } from 'next/headers'
import { notFound, redirect } from 'next/navigation'
import { clientAddress } from '@/lib/auth/client-address'
import { tryAgainIn } from '@/lib/rate-limits/messages'
import { requestLink } from '@/lib/registrations/lost-link'

export type LinkFormState = { error?: string; email?: string }

export async function sendLinkAgain(slug: string, _previous: LinkFormState, formData: FormData): Promise<LinkFormState> {
  if (!(formData instanceof FormData)) notFound() // a tampered post (see app/resor/[slug]/anmalan/actions.ts)
  const outcome = await requestLink(slug, formData.get('email'), { address: clientAddress(await headers()) })
  if (outcome.kind === 'trip-not-found') notFound()
  if (outcome.kind === 'invalid') return { error: outcome.error, email: outcome.email }
  if (outcome.kind === 'rate-limited') {
    return {
      error: `Vi har fått väldigt många förfrågningar från ditt nätverk på kort tid. ${tryAgainIn(outcome.retryAfterSeconds)}`,
      email: outcome.email,
    }
  }
  redirect(`/resor/${slug}/lank/skickad`)
}
