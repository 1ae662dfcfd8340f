'use client'

// "Lost your link?": one e-mail field; works as a plain form post without JavaScript.
import { useActionState } from 'react'
import { ErrorSummary, TextField } from '@/components/form-fields'
import type { LinkFormState } from './actions'

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
      <ErrorSummary errors={state.fieldErrors ?? {}} labels={{ email: 'E-post' }} />
      <TextField name="email" label="E-post" type="email" autoComplete="email" required defaultValue={state.values?.email} error={state.fieldErrors?.email} />
      <button type="submit" className="button" aria-disabled={pending}>
        {pending ? 'Skickar …' : 'Skicka länken'}
      </button>
    </form>
  )
}
