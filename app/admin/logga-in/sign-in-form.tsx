'use client'

// The organisers' sign-in form; a plain form post to the same server action without JavaScript.
// One message for every failure (wrong password, unknown account, too many attempts), not tied
// to either field, so it does not tell which one was wrong.
import { useActionState } from 'react'
import { fieldId, TextField } from '@/components/form-fields'
import type { SignInFormState } from './actions'

export function SignInForm({
  action,
  permalink,
}: {
  action: (s: SignInFormState, f: FormData) => Promise<SignInFormState>
  /** The address of the page the form is on: the form's `action`, where a post without JavaScript goes. */
  permalink: string
}) {
  const [state, formAction, pending] = useActionState(action, {}, permalink)
  return (
    <form action={formAction} className="form">
      {state.message && (
        // autoFocus: after a post without JavaScript too, the message is what a screen reader hears first.
        <div className="error-summary" role="alert" tabIndex={-1} autoFocus>
          <p>{state.message}</p>
        </div>
      )}
      <TextField name="email" label="E-post" type="email" autoComplete="username" required defaultValue={state.values?.email} />
      <div className="field">
        <label htmlFor={fieldId('password')}>Lösenord</label>
        <input
          id={fieldId('password')}
          name="password"
          type="password"
          autoComplete="current-password"
          aria-required
          required
        />
      </div>
      <button type="submit" className="button" aria-disabled={pending}>
        {pending ? 'Loggar in …' : 'Logga in'}
      </button>
    </form>
  )
}
