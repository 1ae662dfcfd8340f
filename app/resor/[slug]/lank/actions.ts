'use server'

import { notFound, redirect } from 'next/navigation'
import { requestLink } from '@/lib/registrations/lost-link'

export type LinkFormState = { error?: string; email?: string }

export async function sendLinkAgain(slug: string, _previous: LinkFormState, formData: FormData): Promise<LinkFormState> {
  const outcome = await requestLink(slug, formData.get('email'))
  if (outcome.kind === 'trip-not-found') notFound()
  if (outcome.kind === 'invalid') return { error: outcome.error, email: outcome.email }
  redirect(`/resor/${slug}/lank/skickad`)
}
