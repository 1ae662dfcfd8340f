// What every form hands back to its page after a post, and how a post becomes plain values.
// One shape for all of them: the values as typed (so the form shows them again), the first
// error of each field, and a message about the form as a whole.
import type { z } from 'zod'
import { utcToStockholmLocal } from '../dates'

/** A form's fields as typed: text, or a list for a set of checkboxes. */
export type FormValues<F extends string = string> = Partial<Record<F, string | string[]>>
export type FieldErrors<F extends string = string> = Partial<Record<F, string>>

/** `V`: text only, or (the default) text and lists, for forms with sets of checkboxes. */
export type FormState<F extends string = string, V extends string | string[] = string | string[]> = {
  values?: Partial<Record<F, V>>
  fieldErrors?: FieldErrors<F>
  /** About the whole form (too many attempts, a failed sign-in): shown above the fields. */
  message?: string
}

/** What a form posts: text fields as strings; checkbox sets as lists. */
export type RawForm = Record<string, unknown>

/** The hidden field that people never see and bots fill in (the signup, report and interest forms). */
export const HONEYPOT_FIELD = 'webbplats'

/** Whether a robot filled in the hidden field. */
export const isHoneypotFilled = (raw: RawForm) => typeof raw[HONEYPOT_FIELD] === 'string' && raw[HONEYPOT_FIELD] !== ''

/** The first error of each field (the one shown beside it); an error of the whole object under 'form'. */
export function firstErrors<F extends string = string>(error: z.ZodError): FieldErrors<F | 'form'> {
  const errors: Record<string, string> = {}
  for (const issue of error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message
  return errors as FieldErrors<F | 'form'>
}

/** The form's own fields, as text: files and unknown fields are left out. */
export function readTextFields<F extends string>(fields: readonly F[], raw: RawForm): Partial<Record<F, string>> {
  const values: Partial<Record<F, string>> = {}
  for (const field of fields) {
    const v = raw[field]
    if (typeof v === 'string') values[field] = v
  }
  return values
}

/** A FormData as a plain object; keys that occur more than once (checkbox sets) become lists. */
export function formToRaw(formData: FormData, listKeys: readonly string[] = []): RawForm {
  const raw: RawForm = {}
  for (const key of new Set(formData.keys())) {
    if (key.startsWith('$')) continue // React's own fields for server actions
    const values = formData.getAll(key).filter((v): v is string => typeof v === 'string')
    raw[key] = listKeys.includes(key) ? values : values[0]
  }
  for (const key of listKeys) raw[key] ??= []
  return raw
}

/** What an organiser's save answers: the saved thing and any warnings, or the first error of each field. */
export type SaveResult<T> = { ok: true; value: T; warnings: string[] } | { ok: false; errors: FieldErrors }

/** Stored values as a form shows them again: a day, a Stockholm moment, a number, a ticked box. */
export const asFormText = {
  day: (d: Date | null) => (d ? d.toISOString().slice(0, 10) : ''),
  moment: (d: Date | null) => (d ? utcToStockholmLocal(d) : ''),
  number: (n: number | null) => (n === null ? '' : String(n)),
  checkbox: (b: boolean) => (b ? 'on' : ''),
}
