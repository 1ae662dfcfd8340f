'use client'

// Writing to a trip's participants: write, preview (the confirmation step), send. Works as plain
// form posts without JavaScript: the preview is the action's answer, with the text carried in
// hidden fields; its confirm button posts confirmed=1 and the number of recipients it named.
import { useActionState } from 'react'
import { AUDIENCES, recipientsText, type Audience } from '@/lib/admin/audiences'
import type { MessagePreview } from '@/lib/admin/messages'
import { CONFIRMED_FIELD } from '@/lib/forms/confirmation'
import type { FormState } from '@/lib/forms/form-state'
import { ErrorSummary, RadioGroup, TextField } from './form-fields'
import { EmailPreview } from './email-preview'

export type MessageFormState =
  | { kind: 'idle' }
  | { kind: 'error'; message: string }
  | ({ kind: 'invalid' } & Required<Pick<FormState<string, string>, 'values' | 'fieldErrors'>>)
  | { kind: 'preview'; values: Record<string, string>; preview: MessagePreview; notice?: string }

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
  const textFields = Object.entries(values).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)

  if (state.kind === 'preview') {
    const { preview } = state
    const recipients = recipientsText(preview.recipients, values.audience as Audience)
    return (
      <div className="form">
        <h2 tabIndex={-1} autoFocus>
          Förhandsgranskning
        </h2>
        {state.notice && (
          <div className="notice notice--warn" role="alert">
            <p>{state.notice}</p>
          </div>
        )}
        {preview.recipients === 0 ? (
          <p>Ingen får meddelandet: det finns inga mottagare i gruppen ”{AUDIENCES[values.audience as Audience]?.label.toLowerCase()}”.</p>
        ) : (
          <p className="confirm-question">
            Skicka meddelandet till {recipients}? Var och en får ett eget mejl med sitt förnamn och sin egen länk. Ett skickat
            meddelande går inte att ta tillbaka.
          </p>
        )}
        <EmailPreview preview={preview} />
        <div className="confirm-actions">
          {preview.recipients > 0 && (
            <form action={formAction}>
              {textFields}
              <input type="hidden" name="step" value="skicka" />
              <input type="hidden" name={CONFIRMED_FIELD} value="1" />
              <input type="hidden" name="recipients" value={preview.recipients} />
              <button type="submit" className="button button--danger" aria-disabled={pending}>
                Skicka till {recipients}
              </button>
            </form>
          )}
          <form action={formAction}>
            {textFields}
            <input type="hidden" name="step" value="andra" />
            <button type="submit" className="button button--secondary">
              Nej, ändra meddelandet
            </button>
          </form>
        </div>
      </div>
    )
  }

  return (
    <form action={formAction} noValidate className="form">
      <h2>Nytt meddelande</h2>
      {state.kind === 'error' && (
        <div className="error-summary" role="alert">
          <p>{state.message}</p>
        </div>
      )}
      <ErrorSummary errors={errors} labels={LABELS} />
      <input type="hidden" name="step" value="forhandsgranska" />
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
        hint="Tom rad mellan stycken; **fetstil**, *kursiv* och listor med - skrivs som på resans sida. Hälsningsfras, resans uppgifter, personlig länk och kontaktuppgifter läggs till."
        defaultValue={values.body}
        error={errors.body}
      />
      <button type="submit" className="button" aria-disabled={pending}>
        Förhandsgranska
      </button>
    </form>
  )
}
