// Text that could disguise itself in the organisers' lists, and configuration that could send
// people to the wrong place, is refused with a Swedish message.
import { describe, expect, it } from 'vitest'
import { EnvError, parseEnv } from '../../lib/env'
import { registrationEmail } from '../../lib/email/registration-emails'
import { parseSignup, type SignupValues } from '../../lib/registrations/schema'

const trip = { hasOvernight: false, boardingStopIds: [] }
const valid: SignupValues = {
  firstName: 'Anna',
  lastName: 'Berg',
  email: 'anna@example.se',
  phone: '0701234567',
  organisation: 'Mjölby kommun',
  role: 'annan',
  privacyAccepted: 'on',
}
const fieldErrors = (values: SignupValues) => {
  const r = parseSignup({ ...valid, ...values }, trip)
  return r.ok ? {} : r.fieldErrors
}

describe('text fields', () => {
  it.each(['An\nna', 'An\tna', 'An\rna'])('refuse line breaks and tabs in a one-line field (%j)', (firstName) => {
    expect(fieldErrors({ firstName })).toEqual({ firstName: 'Förnamn innehåller otillåtna tecken.' })
  })

  it('allow line breaks in the multi-line fields', () => {
    expect(fieldErrors({ dietaryNeeds: 'Glutenfritt\nInga nötter', otherInfo: 'Rad ett\r\nRad två' })).toEqual({})
  })

  it.each(['\u202Eevil', 'a\u2066b', 'x\u0085y', 'nul\u0000'])('refuse bidirectional overrides and control characters (%j)', (organisation) => {
    expect(fieldErrors({ organisation })).toEqual({ organisation: 'Organisation innehåller otillåtna tecken.' })
  })
})

describe('configuration', () => {
  it.each(['javascript:alert(1)', 'ftp://mjolby.se'])('PUBLIC_URL must be http(s) (%s)', (PUBLIC_URL) => {
    expect(() => parseEnv({ PUBLIC_URL })).toThrow(EnvError)
    expect(() => parseEnv({ PUBLIC_URL })).toThrow(/PUBLIC_URL: ska vara en fullständig http\(s\)-adress/)
  })

  it.each([
    [{ PORT: 'abc' }, 'Fel i miljövariabeln PORT: ska vara ett portnummer, t.ex. 3000'],
    [{ PORT: '70000' }, 'Fel i miljövariabeln PORT: ska vara ett portnummer mellan 1 och 65535'],
    [{ LOG_LEVEL: 'loud' }, 'Fel i miljövariabeln LOG_LEVEL: ska vara debug, info, warn eller error'],
    [{ MAIL_FROM: 'Mjölbybussen' }, 'Fel i miljövariabeln MAIL_FROM: ska vara en avsändaradress, t.ex. Mjölbybussen <mjolbybussen@mjolby.se>'],
  ])('names the variable and says in Swedish what is wrong (%j)', (source, message) => {
    expect(() => parseEnv(source)).toThrow(message)
  })
})

describe('e-mail', () => {
  it('lists three host cities as Swedes write a list', () => {
    const mail = registrationEmail({
      kind: 'confirmed',
      to: 'a@example.se',
      firstName: 'A',
      status: 'CONFIRMED',
      waitlistPosition: null,
      manageUrl: 'http://localhost/anmalan/x',
      trip: { title: 'T', startDate: null, endDate: null, departureText: null, returnText: null, accommodation: null, hostCityNames: ['Växjö', 'Kalmar', 'Borgholm'] },
      contact: { organiserName: 'O', phone: 'P', phoneHours: 'H', email: 'e@example.se', postalAddress: 'A', visitingAddress: null, isPlaceholder: false },
    })
    expect(mail.text).toContain('Resmål: Växjö, Kalmar och Borgholm')
  })
})
