// Property-based tests (fast-check) of the signup and of changing one's answers: the domain
// functions the two server actions are thin shells over (submitSignup, updateRegistration), fed
// thousands of random and hostile payloads as Object.fromEntries(formData) gives them, and worse:
// huge strings, control characters, lone surrogates, bidirectional overrides, markup, SQL, emoji,
// look-alike e-mail addresses, wrong types, missing and extra fields. Whatever comes in: nothing
// throws, invalid input stores nothing and is answered in Swedish, valid input is stored once,
// exactly as normalised.
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '../../lib/db'
import type { Registration } from '../../lib/generated/prisma/client'
import { OVERNIGHT_OPTIONS, ROLE_OPTIONS, SIGNUP_FIELDS, type SignupField } from '../../lib/registrations/schema'
import { HONEYPOT_FIELD } from '../../lib/forms/form-state'
import { submitSignup } from '../../lib/registrations/signup'
import { updateRegistration } from '../../lib/registrations/update'
import { createTestTrip } from '../support/factories'

// Another test file's concern: here every signup must reach validation and the database.
beforeAll(() => {
  process.env.RATE_LIMITS = 'off'
})

// Before the trip's change deadline (the trip starts 2027-05-20).
const NOW = new Date('2027-01-01T12:00:00Z')

// ----- What the form promises (DESIGN.md and the form's texts), written out independently ------

/** Every message a field may be answered with: Swedish, from the form's own texts. */
const SWEDISH_MESSAGES = [
  /^Fyll i (förnamn|efternamn|e-post|mobilnummer|organisation)\.$/,
  /^(Förnamn|Efternamn|Organisation|Vem du vill dela rum med|Specialkost eller allergier|Övrigt) får vara högst \d+ tecken\.$/,
  /^(Förnamn|Efternamn|Organisation|Vem du vill dela rum med|Specialkost eller allergier|Övrigt) innehåller otillåtna tecken\.$/,
  /^E-postadressen är för lång\.$/,
  /^Skriv en giltig e-postadress, t\.ex\. namn@exempel\.se\.$/,
  /^Skriv ett svenskt mobilnummer, t\.ex\. 070-123 45 67\.$/,
  /^Välj din roll\.$/,
  /^Välj övernattning\.$/,
  /^Välj var du kliver på bussen\.$/,
  /^Du behöver intyga att du har läst integritetsmeddelandet\.$/,
  /^Den här e-postadressen är redan anmäld till resan\.$/,
  /^Påstigningsplatsen finns inte längre\. Välj en annan\.$/,
]

function expectSwedishFieldErrors(fieldErrors: Partial<Record<string, string>>) {
  const entries = Object.entries(fieldErrors)
  expect(entries.length).toBeGreaterThan(0)
  for (const [field, message] of entries) {
    expect(SIGNUP_FIELDS).toContain(field)
    expect(SWEDISH_MESSAGES.some((m) => m.test(message ?? '')), `${field}: ${message}`).toBe(true)
  }
}

const ONE_LINE = { firstName: 100, lastName: 100, organisation: 200, shareRoomWith: 200 } as const
const MULTI_LINE = { dietaryNeeds: 500, otherInfo: 1000 } as const
// Control characters (C0 but for tab and line breaks, DEL, C1), bidirectional overrides and
// isolates, and halves of surrogate pairs: none may be stored.
const NEVER_STORED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** What any stored registration must look like, whatever was posted. */
function expectWellFormedRow(row: Registration, trip: { id: number; boardingStops: { id: number }[] }) {
  for (const [field, max] of Object.entries({ ...ONE_LINE, ...MULTI_LINE })) {
    const value = row[field as keyof typeof ONE_LINE | keyof typeof MULTI_LINE]
    if (value === null) {
      expect(['dietaryNeeds', 'otherInfo', 'shareRoomWith']).toContain(field)
      continue
    }
    expect(value.length, field).toBeGreaterThan(0)
    expect(value.length, field).toBeLessThanOrEqual(max)
    expect(value, field).toBe(value.trim())
    expect(NEVER_STORED.test(value), `${field}: ${JSON.stringify(value.slice(0, 50))}`).toBe(false)
    if (field in ONE_LINE) expect(/[\t\n\r]/.test(value), field).toBe(false)
  }
  expect(row.email).toMatch(/^[a-z0-9._%+'-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/)
  expect(row.email.length).toBeLessThanOrEqual(254)
  expect(row.phone).toMatch(/^\+467\d{8}$/)
  expect(row.tripId).toBe(trip.id)
  expect(trip.boardingStops.map((s) => s.id)).toContain(row.boardingStopId)
  if (row.overnight !== 'SHARED_DOUBLE') expect(row.shareRoomWith).toBeNull()
}

// ----- Arbitraries ---------------------------------------------------------------------------

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c))
const controlCharacter = fc
  .oneof(fc.integer({ min: 0, max: 0x08 }), fc.integer({ min: 0x0b, max: 0x0c }), fc.integer({ min: 0x0e, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f }))
  .map((c) => String.fromCharCode(c))
