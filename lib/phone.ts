// Phone numbers are stored in E.164 (+46701234567), the one form that compares, sorts and dials
// the same everywhere, and shown the way Swedes write them: 070-123 45 67, 0142-851 00,
// 013-20 60 00, 08-123 456 78. The grouping follows Sweden's numbering plan, whose area codes are
// one to three digits long, so it comes from libphonenumber-js (Google's metadata) rather than a
// rule of our own. Plain functions with no database: pages, lists, files and e-mails all use them.
import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js'

// What people put in a phone number besides digits; anything else (letters, #, /) is not a number.
const TYPED_NUMBER = /^\+?[\d\s\-().]+$/

function parse(input: string): PhoneNumber | undefined {
  const trimmed = input.trim()
  if (!TYPED_NUMBER.test(trimmed)) return undefined
  // "0046" is how an international call is dialled from Sweden; "+46 (0)70" keeps the trunk 0.
  const international = trimmed.replace(/^00(?=[1-9])/, '+').replace(/^(\+46[\s\-]*)\(0\)/, '$1')
  return parsePhoneNumberFromString(international, { defaultCountry: 'SE', extract: false })
}

/**
 * A Swedish number (mobile or landline) as people type it: 0142-851 00, 013-20 60 00,
 * 070-123 45 67, +46 8 123 456 78, 0046 13 20 60 00. Returns it in E.164 form, or null when it is
 * not a valid Swedish number.
 */
export function normaliseSwedishPhone(input: string): string | null {
  const number = parse(input)
  return number && number.country === 'SE' && number.isValid() ? number.number : null
}

/**
 * A stored number as Swedes write it: "070-123 45 67", "0142-851 00"; a valid foreign number in
 * its international form ("+47 412 34 567"); anything else (a placeholder, an erased value, a
 * number written before numbers were stored in E.164) exactly as it is.
 */
export function formatPhone(stored: string): string {
  const number = parse(stored)
  if (!number?.isValid()) return stored
  return number.country === 'SE' ? number.formatNational() : number.formatInternational()
}

/** The tel: address of a number: E.164 when it is a valid one, else the digits and + as written. */
export function phoneHref(stored: string): string {
  const number = parse(stored)
  return `tel:${number?.isValid() ? number.number : stored.replace(/[^\d+]/g, '')}`
}
