import { describe, expect, it } from 'vitest'
import { normaliseSwedishMobile } from '../../lib/forms/fields'

describe('normaliseSwedishMobile', () => {
  it.each([
    ['070-123 45 67', '+46701234567'],
    ['0701234567', '+46701234567'],
    ['070 123 45 67', '+46701234567'],
    ['070-1234567', '+46701234567'],
    ['+46 70 123 45 67', '+46701234567'],
    ['+46701234567', '+46701234567'],
    ['0046 70-123 45 67', '+46701234567'],
    ['0046701234567', '+46701234567'],
    ['+46 (0)70 123 45 67', '+46701234567'],
    ['+46 070 123 45 67', '+46701234567'],
    ['(070) 123 45 67', '+46701234567'],
    ['070.123.45.67', '+46701234567'],
    ['072-345 67 89', '+46723456789'],
    ['073 987 65 43', '+46739876543'],
    ['+46 76 000 00 00', '+46760000000'],
    ['\t0701234567\n', '+46701234567'],
  ])('%j → %s', (input, expected) => {
    expect(normaliseSwedishMobile(input)).toBe(expected)
  })

  it.each([
    ['a landline number', '013-12 34 56'],
    ['a Stockholm landline', '08-123 456 78'],
    ['a landline in international form', '+46 13 12 34 56'],
    ['one digit too few', '070-123 45 6'],
    ['one digit too many', '070-123 45 678'],
    ['too short', '070'],
    ['letters', '070-ABC 45 67'],
    ['a letter O for a zero', '07O-123 45 67'],
    ['only text', 'ring mig'],
    ['empty', ''],
    ['a Norwegian number', '+47 70 123 45 67'],
    ['a Finnish number', '+358 40 123 4567'],
    ['a number without 0 or +46', '70-123 45 67'],
    ['full-width digits', '０７０１２３４５６７'],
    ['another separator', '070/123 45 67'],
    ['an extension', '070-123 45 67 #1'],
  ])('refuses %s (%j)', (_, input) => {
    expect(normaliseSwedishMobile(input)).toBeNull()
  })

  it('always gives +46 followed by nine digits starting with 7', () => {
    for (const input of ['070-123 45 67', '+46 (0)79 999 99 99', '0046 73-000 00 01']) {
      expect(normaliseSwedishMobile(input)).toMatch(/^\+467\d{8}$/)
    }
  })
})
