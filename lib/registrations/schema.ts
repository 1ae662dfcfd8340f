// The signup form's one schema. It checks shape only; rules that need the database (seats,
// duplicates, whether registration is open) are in registerParticipant. Shared by the server
// action and, being plain zod, usable in the browser too.
import { z } from 'zod'
import type { OvernightChoice, ParticipantRole, RegistrationStatus } from '../generated/prisma/enums'

/** An e-mail address as people type it (trimmed, lower-cased), with the Swedish answers: the signup, lost-link and interest forms'. */
export const emailAddress = z
  .string({ error: 'Fyll i e-post.' })
  .trim()
  .toLowerCase()
  .min(1, { error: 'Fyll i e-post.' })
  .max(254, { error: 'E-postadressen är för lång.' })
  .pipe(z.email({ error: 'Skriv en giltig e-postadress, t.ex. namn@exempel.se.' }))

/** The form's choices: the value posted, the label shown, the stored enum. */
export const ROLE_OPTIONS = [
  { value: 'foretagare', label: 'Företagare', role: 'BUSINESS_OWNER' },
  { value: 'fortroendevald', label: 'Förtroendevald', role: 'ELECTED_OFFICIAL' },
  { value: 'tjansteperson', label: 'Tjänsteperson', role: 'CIVIL_SERVANT' },
  { value: 'annan', label: 'Annan', role: 'OTHER' },
] as const satisfies readonly { value: string; label: string; role: ParticipantRole }[]

export const OVERNIGHT_OPTIONS = [
  { value: 'enkelrum', label: 'Enkelrum', overnight: 'SINGLE_ROOM' },
  { value: 'dubbelrum', label: 'Dela dubbelrum', overnight: 'SHARED_DOUBLE' },
  { value: 'ingen', label: 'Ingen övernattning', overnight: 'NONE' },
] as const satisfies readonly { value: string; label: string; overnight: OvernightChoice }[]

export const roleLabel = (role: ParticipantRole) => ROLE_OPTIONS.find((o) => o.role === role)!.label
export const overnightLabel = (choice: OvernightChoice) =>
  OVERNIGHT_OPTIONS.find((o) => o.overnight === choice)!.label

/** The names of the form's fields, as posted. */
export const SIGNUP_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'organisation',
  'role',
  'dietaryNeeds',
  'overnight',
  'shareRoomWith',
  'boardingStopId',
  'otherInfo',
  'showInParticipantList',
  'privacyAccepted',
] as const
export type SignupField = (typeof SIGNUP_FIELDS)[number]
/** What the person typed, kept as text so that a failed form shows it again unchanged. */
export type SignupValues = Partial<Record<SignupField, string>>

/** The fields' labels as the form shows them (DESIGN.md: users and tests find fields by these). */
export const SIGNUP_LABELS: Record<SignupField, string> = {
  firstName: 'Förnamn',
  lastName: 'Efternamn',
  email: 'E-post',
  phone: 'Mobilnummer',
  organisation: 'Organisation',
  role: 'Roll',
  dietaryNeeds: 'Specialkost eller allergier',
  overnight: 'Övernattning',
  shareRoomWith: 'Dela rum med',
  boardingStopId: 'Påstigning',
  otherInfo: 'Övrigt',
  showInParticipantList: 'Visas i deltagarlistan',
  privacyAccepted: 'Integritetsmeddelandet',
}

/** A registration's status as organisers and participants read it. */
export const STATUS_LABEL: Record<RegistrationStatus, string> = {
  CONFIRMED: 'Bekräftad',
  WAITLISTED: 'Reservlista',
  CANCELLED: 'Avbokad',
}

/** The names of the fields an audit entry records as changed: the form's, and the organisers' own. */
export const AUDIT_FIELD_LABELS: Record<string, string> = { ...SIGNUP_LABELS, status: 'Status', checkedInAt: 'Incheckad' }

/** The form's fields from posted data, text only (files and unknown fields are ignored). */
export function readSignupValues(raw: Record<string, unknown>): SignupValues {
  const values: SignupValues = {}
  for (const field of SIGNUP_FIELDS) {
    const v = raw[field]
    if (typeof v === 'string') values[field] = v
  }
  return values
}

// No control characters (C0, DEL, C1) nor bidirectional overrides, which can disguise text in
// the organisers' lists, nor half of a surrogate pair, which is no character at all (PostgreSQL
// would store U+FFFD instead). Multi-line fields may hold line breaks and tabs; one-line fields not.
const FORBIDDEN_ALWAYS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const FORBIDDEN_ONE_LINE = /[\t\n\r]/