const bidiControl = fc.constantFrom('\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069')
/** Characters no field may hold. */
const forbiddenCharacter = fc.oneof(controlCharacter, bidiControl, loneSurrogate, fc.constant('\u0000'))

/** Text that is hostile to someone but fine as an answer: it must be stored as it is, and shown escaped. */
const HOSTILE_BUT_VALID = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "'; DROP TABLE \"Registration\"; --",
  "' OR '1'='1",
  'Robert\'); DELETE FROM "Trip"; --',
  '${7*7} {{7*7}} #{7*7}',
  '=HYPERLINK("http://exempel.se")',
  '../../etc/passwd %00 %s %n',
  '&lt;b&gt; &amp; &#x27;',
  '👩‍👩‍👧‍👦🚌🇸🇪',
  'Zoë Ångström-Öberg',
  'مرحبا שלום',
  'Z̷̢̛a̶l̸g̵o̴',
  '\uFEFF\u200B\u200D',
  'null',
  'undefined',
  '[object Object]',
  '__proto__',
]
const hostileText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_BUT_VALID) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  {
    weight: 3,
    arbitrary: fc.string({
      unit: fc.oneof(forbiddenCharacter, fc.constantFrom(...HOSTILE_BUT_VALID), fc.string({ unit: 'grapheme-ascii', maxLength: 4 }), fc.constantFrom(' ', '\t', '\n', '\r\n')),
      maxLength: 8,
    }),
  },
)
/** 100,000 characters and more: one repeated character, or a hostile text repeated. */
const hugeText = fc
  .tuple(fc.constantFrom('x', 'å', '<', '😀', ' ', '\u0000', "'; DROP TABLE x; --", '<script>'), fc.integer({ min: 100_000, max: 100_100 }))
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)))
/** Whatever is not a string: Object.fromEntries(formData) gives File for file inputs; the rest is worse. */
const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.bigInt(),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  fc.constant(new File(['<script>alert(1)</script>'], 'anna.html', { type: 'text/html' })),
  fc.constant(new Date(0)),
  // An object that fails whenever anything turns it into text.
  fc.constant({
    toString() {
      throw new Error('toString')
    },
    valueOf() {
      throw new Error('valueOf')
    },
  }),
)
const anyValue = fc.oneof({ weight: 6, arbitrary: hostileText }, { weight: 1, arbitrary: hugeText }, { weight: 2, arbitrary: wrongType })

/** Fields the form does not have, some named like the columns they must never reach. */
const extraFields = fc.dictionary(
  fc.oneof(fc.constantFrom('id', 'tripId', 'status', 'privacyAcceptedAt', 'checkedInAt', 'anonymisedAt', '$ACTION_KEY', 'constructor', 'toString'), fc.string({ maxLength: 12 })),
  anyValue,
  { maxKeys: 4 },
).map((extra) => {
  for (const key of [...SIGNUP_FIELDS, HONEYPOT_FIELD]) delete extra[key]
  return extra
})

const padding = fc.constantFrom('', ' ', '  ', '\t', '\n', '\u00A0', ' \r\n ')
const pad = (text: fc.Arbitrary<string>) => fc.tuple(padding, text, padding).map(([a, t, b]) => a + t + b)

