// Form fields with their error wiring: the error sits beside the field, is tied to it by
// aria-describedby, and the field is marked aria-invalid. Shared by every form on the site.
import type { ReactNode } from 'react'

type Common = {
  name: string
  label: string
  error?: string
  hint?: ReactNode
  required?: boolean
}

export const fieldId = (name: string) => `f-${name}`
const errorId = (name: string) => `f-${name}-error`
const hintId = (name: string) => `f-${name}-hint`

function describedBy(name: string, hint: unknown, error: unknown) {
  return [hint ? hintId(name) : null, error ? errorId(name) : null].filter(Boolean).join(' ') || undefined
}

function FieldError({ name, error }: { name: string; error?: string }) {
  return error ? (
    <span className="field-error" id={errorId(name)}>
      <span className="visually-hidden">Fel: </span>
      {error}
    </span>
  ) : null
}

export function TextField({
  name,
  label,
  error,
  hint,
  required,
  defaultValue,
  type = 'text',
  autoComplete,
  multiline,
  inputMode,
}: Common & {
  defaultValue?: string
  type?: 'text' | 'email' | 'tel'
  autoComplete?: string
  multiline?: boolean
  inputMode?: 'text' | 'email' | 'tel'
}) {
  const props = {
    id: fieldId(name),
    name,
    defaultValue: defaultValue ?? '',
    'aria-invalid': error ? true : undefined,
    'aria-required': required || undefined,
    'aria-describedby': describedBy(name, hint, error),
    autoComplete,
  }
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={fieldId(name)}>{label}</label>
      {hint && (
        <span className="hint" id={hintId(name)}>
          {hint}
        </span>
      )}
      <FieldError name={name} error={error} />
      {multiline ? <textarea {...props} rows={3} /> : <input {...props} type={type} inputMode={inputMode} />}
    </div>
  )
}

export function RadioGroup({
  name,
  label,
  error,
  hint,
  required,
  options,
  defaultValue,
  onChange,
}: Common & {
  options: readonly { value: string; label: string }[]
  defaultValue?: string
  onChange?: (value: string) => void
}) {
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <fieldset
        aria-describedby={describedBy(name, hint, error)}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        role="radiogroup"
      >
        <legend>{label}</legend>
        {hint && (
          <span className="hint" id={hintId(name)}>
            {hint}
          </span>
        )}
        <FieldError name={name} error={error} />
        {options.map((option, i) => (
          <label className="choice" key={option.value}>
            <input
              type="radio"
              name={name}
              value={option.value}
              id={i === 0 ? fieldId(name) : undefined}
              defaultChecked={defaultValue === option.value}
              onChange={onChange ? () => onChange(option.value) : undefined}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </fieldset>
    </div>
  )
}

export function Checkbox({
  name,
  label,
  error,
  required,
  defaultChecked,
}: Omit<Common, 'label' | 'hint'> & { label: ReactNode; defaultChecked?: boolean }) {
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <FieldError name={name} error={error} />
      <div className="choice">
        <input
          type="checkbox"
          id={fieldId(name)}
          name={name}
          defaultChecked={defaultChecked}
          aria-invalid={error ? true : undefined}
          aria-required={required || undefined}
          aria-describedby={error ? errorId(name) : undefined}
        />
        <label htmlFor={fieldId(name)}>{label}</label>
      </div>
    </div>
  )
}

/** The list of errors at the top of a form, each a link to its field. */
export function ErrorSummary({
  errors,
  labels,
  summaryRef,
}: {
  errors: Record<string, string | undefined>
  labels: Record<string, string>
  summaryRef?: React.Ref<HTMLDivElement>
}) {
  const entries = Object.entries(errors).filter((e): e is [string, string] => Boolean(e[1]))
  if (entries.length === 0) return null
  return (
    // autoFocus moves focus here when the page comes back from a post without JavaScript; with
    // it, the form focuses the summary itself after each failed submit.
    <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef} autoFocus aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">Formuläret innehåller {entries.length === 1 ? 'ett fel' : `${entries.length} fel`}</h2>
      <ul>
        {entries.map(([name, message]) => (
          <li key={name}>
            <a href={`#${fieldId(name)}`}>
              {labels[name] ?? name}: {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
}
