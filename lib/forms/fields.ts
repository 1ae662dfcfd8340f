// The form kit: every form's fields are built from these, with the site's Swedish answers, so a
// rule about what a field accepts (no control characters, no half of a surrogate pair) holds for
// all of them at once. Plain zod with no database, so the browser can load it too.
import { z } from 'zod'
import { stockholmLocalToUtc } from '../dates'
import { normaliseSwedishPhone } from '../phone'

// No control characters (C0, DEL, C1) nor bidirectional overrides, which can disguise text in
// the organisers' lists, nor half of a surrogate pair, which is no character at all (PostgreSQL
// would store U+FFFD instead). Multi-line fields may hold line breaks and tabs; one-line fields not.
const FORBIDDEN_ALWAYS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const FORBIDDEN_ONE_LINE = /[\t\n\r]/

export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

export type TextOptions = {
  multiline?: boolean
  /** Store line breaks as \n (the organisers' texts, rendered as Markdown); otherwise as typed. */
  normaliseLineBreaks?: boolean
  /** The answers when empty and when too long, where the form words them its own way. */
  missing?: string
  tooLong?: string
}

/** Text as typed, trimmed; the other text fields are built on it. */
export function text(label: string, max: number, options: TextOptions = {}) {
  const { multiline = false, normaliseLineBreaks = false } = options
  return z
    .string({ error: options.missing ?? `Fyll i ${label}.` })
    .transform((s) => (normaliseLineBreaks ? s.replace(/\r\n?/g, '\n') : s).trim())
    .pipe(
      z
        .string()
        .max(max, { error: options.tooLong ?? `${capitalise(label)} får vara högst ${max} tecken.` })
        .refine((s) => !FORBIDDEN_ALWAYS.test(s) && (multiline || !FORBIDDEN_ONE_LINE.test(s)), {
          error: `${capitalise(label)} innehåller otillåtna tecken.`,
        }),
    )
}

export function requiredText(label: string, max: number, options: TextOptions = {}) {
  return text(label, max, options).pipe(z.string().min(1, { error: options.missing ?? `Fyll i ${label}.` }))
}

/** Empty or missing: null. (In zod 4 a key may be missing only when its schema is optional before any transform.) */
export function optionalText(label: string, max: number, options: TextOptions = {}) {
  return text(label, max, options)
    .optional()
    .transform((s) => (s ? s : null))
}

/** An organiser's long text (Markdown): line breaks kept as \n; empty or missing: ''. */
export function longText(label: string, max: number) {
  return text(label, max, { multiline: true, normaliseLineBreaks: true })
    .optional()
    .transform((s) => s ?? '')
}

/** The one rule for an address, with the answer when it is not one. */
const emailFormat = (error: string) => z.email({ error })
const typedEmail = (required: boolean) => {
  const trimmed = z.string({ error: 'Fyll i e-post.' }).trim().toLowerCase()
  return (required ? trimmed.min(1, { error: 'Fyll i e-post.' }) : trimmed).max(254, { error: 'E-postadressen är för lång.' })
}

/** An e-mail address as people type it (trimmed, lower-cased), with the Swedish answers. */
export const emailAddress = typedEmail(true).pipe(emailFormat('Skriv en giltig e-postadress, t.ex. namn@exempel.se.'))

/** An e-mail address that may be left out (empty or missing: null). */
export const optionalEmailAddress = typedEmail(false)
  .pipe(z.union([z.literal(''), emailFormat('Skriv en giltig e-postadress, t.ex. namn@exempel.se, eller lämna fältet tomt.')]))
  .optional()
  .transform((s) => s || null)

/** Whether a string is an e-mail address (the sign-in): the same rule as the fields'. */
export const isEmailAddress = (s: string) => emailAddress.safeParse(s).success

/**
 * Swedish mobile numbers as people type them: 070-123 45 67, 0701234567, +46 70 123 45 67,
 * 0046 70-123 45 67. Returns the number in E.164 form (+46701234567), or null.
 */
export function normaliseSwedishMobile(input: string): string | null {
  const compact = input.replace(/[\s\-().]/g, '')
  const national = compact.replace(/^(\+46|0046)0?/, '0')
  return /^07\d{8}$/.test(national) ? `+46${national.slice(1)}` : null
}

const MOBILE_INVALID = 'Skriv ett svenskt mobilnummer, t.ex. 070-123 45 67.'
export const swedishMobile = z
  .string({ error: 'Fyll i mobilnummer.' })
  .trim()
  .min(1, { error: 'Fyll i mobilnummer.' })
  .max(30, { error: MOBILE_INVALID })
  .transform((s, ctx) => {
    const phone = normaliseSwedishMobile(s)
    if (!phone) {
      ctx.addIssue({ code: 'custom', message: MOBILE_INVALID })
      return z.NEVER
    }
    return phone
  })