/** Text a person might type into a one-line field: letters of any script, hostile-but-valid text. */
function validText(max: number, { multiline = false } = {}) {
  const inner = fc
    .oneof(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
      fc.constantFrom(...HOSTILE_BUT_VALID),
      fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 30 }),
      multiline ? fc.constantFrom('Glutenfritt\nInga nötter', 'Rad ett\r\nRad två\tmed tabb') : fc.constant('Anna'),
    )
    .filter((s) => {
      const t = s.trim()
      return t.length > 0 && t.length <= max && !NEVER_STORED.test(t) && (multiline || !/[\t\n\r]/.test(t))
    })
  return pad(inner)
}

let emailCounter = 0
/** A valid address, unique per run, in whatever case; stored lowercase and trimmed. */
const validEmail = fc
  .tuple(fc.stringMatching(/^[a-zA-Z0-9]([a-zA-Z0-9._+-]{0,20}[a-zA-Z0-9])?$/), fc.constantFrom('example.se', 'Mjolby.SE', 'sub.exempel.nu'))
  .filter(([local]) => !local.includes('..'))
  .map(([local, domain]) => `${local}.${++emailCounter}@${domain}`)

/** A Swedish mobile number written as people write it, with its E.164 form. */
const validPhone = fc
  .tuple(
    fc.constantFrom('0', '+46', '+46 ', '+460', '0046', '0046 '),
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 }),
    fc.array(fc.constantFrom('', ' ', '-', '.', '(', ')'), { minLength: 9, maxLength: 9 }),
  )
  .map(([prefix, digits, separators]) => {
    const national = `7${digits.join('')}`
    const written = prefix + [...national].map((d, i) => d + separators[i]!).join('')
    return { written, e164: `+46${national}` }
  })

type Trip = Awaited<ReturnType<typeof createTestTrip>>

/** A correctly filled form for `trip` (overnight, two boarding stops), and the row it must give. */
function validAnswers(trip: Trip) {
  return fc
    .record({
      firstName: validText(100),
      lastName: validText(100),
      email: pad(validEmail),
      phone: validPhone,
      organisation: validText(200),
      role: fc.constantFrom(...ROLE_OPTIONS),
      overnight: fc.constantFrom(...OVERNIGHT_OPTIONS),
      shareRoomWith: fc.option(validText(200), { nil: undefined }),
      boardingStop: fc.constantFrom(...trip.boardingStops),
      dietaryNeeds: fc.option(fc.oneof(validText(500, { multiline: true }), padding), { nil: undefined }),
      otherInfo: fc.option(fc.oneof(validText(1000, { multiline: true }), padding), { nil: undefined }),
      showInParticipantList: fc.constantFrom(undefined, 'on', 'true'),
      privacyAccepted: fc.constantFrom('on', 'true'),
      extra: extraFields,
    })
    .map((a) => {
      const raw: Record<string, unknown> = {
        ...a.extra,
        firstName: a.firstName,
        lastName: a.lastName,
        email: a.email,
        phone: a.phone.written,
        organisation: a.organisation,
        role: a.role.value,
        overnight: a.overnight.value,
        boardingStopId: String(a.boardingStop.id),
        privacyAccepted: a.privacyAccepted,
        [HONEYPOT_FIELD]: '',
      }
      if (a.shareRoomWith !== undefined) raw.shareRoomWith = a.shareRoomWith
      if (a.dietaryNeeds !== undefined) raw.dietaryNeeds = a.dietaryNeeds
      if (a.otherInfo !== undefined) raw.otherInfo = a.otherInfo
      if (a.showInParticipantList !== undefined) raw.showInParticipantList = a.showInParticipantList
      const optional = (s: string | undefined) => (s?.trim() ? s.trim() : null)
      const expected = {
        firstName: a.firstName.trim(),
        lastName: a.lastName.trim(),
        email: a.email.trim().toLowerCase(),
        phone: a.phone.e164,
        organisation: a.organisation.trim(),
        role: a.role.role,
        overnight: a.overnight.overnight,
        shareRoomWith: a.overnight.overnight === 'SHARED_DOUBLE' ? optional(a.shareRoomWith) : null,
        boardingStopId: a.boardingStop.id,
        dietaryNeeds: optional(a.dietaryNeeds),
        otherInfo: optional(a.otherInfo),
        showInParticipantList: a.showInParticipantList !== undefined,
      }
      return { raw, expected }
    })
}

