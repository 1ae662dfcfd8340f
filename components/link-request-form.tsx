'use client'

// "Lost your link?": one e-mail field; works as a plain form post without JavaScript.
import { useActionState } from 'react'
import type { LinkFormState } from '@/app/resor/[slug]/lank/actions'
import { ErrorSummary, TextField } from './form-fields'

export function LinkRequestForm({
  action,
  permalink,
}: {
  action: (s: LinkFormState, f: FormData) => Promise<LinkFormState>
  /** The address of the page the form is on: the form's `action`, where a post without JavaScript goes. */
  permalink: string
}) {
  const [state, formAction, pending] = useActionState(action, {}, permalink)
  return (
    <form action={formAction} noValidate className="form">
      <ErrorSummary errors={{ email: state.error }} labels={{ email: 'E-post' }} />
      <TextField name="email" label="E-post" type="email" autoComplete="email" required defaultValue={state.email} error={state.error} />
      <button type="submit" className="button" aria-disabled={pending}>
        {pending ? 'Skickar …' : 'Skicka länken'}
      </button>
    </form>
  )
}
