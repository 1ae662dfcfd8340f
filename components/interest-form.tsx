'use client'

// "Meddela mig när anmälan öppnar" (lib/interest/list.ts): an e-mail field and a choice to hear
// about later trips too; works as a plain form post without JavaScript.
import Link from 'next/link'
import { useActionState } from 'react'
import type { InterestFormState } from '@/app/meddela-mig/actions'
import { Checkbox, ErrorSummary, TextField } from './form-fields'

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
      <ErrorSummary errors={{ email: state.error }} labels={{ email: 'E-post' }} />
      <TextField name="email" label="E-post" type="email" autoComplete="email" required defaultValue={state.email} error={state.error} />
      <Checkbox name="laterTrips" label="Meddela mig även om kommande resor" defaultChecked={state.laterTrips} />
      <div className="honeypot" aria-hidden="true">
        <label htmlFor="webbplats">Lämna det här fältet tomt</label>
        <input id="webbplats" name="webbplats" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <button type="submit" className="button" aria-disabled={pending}>
        {pending ? 'Skickar …' : 'Meddela mig'}
      </button>
    </form>
  )
}