const REQUIRED: SignupField[] = ['firstName', 'lastName', 'email', 'phone', 'organisation', 'role', 'overnight', 'boardingStopId', 'privacyAccepted']
const TEXT_LIMITS: Partial<Record<SignupField, number>> = { ...ONE_LINE, ...MULTI_LINE, email: 254 }

/**
 * One change that makes a field invalid, whatever the other fields hold: the field the answer must
 * name. `undefined` as the value means the field is not posted at all.
 */
type Invalidation = { field: SignupField; value: unknown }
const change =
  (field: SignupField) =>
  (value: unknown): Invalidation => ({ field, value })

function invalidation(trip: Trip): fc.Arbitrary<Invalidation> {
  const stopIds = trip.boardingStops.map((s) => s.id)
  const notAString = wrongType.filter((v) => typeof v !== 'string')
  const blank = fc.constantFrom('', ' ', '\t', '\n', '\u00A0', '\r\n')
  // Between two letters, so that trimming cannot take it away.
  const withForbidden = (oneLine: boolean) =>
    fc
      .tuple(fc.string({ maxLength: 10 }), oneLine ? fc.oneof(forbiddenCharacter, fc.constantFrom('\t', '\n', '\r')) : forbiddenCharacter, fc.string({ maxLength: 10 }))
      .map(([a, bad, b]) => `A${a}${bad}${b}Z`)
  const tooLong = (max: number) =>
    fc.oneof(
      fc.integer({ min: max + 1, max: max + 50 }).map((n) => 'ö'.repeat(n)),
      fc.constant('x'.repeat(100_000)),
      fc.constant(`<script>${'a'.repeat(max)}</script>`),
    )
  const missingOrBlank = (field: SignupField) => fc.oneof<fc.Arbitrary<unknown>[]>(fc.constant(undefined), notAString, blank).map(change(field))

  return fc.oneof(
    // Required and missing, blank, or not text.
    fc.constantFrom(...REQUIRED).chain((field) =>
      field === 'privacyAccepted'
        ? fc.constantFrom<unknown>(undefined, '', 'off', 'false', 'nej', 'ON', 0, null, 'on ').map(change(field))
        : missingOrBlank(field),
    ),
    // Characters no text field takes.
    fc.constantFrom<SignupField>('firstName', 'lastName', 'organisation', 'shareRoomWith', 'dietaryNeeds', 'otherInfo').chain((field) =>
      withForbidden(field in ONE_LINE).map(change(field)),
    ),
    // Longer than the field takes, even after trimming.
    fc.constantFrom(...(Object.keys(TEXT_LIMITS) as SignupField[])).chain((field) =>
      tooLong(TEXT_LIMITS[field]!).map((value) => change(field)(field === 'email' ? `${value}@example.se` : value)),
    ),
    // Not an e-mail address: look-alike letters, markup, SQL, missing parts.
    fc
      .constantFrom(
        'аnna@example.se', // Cyrillic а
        'anna@exаmple.se',
        'anna@example',
        'anna.example.se',
        '@example.se',
        'anna@',
        'an na@example.se',
        '<script>@example.se',
        "anna'; DROP TABLE x;--@example.se",
        '"anna"@example.se',
        '.anna@example.se',
        'anna..b@example.se',
        'anna@example.se\u0000',
        'anna@example.se\u202E',
        'anna\n@example.se',
        'anna@-example.se',
        'anna@@example.se',
        'anna@example.s',
        'ånna@example.se',
        'anna@😀.se',
      )
      .map(change('email')),
    // Not a Swedish mobile number.
    fc
      .oneof(
        fc.constantFrom('12345', '070-123 45 6', '070-123 45 678', '+47 70 123 45 67', '013-12 34 56', '08-123 456 78', '0701234567x', '０７０１２３４５６７', '070\u00001234567', "070'; DROP TABLE x", '46701234567'),
        fc.string({ unit: 'grapheme-ascii', maxLength: 12 }).filter((s) => !/\d{6}/.test(s)),
      )
      .map(change('phone')),
    // Not one of the choices.
    fc.constantFrom('admin', 'BUSINESS_OWNER', 'Företagare', 'foretagare ', 'FORETAGARE', '<script>', "' OR 1=1 --").map(change('role')),
    fc.constantFrom('SINGLE_ROOM', 'Enkelrum', 'svit', 'enkelrum\u0000', '1').map(change('overnight')),
    fc
      .oneof(
        fc.integer({ min: -1_000_000, max: 1_000_000 }).filter((id) => !stopIds.includes(id)).map(String),
        fc.constantFrom('abc', '1.5', 'NaN', 'Infinity', '-0.1', '1e400', "1; DROP TABLE x", '<script>'),
      )
      .map(change('boardingStopId')),
  )
}

