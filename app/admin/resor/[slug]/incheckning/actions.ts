'use server'

// One tap on the check-in list: checks the session, ticks the participant off (or undoes it) with
// the organiser as the actor, and goes back to the list at that participant's row.
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { checkIn } from '@/lib/registrations/organiser-changes'
import { requireOrganiser } from '@/lib/auth/session'
import { isForm, isId, isSlug, refuseTampered } from '@/lib/http/action-arguments'

// _previous: the form is a PostForm (components/post-form.tsx), which passes useActionState's state first.
export async function toggleCheckIn(slug: string, id: number, _previous: unknown, formData: FormData): Promise<void> {
  const organiser = await requireOrganiser()
  refuseTampered(isSlug(slug), isId(id), isForm(formData))
  const result = await checkIn(organiser.email, id, formData.get('checkedIn') === '1')
  const list = `/admin/resor/${encodeURIComponent(slug)}/incheckning`
  if (result.kind === 'checked-in' || result.kind === 'check-in-undone') revalidatePath('/', 'layout')
  // Someone else moved or cancelled the participant meanwhile: the list shows them no longer.
  if (result.kind === 'wrong-status' || result.kind === 'not-found') redirect(`${list}?fel=status`)
  redirect(`${list}#anmalan-${id}`)
}
