'use client'

// The accessibility statement's "report a problem" form; works as a plain form post without JavaScript.
import { useActionState } from 'react'
import { ErrorSummary, TextField } from '@/components/form-fields'
import { REPORT_LABELS as LABELS } from '@/lib/accessibility/report-fields'
import { HONEYPOT_FIELD } from '@/lib/forms/form-state'
import type { ReportFormState } from './actions'

export function AccessibilityReportForm({
  action,
  permalink,
}: {
  action: (s: ReportFormState, f: FormData) => Promise<ReportFormState>
  /** The address of the page the form is on: the form's `action`, where a post without JavaScript goes. */
  permalink: string
}) {
  const [state, formAction, pending] = useActionState(action, {}, permalink)
  const errors = state.fieldErrors ?? {}
  const values = state.values ?? {}
  return (
    <form action={formAction} noValidate className="form">
      {state.message && (
        <div className="error-summary" role="alert" tabIndex={-1} autoFocus>
          <p>{state.message}</p>
        </div>
      )}
      <ErrorSummary errors={errors} labels={LABELS} />
      <TextField
        name="description"
        label={LABELS.description}
        hint="Vad försökte du göra, och vad gick inte? Skriv gärna vilket hjälpmedel du använder."
        required
        multiline
        defaultValue={values.description}
        error={errors.description}
      />
      <TextField name="page" label={LABELS.page} hint="Sidans rubrik eller adress. Kan lämnas tomt." defaultValue={values.page} error={errors.page} />
      <TextField
        name="email"
        label={LABELS.email}
        type="email"
        autoComplete="email"
        hint="Om du vill ha svar. Vi använder den bara för att svara dig."
        defaultValue={values.email}
        error={errors.email}
      />
      <div className="honeypot" aria-hidden="true">
        <label htmlFor={`report-${HONEYPOT_FIELD}`}>Lämna tomt</label>
        <input id={`report-${HONEYPOT_FIELD}`} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <button type="submit" className="button" aria-disabled={pending}>
        {pending ? 'Skickar …' : 'Skicka rapporten'}
      </button>
    </form>
  )
}
