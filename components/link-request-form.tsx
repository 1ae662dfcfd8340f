'use client'

// "Lost your link?": one e-mail field; works as a plain form post without JavaScript.
import { useActionState } from 'react'
import type { LinkFormState } from '@/app/resor/[slug]/lank/actions'
import { ErrorSummary, TextField } from './form-fields'

export function LinkRequestForm({ action }: { action: (s: LinkFormState, f: FormData) => Promise<LinkFormState> }) {
  const [state, formAction, pending] = useActionState(action, {})
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