const PHONE_INVALID = 'Skriv ett svenskt telefonnummer, t.ex. 0142-851 00 eller 070-123 45 67.'
/** Any Swedish number, landline or mobile (the organisers' contact phone), stored in E.164 form. */
export const swedishPhone = z
  .string({ error: 'Fyll i telefon.' })
  .trim()
  .min(1, { error: 'Fyll i telefon.' })
  .max(30, { error: PHONE_INVALID })
  .transform((s, ctx) => {
    const phone = normaliseSwedishPhone(s)
    if (!phone) {
      ctx.addIssue({ code: 'custom', message: PHONE_INVALID })
      return z.NEVER
    }
    return phone
  })

/** A ticked checkbox posts "on"; an unticked one nothing. */
export const checkbox = z
  .unknown()
  .optional()
  .transform((v) => v === 'on' || v === 'true' || v === true)

export function integer(label: string, { min, max, required }: { min: number; max: number; required: boolean }) {
  return z
    .unknown()
    .optional()
    .transform((v, ctx) => {
      const s = (typeof v === 'string' ? v : '').replace(/\s/g, '')
      if (s === '') {
        if (required) ctx.addIssue({ code: 'custom', message: `Fyll i ${label}.` })
        return null
      }
      if (!/^-?\d+$/.test(s)) {
        ctx.addIssue({ code: 'custom', message: `${capitalise(label)} ska vara ett heltal.` })
        return null
      }
      const n = Number(s)
      if (n < min || n > max) {
        // As Swedes write numbers: "100 000" (with a no-break space, so it never wraps).
        const sv = (x: number) => x.toLocaleString('sv-SE')
        ctx.addIssue({ code: 'custom', message: `${capitalise(label)} ska vara mellan ${sv(min)} och ${sv(max)}.` })
        return null
      }
      return n
    })
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
/** A calendar day (YYYY-MM-DD) as midnight UTC, as DATE columns store it; not a real day: null. */
export function validDate(s: string): Date | null {
  const m = DATE.exec(s)
  if (!m) return null
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return d.toISOString().slice(0, 10) === s ? d : null
}

const unknownText = (v: unknown) => (typeof v === 'string' ? v.trim() : '')

/** A calendar day typed as YYYY-MM-DD: its text and its day (null when empty or no real day). */
function day(label: string, required: boolean) {
  return z
    .unknown()
    .optional()
    .transform((v, ctx) => {
      const text = unknownText(v)
      const date = validDate(text)
      if (!date && (text || required))
        ctx.addIssue({ code: 'custom', message: text ? `Skriv ${label} som ÅÅÅÅ-MM-DD, t.ex. 2027-05-20.` : `Fyll i ${label}.` })
      return { text, date }
    })
}

/** A calendar day typed as YYYY-MM-DD, as midnight UTC; empty: null. */
export const optionalDate = (label: string) => day(label, false).transform((d) => d.date)

/** A calendar day that must be given, kept as its text YYYY-MM-DD. */
export const requiredDay = (label: string) => day(label, true).transform((d) => d.text)

function validTime(s: string): boolean {
  const m = /^(\d{2}):(\d{2})$/.exec(s)
  return Boolean(m && Number(m[1]) < 24 && Number(m[2]) < 60)
}

/** A moment typed in Stockholm time (datetime-local: YYYY-MM-DDTHH:MM), as UTC; empty: null. */
export function optionalMoment(label: string) {
  return z
    .unknown()
    .optional()
    .transform((v, ctx) => {
      const s = unknownText(v).replace(' ', 'T')
      if (s === '') return null
      const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2})?$/.exec(s)
      const moment = m && validDate(m[1]!) && validTime(m[2]!) ? stockholmLocalToUtc(m[1]!, m[2]!) : null
      if (!moment) ctx.addIssue({ code: 'custom', message: `Skriv ${label} som datum och klockslag, t.ex. 2027-04-30 23:59.` })
      return moment
    })
}

/** A clock time typed as HH:MM (or H.MM, as Swedes write it), normalised to HH:MM. */
export function time(label: string, required: boolean) {
  return z
    .unknown()
    .optional()
    .transform((v, ctx) => {
      const s = unknownText(v).replace('.', ':').replace(/^(\d):/, '0$1:')
      if (s === '') {
        if (required) ctx.addIssue({ code: 'custom', message: `Fyll i ${label}.` })
        return null
      }
      if (!validTime(s)) {
        ctx.addIssue({ code: 'custom', message: `Skriv ${label} som TT:MM, t.ex. 09:30.` })
        return null
      }
      return s
    })
}

const RESERVED_SLUGS = new Set(['ny'])
/** The name of a page in its address (/resor/2027-boras). */
export const slug = z
  .string({ error: 'Fyll i adressnamn.' })
  .trim()
  .min(1, { error: 'Fyll i adressnamn.' })
  .max(80, { error: 'Adressnamnet får vara högst 80 tecken.' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'Adressnamnet får bara innehålla små bokstäver a–z, siffror och enkla bindestreck (t.ex. 2027-boras).',
  })
  .refine((s) => !RESERVED_SLUGS.has(s), { error: 'Adressnamnet ”ny” är reserverat. Välj ett annat.' })
