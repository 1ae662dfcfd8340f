// The form kit's rule for text, on every form's schema: each text field (found from the schema,
// tests/support/text-fields.ts) refuses halves of surrogate pairs and control characters with a
// Swedish message on that field; multi-line fields take line breaks, one-line fields refuse them.
import { describe, expect, it } from 'vitest'
import { FORBIDDEN, REFUSAL, SCHEMAS, textFieldsOf, withCharacter } from '../support/text-fields'

const errorsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]))

describe.each(Object.entries(SCHEMAS))('the %s form', (_form, [schema, valid]) => {
  const fields = textFieldsOf(schema, valid)

  it.each(Object.entries(FORBIDDEN))('refuses %s in every text field, in Swedish, beside the field', (_name, character) => {
    for (const { name } of fields) {
      const result = schema.safeParse({ ...valid, [name]: withCharacter(valid, name, character) })
      expect(result.success, `${name} took ${JSON.stringify(character)}`).toBe(false)
      expect(errorsOf(result)[name], name).toMatch(REFUSAL)
    }
  })

  it('takes line breaks in its multi-line fields only', () => {
    for (const { name, multiline } of fields) {
      const result = schema.safeParse({ ...valid, [name]: `Rad ett\r\nRad två` })
      if (multiline) expect(result.success, name).toBe(true)
      else expect(errorsOf(result)[name], name).toMatch(REFUSAL)
    }
  })
})

it('finds the text fields of each form from its schema', () => {
  const found = Object.fromEntries(Object.entries(SCHEMAS).map(([form, [schema, valid]]) => [form, textFieldsOf(schema, valid).map((f) => f.name)]))
  expect(found).toEqual({
    trip: ['title', 'summary', 'description', 'departureText', 'returnText', 'accommodation', 'boardingStops'],
    'programme item': ['title', 'place', 'participants'],
    'host city': ['name', 'county', 'portrait'],
    // (The phone is a number, stored in E.164, like the signup's: tests/unit/phone.test.ts.)
    'contact settings': ['organiserName', 'phoneHours', 'email', 'postalAddress', 'visitingAddress'],
    'privacy notice': ['privacyController', 'dataProtectionContact', 'privacyLegalBasis', 'privacyRecipients'],
    retention: [],
    'rate limits': [],
    'signup and edit': ['firstName', 'lastName', 'email', 'organisation', 'dietaryNeeds', 'shareRoomWith', 'otherInfo'],
    'accessibility report': ['description', 'page', 'email'],
    message: ['subject', 'body'],
    'lost link and interest list': ['email'],
  })
})
