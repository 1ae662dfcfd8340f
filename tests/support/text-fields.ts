// Every form's text fields, found from its schema itself (so a field added to a form is covered
// by the tests that use this without anyone listing it): a field holds text when the form,
// valid otherwise, accepts a word typed into it and keeps that word in what it stores.
import { z } from 'zod'
import { emailAddress } from '../../lib/forms/fields'
import { messageSchema } from '../../lib/admin/messages'
import { reportSchema } from '../../lib/accessibility/report'
import { signupSchema } from '../../lib/registrations/schema'
import { privacySettingsSchema, rateLimitSettingsSchema, retentionSettingsSchema, siteSettingsSchema } from '../../lib/settings/edit'
import { tripSchema } from '../../lib/trips/edit'
import { hostCitySchema } from '../../lib/trips/host-city-edit'
import { programmeItemSchema } from '../../lib/trips/programme'
import { signupValues } from './factories'

/** The characters no text field may hold: halves of surrogate pairs, a control character, a bidirectional override. */
export const FORBIDDEN = { 'a lone high surrogate': '\uD800', 'a lone low surrogate': '\uDC00', 'BEL (U+0007)': '\u0007', 'RLO (U+202E)': '\u202E' }

/** What a refused field is told: Swedish, naming what is wrong. */
export const REFUSAL = /^[A-ZÅÄÖ].* (innehåller otillåtna tecken|giltig e-postadress).*\.$/

const WORD = 'Textprov'

/** The keys of an object schema, also behind a transform (signupSchema) or refinements. */
export function fieldsOf(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape)
  if (schema instanceof z.ZodPipe) return fieldsOf(schema.in as z.ZodType)
  throw new Error('not an object schema')
}

export type TextField = { name: string; multiline: boolean }

/** The form's text fields, with whether each may hold line breaks. */
export function textFieldsOf(schema: z.ZodType, valid: Record<string, unknown>): TextField[] {
  const parsed = schema.safeParse(valid)
  if (!parsed.success) throw new Error(`the valid answers are refused: ${JSON.stringify(parsed.error.issues)}`)
  return fieldsOf(schema).flatMap((name) => {
    const typed = `${typeof valid[name] === 'string' ? valid[name] : ''}${WORD}`
    const result = schema.safeParse({ ...valid, [name]: typed })
    if (!result.success || !JSON.stringify(result.data).toLowerCase().includes(WORD.toLowerCase())) return []
    const multiline = schema.safeParse({ ...valid, [name]: `${typed}\nRad två` }).success
    return [{ name, multiline }]
  })
}

/** A value for the field: its valid answer (or a word) with the character in it. */
export function withCharacter(valid: Record<string, unknown>, name: string, character: string): string {
  const typed = typeof valid[name] === 'string' && valid[name] !== '' ? (valid[name] as string) : WORD
  // Before the last character: inside the text, where trimming cannot take it away (and, in an
  // e-mail address, in its domain, which a lone surrogate or control character cannot be part of).
  return `${typed.slice(0, -1)}${character}${typed.slice(-1)}`
}

// ---- Every form of the site, with answers that pass ----

export const VALID_TRIP = {
  slug: 'studieresan',
  year: String(new Date().getUTCFullYear() + 1),
  title: 'Studieresa',
  summary: 'En resa.',
  description: 'Om resan.',
  departureText: 'Kl. 06.30',
  returnText: 'Kl. 20',
  accommodation: 'Hotell',
  seats: '40',
  reminderDaysBefore: '3',
  boardingStops: 'Mjölby station',
  hostCityIds: [],
}
export const VALID_PROGRAMME_ITEM = { day: '', startTime: '09:00', endTime: '10:00', title: 'Besök', place: 'Rådhuset', participants: 'Kommunchefen' }
export const VALID_HOST_CITY = { slug: 'orten', name: 'Orten', county: 'Länet', population: '1000', portrait: 'Om orten.' }
export const VALID_CONTACT = {
  organiserName: 'Mjölby kommun',
  phone: '0142-850 00',
  phoneHours: 'Vardagar 8–16',
  email: 'info@example.se',
  postalAddress: 'Box 1\n595 80 Mjölby',
  visitingAddress: 'Burensköldsvägen 11',
}
export const VALID_PRIVACY = { privacyController: 'Kommunstyrelsen', dataProtectionContact: 'Dataskyddsombudet', privacyLegalBasis: 'Allmänt intresse.', privacyRecipients: 'Bussbolaget.' }
export const VALID_RETENTION = { retentionMonths: '12', dietaryRetentionDays: '30', sentEmailRetentionDays: '30' }
export const VALID_RATE_LIMITS = Object.fromEntries(fieldsOf(rateLimitSettingsSchema).map((name) => [name, '10']))
// Sharing a double room, so that "Dela rum med" is kept too.
export const VALID_SIGNUP = signupValues({ email: 'anna@example.se', overnight: 'dubbelrum', shareRoomWith: 'Bo Berg', dietaryNeeds: 'Vegetarisk', otherInfo: 'Inget' })
export const VALID_REPORT = { description: 'Knappen går inte att nå.', page: '/resor', email: 'svar@example.se' }
export const VALID_MESSAGE = { audience: 'all', subject: 'Avresan', body: 'Bussen går kl. 06.30.' }
export const VALID_EMAIL_ONLY = { email: 'anna@example.se' }

/** The lost-link and interest forms have one field, read with the kit's e-mail address. */
export const emailOnlySchema = z.object({ email: emailAddress })

/** The trip options the signup schema is made for: with a night away, one boarding stop. */
export const SIGNUP_TRIP = { hasOvernight: true, boardingStopIds: [1] }

export const SCHEMAS = {
  trip: [tripSchema, VALID_TRIP],
  'programme item': [programmeItemSchema, { ...VALID_PROGRAMME_ITEM, day: '2030-05-20' }],
  'host city': [hostCitySchema, VALID_HOST_CITY],
  'contact settings': [siteSettingsSchema, VALID_CONTACT],
  'privacy notice': [privacySettingsSchema, VALID_PRIVACY],
  retention: [retentionSettingsSchema, VALID_RETENTION],
  'rate limits': [rateLimitSettingsSchema, VALID_RATE_LIMITS],
  'signup and edit': [signupSchema(SIGNUP_TRIP), VALID_SIGNUP],
  'accessibility report': [reportSchema, VALID_REPORT],
  message: [messageSchema, VALID_MESSAGE],
  'lost link and interest list': [emailOnlySchema, VALID_EMAIL_ONLY],
} satisfies Record<string, [z.ZodType, Record<string, unknown>]>