/** A valid form with one to three fields made invalid: the answer must name each of them. */
function invalidAnswers(trip: Trip) {
  return fc.tuple(validAnswers(trip), fc.array(invalidation(trip), { minLength: 1, maxLength: 3 })).map(([{ raw }, changes]) => {
    const changed = { ...raw }
    for (const { field, value } of changes) {
      if (value === undefined) delete changed[field]
      else changed[field] = value
    }
    return { raw: changed, fields: [...new Set(changes.map((c) => c.field))] }
  })
}

const KEEP = Symbol('keep')

/** Anything at all: each field missing, valid-looking, hostile, huge or of the wrong type. */
function anyPayload(trip: Trip) {
  const fieldValue = fc.oneof({ weight: 3, arbitrary: anyValue }, { weight: 1, arbitrary: fc.constant(undefined) })
  return fc
    .tuple(
      validAnswers(trip),
      // Each field replaced one time in seven, so that some payloads still pass.
      fc.record(Object.fromEntries(SIGNUP_FIELDS.map((f) => [f, fc.oneof({ weight: 6, arbitrary: fc.constant(KEEP) }, { weight: 1, arbitrary: fieldValue })]))),
      // The honeypot filled in one time in ten.
      fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: anyValue }),
    )
    .map(([{ raw }, replacements, honeypot]) => {
      const payload: Record<string, unknown> = { ...raw }
      for (const [field, value] of Object.entries(replacements)) {
        if (value === KEEP) continue
        if (value === undefined) delete payload[field]
        else payload[field] = value
      }
      if (honeypot !== null) payload[HONEYPOT_FIELD] = honeypot
      return payload
    })
}

async function tripWithStops() {
  return createTestTrip(db(), { seats: 5, boardingStops: ['Mjölby resecentrum', 'Mantorp', 'Skänninge'] })
}

const rowFields = (row: Registration) => ({
  firstName: row.firstName,
  lastName: row.lastName,
  email: row.email,
  phone: row.phone,
  organisation: row.organisation,
  role: row.role,
  overnight: row.overnight,
  shareRoomWith: row.shareRoomWith,
  boardingStopId: row.boardingStopId,
  dietaryNeeds: row.dietaryNeeds,
  otherInfo: row.otherInfo,
  showInParticipantList: row.showInParticipantList,
})

// ----- The signup -----------------------------------------------------------------------------

/**
 * The number of registrations, read once after each run: a run compares it with what the run
 * before left (a query less per run than counting before and after).
 */
async function registrationCount() {
  let last = await db().registration.count()
  return async () => {
    const before = last
    last = await db().registration.count()
    return { before, after: last }
  }
}

