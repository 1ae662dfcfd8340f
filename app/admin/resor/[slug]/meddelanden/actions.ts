'use server'

import { redirect } from 'next/navigation'
import { requireOrganiser } from '@/lib/auth/session'
import { isForm, refuseTampered } from '@/lib/http/action-arguments'
import { parseMessage, recipientCount, sendTripMessage } from '@/lib/admin/messages'
import { getAdminTrip } from '@/lib/admin/trips'
import type { MessageFormState } from '@/components/message-form'

/** First a preview (nothing sent), then, with "send" pressed on the preview, the sending. */
export async function previewOrSend(slug: string, _previous: MessageFormState, formData: FormData): Promise<MessageFormState> {
  const organiser = await requireOrganiser()
  const trip = typeof slug === 'string' ? await getAdminTrip(slug) : null
  if (!trip) return { kind: 'error', message: 'Resan finns inte.' }
  refuseTampered(isForm(formData))

  const values = { audience: formData.get('audience'), subject: formData.get('subject'), body: formData.get('body') }
  const parsed = parseMessage(values)
  const typed = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' ? v : ''])) as Record<string, string>
  if (!parsed.ok) return { kind: 'invalid', values: typed, fieldErrors: parsed.fieldErrors }
  if (formData.get('send') !== 'ja') {
    return { kind: 'preview', values: typed, recipients: await recipientCount(trip.id, parsed.data.audience) }
  }
  const sent = await sendTripMessage(organiser.email, trip.id, parsed.data)
  redirect(`/admin/resor/${trip.slug}/meddelanden?skickat=${sent}`)
}
