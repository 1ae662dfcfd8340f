'use client'

// Writing to a trip's participants: write, preview, send. Works as plain form posts without
// JavaScript: the preview is the action's answer, with the text carried in hidden fields.
import { useActionState } from 'react'
import { AUDIENCES } from '@/lib/admin/audiences'
import type { FormState } from '@/lib/forms/form-state'
import { ErrorSummary, RadioGroup, TextField } from './form-fields'

export type MessageFormState =
  | { kind: 'idle' }
  | { kind: 'error'; message: string }
  | ({ kind: 'invalid' } & Required<Pick<FormState<string, string>, 'values' | 'fieldErrors'>>)
  | { kind: 'preview'; values: Record<string, string>; recipients: number }

const LABELS = { audience: 'Mottagare', subject: 'Ämne', body: 'Meddelande' }

export function MessageForm({
  action,
  permalink,
}: {
  action: (s: MessageFormState, f: FormData) => Promise<MessageFormState>
  /** The address of the page the form is on: the form's `action`, where a post without JavaScript goes. */
  permalink: string
}) {
  const [state, formAction, pending] = useActionState(action, { kind: 'idle' }, permalink)
  const values = state.kind === 'invalid' || state.kind === 'preview' ? state.values : {}
  const errors = state.kind === 'invalid' ? state.fieldErrors : {}

  if (state.kind === 'preview') {
    return (
      <form action={formAction} className="form">
        <h2 tabIndex={-1} autoFocus>
          Förhandsgranskning
        </h2>
        <p>
          Går till <strong>{state.recipients}</strong> {state.recipients === 1 ? 'person' : 'personer'} (
          {AUDIENCES[values.audience as keyof typeof AUDIENCES]?.label.toLowerCase()}), var och en med sin egen länk.
        </p>
        <div className="card">
          <p>
            <strong>Ämne:</strong> {values.subject}
          </p>
          <p>Hej Förnamn!</p>
          {(values.body ?? '')
            .split(/\n\s*\n/)
            .filter((p) => p.trim())
            .map((p, i) => (
              <p key={i}>{p}</p>
            ))}
        </div>
        {Object.entries(values).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <p>
          <button type="submit" name="send" value="ja" className="button" aria-disabled={pending}>
            Skicka till {state.recipients} {state.recipients === 1 ? 'person' : 'personer'}
          </button>{' '}
          <button type="submit" name="send" value="nej" className="button button--secondary">
            Ändra
          </button>
        </p>
      </form>
    )
  }

  return (
    <form action={formAction} noValidate className="form">
      {state.kind === 'error' && (
        <div className="error-summary" role="alert">
          <p>{state.message}</p>
        </div>
      )}
      <ErrorSummary errors={errors} labels={LABELS} />
      <RadioGroup
        name="audience"
        label={LABELS.audience}
        required
        options={Object.entries(AUDIENCES).map(([value, a]) => ({ value, label: a.label }))}
        defaultValue={values.audience}
        error={errors.audience}
      />
      <TextField name="subject" label={LABELS.subject} required defaultValue={values.subject} error={errors.subject} />
      <TextField
        name="body"
        label={LABELS.body}
        required
        multiline
        hint="Tom rad mellan stycken. Hälsningsfras, resans uppgifter, personlig länk och kontaktuppgifter läggs till."
        defaultValue={values.body}
        error={errors.body}
      />
      <button type="submit" className="button" aria-disabled={pending}>
        Förhandsgranska
      </button>
    </form>
  )
}
