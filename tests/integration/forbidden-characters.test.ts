// Every text field of every form, through the function the form's server action calls: halves
// of surrogate pairs (PostgreSQL would store U+FFFD) and control characters are refused with a
// Swedish message beside the field, and nothing is stored or sent. The fields are found from each
// form's schema (tests/support/text-fields.ts), so a new field is covered without being listed.
import { describe, expect, it } from 'vitest'
import { parseMessage } from '../../lib/admin/messages'
import { submitAccessibilityReport } from '../../lib/accessibility/report'
import { addOrganiser } from '../../lib/auth/organisers'
import { SIGN_IN_FAILED, signInOrganiser } from '../../lib/auth/sign-in'
import { db } from '../../lib/db'
import { subscribe } from '../../lib/interest/list'
import { requestLink } from '../../lib/registrations/lost-link'
import { submitSignup } from '../../lib/registrations/signup'
import { updateRegistration } from '../../lib/registrations/update'
import { savePrivacySettings, saveSiteSettings } from '../../lib/settings/edit'
import { saveTrip } from '../../lib/trips/edit'
import { saveHostCity } from '../../lib/trips/host-city-edit'
import { saveProgrammeItem } from '../../lib/trips/programme'
import { createTestTrip } from '../support/factories'
import { FORBIDDEN, REFUSAL, SCHEMAS, textFieldsOf, withCharacter } from '../support/text-fields'

const ACTOR = 'eva@mjolby.se'
const OFFICE = '198.51.100.7'

/** What a form's function answered, as "refused, with this message on the field", or accepted. */
type Answer = { refused: true; message: string | undefined } | { refused: false }

type Form = {
  schema: keyof typeof SCHEMAS
  /** Makes what the form needs (a trip, a registration) and returns its submit. */
  prepare: () => Promise<(raw: Record<string, unknown>, field: string) => Promise<Answer>>
}

const saved = (r: { ok: true } | { ok: false; errors: Record<string, string | undefined> }, field: string): Answer =>
  r.ok ? { refused: false } : { refused: true, message: r.errors[field] }
const invalid = (r: { kind: string; fieldErrors?: Record<string, string | undefined> }, field: string): Answer =>
  r.kind === 'invalid' ? { refused: true, message: r.fieldErrors?.[field] } : { refused: false }
const emailOnly = (r: { kind: string; error?: string }): Answer => (r.kind === 'invalid' ? { refused: true, message: r.error } : { refused: false })

const FORMS: Record<string, Form> = {
  trip: { schema: 'trip', prepare: async () => async (raw, field) => saved(await saveTrip(ACTOR, null, raw), field) },
  'programme item': {
    schema: 'programme item',
    prepare: async () => {
      const trip = await createTestTrip(db())
      const day = trip.startDate!.toISOString().slice(0, 10)
      return async (raw, field) => saved(await saveProgrammeItem(ACTOR, trip.slug, null, { ...raw, day }), field)
    },
  },
  'host city': { schema: 'host city', prepare: async () => async (raw, field) => saved(await saveHostCity(ACTOR, null, raw), field) },
  'contact settings': { schema: 'contact settings', prepare: async () => async (raw, field) => saved(await saveSiteSettings(ACTOR, raw), field) },
  'privacy notice': { schema: 'privacy notice', prepare: async () => async (raw, field) => saved(await savePrivacySettings(ACTOR, raw), field) },
  signup: {
    schema: 'signup and edit',
    prepare: async () => {
      const trip = await createTestTrip(db(), { boardingStops: ['Mjölby'] })
      return async (raw, field) => invalid(await submitSignup(trip.slug, raw, { address: OFFICE }), field)
    },
  },
  'edit (the personal link)': {
    schema: 'signup and edit',
    prepare: async () => {
      const trip = await createTestTrip(db(), { boardingStops: ['Mjölby'] })
      const signup = await submitSignup(trip.slug, { ...SCHEMAS['signup and edit'][1], email: 'befintlig@example.se' })
      if (signup.kind !== 'registered') throw new Error(`no registration to change: ${signup.kind}`)
      return async (raw, field) => invalid(await updateRegistration(signup.token, raw, new Date(), { address: OFFICE }), field)
    },
  },
  'accessibility report': {
    schema: 'accessibility report',
    prepare: async () => async (raw, field) => invalid(await submitAccessibilityReport(raw, OFFICE), field),
  },
  message: {
    schema: 'message',
    prepare: async () => async (raw, field) => {
      const parsed = parseMessage(raw as Parameters<typeof parseMessage>[0])
      return parsed.ok ? { refused: false } : { refused: true, message: parsed.fieldErrors[field as keyof typeof parsed.fieldErrors] }
    },
  },
  'lost link': {
    schema: 'lost link and interest list',
    prepare: async () => {
      const trip = await createTestTrip(db())
      return async (raw) => emailOnly(await requestLink(trip.slug, raw.email, { address: OFFICE }))
    },
  },
  'interest list': {
    schema: 'lost link and interest list',
    prepare: async () => async (raw) => emailOnly(await subscribe(null, raw, { address: OFFICE })),
  },
}

/** Everything a form could store or send, to compare before and after. */
async function snapshot() {
  const client = db()
  const [trips, stops, items, cities, registrations, links, outbox, audit, interest, settings] = await Promise.all([
    client.trip.findMany({ orderBy: { id: 'asc' } }),
    client.boardingStop.count(),
    client.programmeItem.count(),
    client.hostCity.count(),
    client.registration.findMany({ orderBy: { id: 'asc' } }),
    client.registrationLink.count(),
    client.outboxMessage.count(),
    client.auditEntry.count(),
    client.interestSubscription.count(),
    client.siteSettings.findUnique({ where: { id: 1 } }),
  ])
  return { trips, stops, items, cities, registrations, links, outbox, audit, interest, settings }
}

describe.each(Object.entries(FORMS))('the %s form', (_name, form) => {
  const [schema, valid] = SCHEMAS[form.schema]
  const fields = textFieldsOf(schema, valid)

  it('has text fields to check', () => expect(fields.length).toBeGreaterThan(0))

  it.each(Object.entries(FORBIDDEN))('refuses %s in every text field in Swedish, and stores and sends nothing', async (_what, character) => {
    const submit = await form.prepare()
    const before = await snapshot()
    for (const { name } of fields) {
      const answer = await submit({ ...valid, [name]: withCharacter(valid, name, character) }, name)
      expect(answer, `${name} took ${JSON.stringify(character)}`).toMatchObject({ refused: true })
      expect(answer.refused && answer.message, name).toMatch(REFUSAL)
    }
    expect(await snapshot()).toEqual(before)
  })
})

describe('the sign-in form', () => {
  it.each(Object.entries(FORBIDDEN))('refuses %s in the e-mail or the password with its one Swedish message, and makes no session', async (_what, character) => {
    await addOrganiser(db(), { email: 'eva@mjolby.se', name: 'Eva', password: 'ett långt lösenord' })
    for (const [email, password] of [
      [`eva@mjolby.s${character}e`, 'ett långt lösenord'],
      ['eva@mjolby.se', `ett långt lösenor${character}d`],
    ]) {
      expect(await signInOrganiser({ email, password, ip: OFFICE })).toEqual({ ok: false, error: SIGN_IN_FAILED })
    }
    expect(await db().session.count()).toBe(0)
  })
})