describe('submitSignup, property-based', () => {
  it('stores a valid form exactly once, as normalised, whatever hostile text it holds and whatever extra fields come with it', async () => {
    const trip = await tripWithStops()
    const count = await registrationCount()
    await fc.assert(
      fc.asyncProperty(validAnswers(trip), async ({ raw, expected }) => {
        const outcome = await submitSignup(trip.slug, raw)
        const { before, after } = await count()
        expect(outcome.kind).toBe('registered')
        expect(after).toBe(before + 1)
        const row = await db().registration.findFirstOrThrow({ orderBy: { id: 'desc' } })
        expect(rowFields(row)).toEqual(expected)
        expectWellFormedRow(row, trip)
        // Extra fields named like columns reach none of them (no cancellations here: the first
        // `seats` registrations are the confirmed ones).
        expect(row.status).toBe(before < trip.seats ? 'CONFIRMED' : 'WAITLISTED')
        expect(row.checkedInAt).toBeNull()
        expect(row.anonymisedAt).toBeNull()
      }),
      { numRuns: 200 },
    )
  })

  it('refuses a form with invalid fields: stores nothing and names each field in Swedish', async () => {
    const trip = await tripWithStops()
    const count = await registrationCount()
    await fc.assert(
      fc.asyncProperty(invalidAnswers(trip), async ({ raw, fields }) => {
        const outcome = await submitSignup(trip.slug, raw)
        const { before, after } = await count()
        expect(after).toBe(before)
        expect(outcome.kind).toBe('invalid')
        if (outcome.kind !== 'invalid') return
        for (const field of fields) expect(outcome.fieldErrors, field).toHaveProperty(field)
        expectSwedishFieldErrors(outcome.fieldErrors)
      }),
      { numRuns: 800 },
    )
  })

  it('never throws on anything posted; stores only well-formed rows and answers every error in Swedish', async () => {
    const trip = await tripWithStops()
    const count = await registrationCount()
    const seen: Record<string, number> = {}
    await fc.assert(
      fc.asyncProperty(anyPayload(trip), async (raw) => {
        const outcome = await submitSignup(trip.slug, raw)
        seen[outcome.kind] = (seen[outcome.kind] ?? 0) + 1
        const { before, after } = await count()
        switch (outcome.kind) {
          case 'registered': {
            expect(after).toBe(before + 1)
            expectWellFormedRow(await db().registration.findFirstOrThrow({ orderBy: { id: 'desc' } }), trip)
            break
          }
          case 'invalid':
            expect(after).toBe(before)
            expectSwedishFieldErrors(outcome.fieldErrors)
            break
          case 'dropped':
          case 'already-registered':
            expect(after).toBe(before)
            break
          default:
            throw new Error(`unexpected outcome ${outcome.kind}`)
        }
      }),
      { numRuns: 800 },
    )
    // The payloads reached every path, not only the first check.
    expect(Object.keys(seen)).toEqual(expect.arrayContaining(['dropped', 'invalid', 'registered']))
  })

  it('answers a trip that does not exist, however its slug is written, without storing anything', async () => {
    await tripWithStops()
    const count = await registrationCount()
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileText, hugeText, wrongType), async (slug) => {
        const outcome = await submitSignup(slug as string, { firstName: 'Anna' })
        expect(outcome.kind).toBe('trip-not-found')
        const { before, after } = await count()
        expect(after).toBe(before)
      }),
      { numRuns: 200 },
    )
  })
})

// ----- Changing one's answers -----------------------------------------------------------------

/** A registration to change, and a second one whose address the first may not take. */
async function registrationToChange() {
  // Hundreds of saves of one registration: the limits on saves and e-mails per inbox
  // (participant-email.test.ts) would stop them long before the property is tried.
  await db().siteSettings.update({ where: { id: 1 }, data: { savesPerRegistration: 100_000, emailsPerInbox: 100_000 } })
  const trip = await tripWithStops()
  const base = {
    firstName: 'Ingrid',
    lastName: 'Holm',
    phone: '070-123 45 67',
    organisation: 'Mjölby kommun',
    role: 'tjansteperson',
    overnight: 'enkelrum',
    boardingStopId: String(trip.boardingStops[0]!.id),
    privacyAccepted: 'on',
  }
  const mine = await submitSignup(trip.slug, { ...base, email: 'ingrid@example.se' })
  const other = await submitSignup(trip.slug, { ...base, email: 'upptagen@example.se' })
  if (mine.kind !== 'registered' || other.kind !== 'registered') throw new Error('setup failed')
  const link = await db().registrationLink.findFirstOrThrow({ orderBy: { id: 'asc' }, select: { registrationId: true } })
  const id = link.registrationId
  // The row as the run before left it, read once after each run.
  let last = await db().registration.findUniqueOrThrow({ where: { id } })
  const row = async () => {
    const before = last
    last = await db().registration.findUniqueOrThrow({ where: { id } })
    return { before, after: last }
  }
  return { trip, token: mine.token, row }
}

