// The signup form's one schema. It checks shape only; rules that need the database (seats,
// duplicates, whether registration is open) are in registerParticipant. Shared by the server
// action and, being plain zod, usable in the browser too.
import { z } from 'zod'
import { checkbox, emailAddress, optionalText, requiredText, swedishMobile } from '../forms/fields'
import { firstErrors, readTextFields } from '../forms/form-state'
import type { OvernightChoice, ParticipantRole, RegistrationStatus } from '../generated/prisma/enums'

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
  return readTextFields(SIGNUP_FIELDS, raw)
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
      phone: swedishMobile,
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
      showInParticipantList: checkbox,
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

/** A registration's answers as stored (what the pages and lists show of a participant). */
export type StoredAnswers = {
  firstName: string
  lastName: string
  email: string
  phone: string
  organisation: string
  role: ParticipantRole
  dietaryNeeds: string | null
  overnight: OvernightChoice | null
  shareRoomWith: string | null
  otherInfo: string | null
}

export type SignupParseResult =
  | { ok: true; data: SignupInput; values: SignupValues }
  | { ok: false; values: SignupValues; fieldErrors: Partial<Record<SignupField, string>> }

/** Reads the form's fields (ignoring any others) and validates them. */
export function parseSignup(raw: Record<string, unknown>, trip: TripFormOptions): SignupParseResult {
  const values = readSignupValues(raw)
  const result = signupSchema(trip).safeParse(values)
  if (result.success) return { ok: true, data: result.data, values }
  return { ok: false, values, fieldErrors: firstErrors<SignupField>(result.error) }
}
