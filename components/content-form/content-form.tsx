'use client'

// The organisers' content forms: one component for every field kind the content needs, with
// the site's error wiring (the error beside its field, aria-invalid, aria-describedby, and a
// summary at the top linking to each field). A plain form post to a server action without
// JavaScript; with it, useActionState keeps the page. Field ids carry a prefix, so two forms
// can share a page.
import { useActionState } from 'react'
import type { FormState, FormValues } from '@/lib/forms/form-state'

export type FieldSpec = {
  name: string
  label: string
  kind: 'text' | 'textarea' | 'number' | 'date' | 'time' | 'datetime-local' | 'email' | 'tel' | 'checkbox' | 'checkboxes' | 'file'
  hint?: string
  /** For a file: the types the picker offers (the server checks the file itself). */
  accept?: string
  required?: boolean
  rows?: number
  options?: { value: string; label: string }[]
}

export function ContentForm({
  action,
  fields,
  initial,
  submitLabel,
  idPrefix,
  permalink,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>
  fields: FieldSpec[]
  initial: FormValues
  submitLabel: string
  idPrefix: string
  /** The address of the page the form is on: the form's `action`, where a post without JavaScript goes. */
  permalink: string
}) {
  const [state, formAction, pending] = useActionState(action, {}, permalink)
  const values = state.values ?? initial
  const errors = state.fieldErrors ?? {}
  const id = (name: string) => `${idPrefix}-${name}`
  const entries = Object.entries(errors).filter((e): e is [string, string] => e[1] !== undefined)
  const labelOf = (name: string) => fields.find((f) => f.name === name)?.label
  return (
    <form action={formAction} className="form admin-form" noValidate>
      {entries.length > 0 && (
        <div className="error-summary" role="alert" tabIndex={-1} autoFocus aria-labelledby={id('error-summary')}>
          <h2 id={id('error-summary')}>Formuläret innehåller {entries.length === 1 ? 'ett fel' : `${entries.length} fel`}</h2>
          <ul>
            {entries.map(([name, message]) => (
              <li key={name}>{labelOf(name) ? <a href={`#${id(name)}`}>{`${labelOf(name)}: ${message}`}</a> : message}</li>
            ))}
          </ul>
        </div>
      )}
      {fields.map((field) => (
        <Field key={field.name} field={field} value={values[field.name]} error={errors[field.name]} id={id(field.name)} />
      ))}
      <button type="submit" className="button" aria-disabled={pending}>
        {pending ? 'Sparar …' : submitLabel}
      </button>
    </form>
  )
}

function Field({ field, value, error, id }: { field: FieldSpec; value: string | string[] | undefined; error?: string; id: string }) {
  const hintId = field.hint ? `${id}-hint` : null
  const errorId = error ? `${id}-error` : null
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined
  const text = typeof value === 'string' ? value : ''
  const hint = field.hint && (
    <span className="hint" id={hintId!}>
      {field.hint}
    </span>
  )
  const errorText = error && (
    <span className="field-error" id={errorId!}>
      <span className="visually-hidden">Fel: </span>
      {error}
    </span>
  )
  const className = `field${error ? ' field--invalid' : ''}`

  if (field.kind === 'checkbox') {
    return (
      <div className={className}>
        {errorText}
        <div className="choice">
          <input type="checkbox" id={id} name={field.name} defaultChecked={text === 'on'} aria-invalid={error ? true : undefined} aria-describedby={describedBy} />
          <label htmlFor={id}>{field.label}</label>
        </div>
        {hint}
      </div>
    )
  }
  if (field.kind === 'checkboxes') {
    const chosen = Array.isArray(value) ? value : []
    return (
      <div className={className}>
        <fieldset aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
          <legend>{field.label}</legend>
          {hint}
          {errorText}
          {(field.options ?? []).map((option, i) => (
            <div className="choice" key={option.value}>
              <input
                type="checkbox"
                id={i === 0 ? id : `${id}-${option.value}`}
                name={field.name}
                value={option.value}
                defaultChecked={chosen.includes(option.value)}
              />
              <label htmlFor={i === 0 ? id : `${id}-${option.value}`}>{option.label}</label>
            </div>
          ))}
          {(field.options ?? []).length === 0 && <p>Det finns inga att välja ännu.</p>}
        </fieldset>
      </div>
    )
  }
  const props = {
    id,
    name: field.name,
    // A file input cannot be given a value: after an error the file is chosen again.
    defaultValue: field.kind === 'file' ? undefined : text,
    'aria-invalid': error ? true : undefined,
    // A file input has no ARIA role that takes aria-required: it gets the plain attribute (the form is noValidate).
    'aria-required': (field.required && field.kind !== 'file') || undefined,
    required: (field.required && field.kind === 'file') || undefined,
    'aria-describedby': describedBy,
  }
  return (
    <div className={className}>
      <label htmlFor={id}>{field.label}</label>
      {hint}
      {errorText}
      {field.kind === 'textarea' ? (
        <textarea {...props} rows={field.rows ?? 4} />
      ) : (
        <input
          {...props}
          type={field.kind}
          inputMode={field.kind === 'number' ? 'numeric' : undefined}
          step={field.kind === 'number' ? 1 : undefined}
          accept={field.accept}
        />
      )}
    </div>
  )
}