/** What the edit form's action passes on: the form's fields, with the privacy notice accepted at signup. */
const asPosted = (raw: Record<string, unknown>) => ({ ...raw, privacyAccepted: 'on' })

describe('updateRegistration, property-based', () => {
  it('saves valid answers as normalised, on the same row, and refuses an address another registration has', async () => {
    const { trip, token, row } = await registrationToChange()
    const count = await registrationCount()
    const takenAddress = fc.constantFrom('upptagen@example.se', ' UPPTAGEN@example.se', 'Upptagen@Example.SE\n')
    await fc.assert(
      fc.asyncProperty(validAnswers(trip), fc.option(takenAddress, { freq: 5 }), async ({ raw, expected }, taken) => {
        const result = await updateRegistration(token, asPosted(taken === null ? raw : { ...raw, email: taken }), NOW)
        const { before, after } = await row()
        const rows = await count()
        expect(rows.after).toBe(rows.before)
        if (taken !== null) {
          expect(result).toMatchObject({ kind: 'invalid', fieldErrors: { email: 'Den här e-postadressen är redan anmäld till resan.' } })
          expect(after).toEqual(before)
          return
        }
        // A new address waits for confirmation (participant-email.test.ts); the rest is stored.
        const emailChanged = expected.email !== before.email
        const changed = JSON.stringify({ ...rowFields(before), email: null }) !== JSON.stringify({ ...expected, email: null })
        expect(result).toEqual(
          emailChanged ? { kind: 'email-change-sent', otherChangesSaved: changed } : changed ? { kind: 'updated', emailSent: true } : { kind: 'unchanged' },
        )
        expect(rowFields(after)).toEqual({ ...expected, email: before.email })
        expect(after.status).toBe(before.status)
        expect(after.privacyAcceptedAt).toEqual(before.privacyAcceptedAt)
        expectWellFormedRow(after, trip)
      }),
      { numRuns: 200 },
    )
  })

  it('refuses invalid answers: the row and the outbox stay as they were, and each field is named in Swedish', async () => {
    const { trip, token, row } = await registrationToChange()
    const messages = await db().outboxMessage.count()
    await fc.assert(
      fc.asyncProperty(invalidAnswers(trip), async ({ raw, fields }) => {
        // The action adds privacyAccepted itself: an invalid one cannot come from the form.
        const result = await updateRegistration(token, fields.includes('privacyAccepted') ? raw : asPosted(raw), NOW)
        const { before, after } = await row()
        expect(after).toEqual(before)
        expect(result.kind).toBe('invalid')
        if (result.kind !== 'invalid') return
        for (const field of fields) expect(result.fieldErrors, field).toHaveProperty(field)
        expectSwedishFieldErrors(result.fieldErrors)
      }),
      { numRuns: 600 },
    )
    // Not one "changed" e-mail went out.
    expect(await db().outboxMessage.count()).toBe(messages)
  })

  it('never throws on anything posted, nor on any token; keeps the row well-formed and answers errors in Swedish', async () => {
    const { trip, token, row } = await registrationToChange()
    const count = await registrationCount()
    const anyToken = fc.oneof(
      { weight: 4, arbitrary: fc.constant(token) },
      { weight: 1, arbitrary: fc.oneof(hostileText, hugeText, fc.stringMatching(/^[A-Za-z0-9_-]{22}$/)) },
    )
    await fc.assert(
      fc.asyncProperty(anyToken, anyPayload(trip), async (givenToken, raw) => {
        const result = await updateRegistration(givenToken, asPosted(raw), NOW)
        const { before, after } = await row()
        const rows = await count()
        expect(rows.after).toBe(rows.before)
        if (givenToken !== token) {
          expect(result).toEqual({ kind: 'not-found' })
          expect(after).toEqual(before)
        } else if (result.kind === 'invalid') {
          expectSwedishFieldErrors(result.fieldErrors)
          expect(after).toEqual(before)
        } else {
          expect(['updated', 'unchanged', 'email-change-sent']).toContain(result.kind)
          expectWellFormedRow(after, trip)
        }
      }),
      { numRuns: 600 },
    )
  })
})