function text(label: string, max: number, { multiline = false } = {}) {
  return z
    .string({ error: `Fyll i ${label}.` })
    .trim()
    .max(max, { error: `${capitalise(label)} får vara högst ${max} tecken.` })
    .refine((s) => !FORBIDDEN_ALWAYS.test(s) && (multiline || !FORBIDDEN_ONE_LINE.test(s)), {
      error: `${capitalise(label)} innehåller otillåtna tecken.`,
    })
}
export function requiredText(label: string, max: number, options?: { multiline?: boolean }) {
  return text(label, max, options).pipe(z.string().min(1, { error: `Fyll i ${label}.` }))
}
// (In zod 4 a key may be missing only when its schema is optional *before* any transform.)
export function optionalText(label: string, max: number, options?: { multiline?: boolean }) {
  return text(label, max, options)
    .optional()
    .transform((s) => (s ? s : null))
}
function capitalise(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

/**
 * Swedish mobile numbers as people type them: 070-123 45 67, 0701234567, +46 70 123 45 67,
 * 0046 70-123 45 67. Returns the number in E.164 form (+46701234567), or null.
 */
export function normaliseSwedishMobile(input: string): string | null {
  const compact = input.replace(/[\s\-().]/g, '')
  const national = compact.replace(/^(\+46|0046)0?/, '0')
  return /^07\d{8}$/.test(national) ? `+46${national.slice(1)}` : null
}

export type TripFormOptions = {
  hasOvernight: boolean
  boardingStopIds: number[]
}

export function signupSchema(trip: TripFormOptions) {
  const requiresStop = trip.boardingStopIds.length > 1
  return z
    .object({
      firstName: requiredText('förnamn', 100),
      lastName: requiredText('efternamn', 100),
      email: emailAddress,
      phone: z
        .string({ error: 'Fyll i mobilnummer.' })
        .trim()
        .min(1, { error: 'Fyll i mobilnummer.' })
        .max(30, { error: 'Skriv ett svenskt mobilnummer, t.ex. 070-123 45 67.' })
        .transform((s, ctx) => {
          const phone = normaliseSwedishMobile(s)
          if (!phone) {
            ctx.addIssue({ code: 'custom', message: 'Skriv ett svenskt mobilnummer, t.ex. 070-123 45 67.' })
            return z.NEVER
          }
          return phone
        }),
      organisation: requiredText('organisation', 200),
      role: z
        .enum(ROLE_OPTIONS.map((o) => o.value) as [string, ...string[]], { error: 'Välj din roll.' })
        .transform((v) => ROLE_OPTIONS.find((o) => o.value === v)!.role),
      dietaryNeeds: optionalText('specialkost eller allergier', 500, { multiline: true }),
      overnight: trip.hasOvernight
        ? z
            .enum(OVERNIGHT_OPTIONS.map((o) => o.value) as [string, ...string[]], {
              error: 'Välj övernattning.',
            })
            .transform((v) => OVERNIGHT_OPTIONS.find((o) => o.value === v)!.overnight)
        : z.unknown().optional().transform(() => null),
      shareRoomWith: optionalText('vem du vill dela rum med', 200),
      boardingStopId: requiresStop
        ? z.coerce
            .number({ error: 'Välj var du kliver på bussen.' })
            .int()
            .refine((id) => trip.boardingStopIds.includes(id), { error: 'Välj var du kliver på bussen.' })
        : z.unknown().optional().transform(() => trip.boardingStopIds[0] ?? null),
      otherInfo: optionalText('övrigt', 1000, { multiline: true }),
      showInParticipantList: z.unknown().optional().transform((v) => v === 'on' || v === 'true' || v === true),
      // A transform, not a refine: zod 4 skips refinements of a missing optional key.
      privacyAccepted: z
        .unknown()
        .optional()
        .transform((v, ctx) => {
          if (v === 'on' || v === 'true' || v === true) return true
          ctx.addIssue({ code: 'custom', message: 'Du behöver intyga att du har läst integritetsmeddelandet.' })
          return z.NEVER
        }),
    })
    .transform(({ privacyAccepted: _accepted, ...data }) => ({
      ...data,
      // Who you share a room with only means something when sharing.
      shareRoomWith: data.overnight === 'SHARED_DOUBLE' ? data.shareRoomWith : null,
    }))
}

export type SignupInput = z.output<ReturnType<typeof signupSchema>>

export type SignupParseResult =
  | { ok: true; data: SignupInput; values: SignupValues }
  | { ok: false; values: SignupValues; fieldErrors: Partial<Record<SignupField, string>> }

/** Reads the form's fields (ignoring any others) and validates them. */
export function parseSignup(raw: Record<string, unknown>, trip: TripFormOptions): SignupParseResult {
  const values = readSignupValues(raw)
  const result = signupSchema(trip).safeParse(values)
  if (result.success) return { ok: true, data: result.data, values }
  const fieldErrors: Partial<Record<SignupField, string>> = {}
  for (const issue of result.error.issues) {
    const field = issue.path[0] as SignupField
    fieldErrors[field] ??= issue.message
  }
  return { ok: false, values, fieldErrors }
}
