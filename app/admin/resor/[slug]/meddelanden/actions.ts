'use server'

import { redirect } from 'next/navigation'
import { requireOrganiser } from '@/lib/auth/session'
import { isConfirmed } from '@/lib/forms/confirmation'
import { isForm, refuseTampered } from '@/lib/http/action-arguments'
import { parseMessage, previewTripMessage, sendTripMessage } from '@/lib/admin/messages'
import { getAdminTrip } from '@/lib/admin/trips'
import type { MessageFormState } from '@/components/message-form'

/**
 * Write, preview, send: the form posts `step` = "forhandsgranska" (a preview, nothing sent),
 * "andra" (back to the form with the text) or "skicka" (the preview's confirm button, which also
 * posts confirmed=1 and the number of recipients it named). Sending without them sends nothing.
 */
export async function previewOrSend(slug: string, _previous: MessageFormState, formData: FormData): Promise<MessageFormState> {
  const organiser = await requireOrganiser()
  const trip = typeof slug === 'string' ? await getAdminTrip(slug) : null
  if (!trip) return { kind: 'error', message: 'Resan finns inte.' }
  refuseTampered(isForm(formData))

  const values = { audience: formData.get('audience'), subject: formData.get('subject'), body: formData.get('body') }
  const typed = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' ? v : ''])) as Record<string, string>
  const step = formData.get('step')
  if (step === 'andra') return { kind: 'invalid', values: typed, fieldErrors: {} }
  const parsed = parseMessage(values)
  if (!parsed.ok) return { kind: 'invalid', values: typed, fieldErrors: parsed.fieldErrors }
  const preview = async (notice?: string): Promise<MessageFormState> => ({ kind: 'preview', values: typed, preview: await previewTripMessage(trip.id, parsed.data), notice })
  if (step !== 'skicka') return preview()

  const expectedRecipients = Number(formData.get('recipients'))
  if (!isConfirmed(formData) || !Number.isSafeInteger(expectedRecipients)) {
    return preview('Meddelandet är inte skickat. Kontrollera det och bekräfta utskicket med knappen nedan.')
  }
  const result = await sendTripMessage(organiser.email, trip.id, parsed.data, { expectedRecipients })
  if (result.kind === 'recipients-changed') {
    return preview(`Meddelandet är inte skickat: antalet mottagare har ändrats sedan förhandsgranskningen (nu ${result.recipients}). Kontrollera och skicka igen.`)
  }
  redirect(`/admin/resor/${trip.slug}/meddelanden?skickat=${result.recipients}`)
}
