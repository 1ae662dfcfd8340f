'use client'

// "Meddela mig när anmälan öppnar" (lib/interest/list.ts): an e-mail field and a choice to hear
// about later trips too; works as a plain form post without JavaScript.
import Link from 'next/link'
import { useActionState } from 'react'
import { HONEYPOT_FIELD, type FormState } from '@/lib/forms/form-state'
import { Checkbox, ErrorSummary, TextField } from './form-fields'

export type InterestFormState = FormState<'email' | 'laterTrips', string>

export function InterestForm({
  action,
  permalink,
}: {
  action: (s: InterestFormState, f: FormData) => Promise<InterestFormState>
  /** The address of the page the form is on: the form's `action`, where a post without JavaScript goes. */
  permalink: string
}) {
  const [state, formAction, pending] = useActionState(action, {}, permalink)
  return (
    <form action={formAction} noValidate className="form" aria-labelledby="meddela-mig">
      <h3 id="meddela-mig">Meddela mig när anmälan öppnar</h3>
      <p>
        Lämna din e-postadress, så mejlar vi dig en gång när anmälan öppnar. Du bekräftar adressen från ett mejl först. Läs
        hur vi hanterar adressen i <Link href="/integritet">integritetsmeddelandet</Link>.
      </p>
      <ErrorSummary errors={state.fieldErrors ?? {}} labels={{ email: 'E-post' }} />
      <TextField name="email" label="E-post" type="email" autoComplete="email" required defaultValue={state.values?.email} error={state.fieldErrors?.email} />
      <Checkbox name="laterTrips" label="Meddela mig även om kommande resor" defaultChecked={state.values?.laterTrips === 'on'} />
      <div className="honeypot" aria-hidden="true">
        <label htmlFor={HONEYPOT_FIELD}>Lämna det här fältet tomt</label>
        <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <button type="submit" className="button" aria-disabled={pending}>
        {pending ? 'Skickar …' : 'Meddela mig'}
      </button>
    </form>
  )
}
