'use server'

import { headers } from 'next/headers'
import { notFound, redirect } from 'next/navigation'
import type { InterestFormState } from '@/components/interest-form'
import { clientAddress } from '@/lib/auth/client-address'
import { isForm, isSlug, refuseTampered } from '@/lib/http/action-arguments'
import { confirmSubscription, subscribe, unsubscribe } from '@/lib/interest/list'
import { tryAgainIn } from '@/lib/rate-limits/messages'

/** The form (components/interest-form.tsx); `slug`: the trip whose signup page it is on, or null. */
export async function subscribeAction(slug: string | null, _previous: InterestFormState, formData: FormData): Promise<InterestFormState> {
  refuseTampered(slug === null || isSlug(slug), isForm(formData))
  const raw = Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === 'string'))
  const outcome = await subscribe(slug, raw, { address: clientAddress(await headers()) })
  if (outcome.kind === 'trip-not-found') notFound()
  if (outcome.kind === 'invalid') return { fieldErrors: { email: outcome.error }, values: typedValues(outcome.values) }
  if (outcome.kind === 'rate-limited') {
    return {
      fieldErrors: { email: `Vi har fått väldigt många förfrågningar från ditt nätverk på kort tid. ${tryAgainIn(outcome.retryAfterSeconds)}` },
      values: typedValues(outcome.values),
    }
  }
  redirect('/meddela-mig/skickad')
}

const typedValues = (v: { email: string; laterTrips: boolean }) => ({ email: v.email, laterTrips: v.laterTrips ? 'on' : '' })

// (…bound token, previous state, form data): posted through PostForm (components/post-form.tsx).
export async function confirmAction(token: string, _previous: unknown, formData: FormData): Promise<void> {
  refuseTampered(isSlug(token), isForm(formData))
  if (await confirmSubscription(token)) redirect('/meddela-mig/bekraftad')
  redirect(`/meddela-mig/bekrafta/${encodeURIComponent(token)}`) // the page says the link no longer works
}

export async function unsubscribeAction(token: string, _previous: unknown, formData: FormData): Promise<void> {
  refuseTampered(isSlug(token), isForm(formData))
  await unsubscribe(token) // already gone is the same outcome: the address is not on the list
  redirect('/meddela-mig/avslutad')
}
