import { describe, expect, it } from 'vitest'
import { OvernightChoice, ParticipantRole } from '../../lib/generated/prisma/enums'
import {
  OVERNIGHT_OPTIONS,
  ROLE_OPTIONS,
  overnightLabel,
  parseSignup,
  roleLabel,
  signupSchema,
  type SignupInput,
  type SignupValues,
  type TripFormOptions,
} from '../../lib/registrations/schema'

// A trip with overnight stay and two boarding stops (ids 11 and 12): every field is in play.
const TRIP: TripFormOptions = { hasOvernight: true, boardingStopIds: [11, 12] }
const DAY_TRIP: TripFormOptions = { hasOvernight: false, boardingStopIds: [] }

// What a browser posts for a correctly filled form on TRIP (optional fields left out).
const VALID: SignupValues = {
  firstName: 'Anna',
  lastName: 'Andersson',
  email: 'anna@example.se',
  phone: '070-123 45 67',
  organisation: 'Mjölby Verkstad AB',
  role: 'foretagare',
  overnight: 'enkelrum',
  boardingStopId: '11',
  privacyAccepted: 'on',
}

function ok(raw: Record<string, unknown>, trip: TripFormOptions = TRIP): SignupInput {
  const result = parseSignup(raw, trip)
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.fieldErrors)}`)
  return result.data
}

function errors(raw: Record<string, unknown>, trip: TripFormOptions = TRIP) {
  const result = parseSignup(raw, trip)
  if (result.ok) throw new Error(`expected failure, got ${JSON.stringify(result.data)}`)
  return result.fieldErrors
}

/** VALID without the given field, as when the browser does not post it at all. */
function without(field: keyof SignupValues, base: SignupValues = VALID): SignupValues {
  const copy = { ...base }
  delete copy[field]
  return copy
}

const PHONE_MESSAGE = 'Skriv ett svenskt mobilnummer, t.ex. 070-123 45 67.'
const EMAIL_MESSAGE = 'Skriv en giltig e-postadress, t.ex. namn@exempel.se.'
const STOP_MESSAGE = 'Välj var du kliver på bussen.'
const PRIVACY_MESSAGE = 'Du behöver intyga att du har läst integritetsmeddelandet.'

describe('parseSignup: a correctly filled form', () => {
  it('gives the cleaned data with enums, E.164 phone, numeric stop and nulls for empty optional fields', () => {
    expect(ok(VALID)).toEqual({
      firstName: 'Anna',
      lastName: 'Andersson',
      email: 'anna@example.se',
      phone: '+46701234567',
      organisation: 'Mjölby Verkstad AB',
      role: 'BUSINESS_OWNER',
      dietaryNeeds: null,
      overnight: 'SINGLE_ROOM',
      shareRoomWith: null,
      boardingStopId: 11,
      otherInfo: null,
      showInParticipantList: false,
    })
  })

  it('keeps every optional answer when given', () => {
    const data = ok({
      ...VALID,
      role: 'fortroendevald',
      overnight: 'dubbelrum',
      shareRoomWith: 'Per Persson',
      boardingStopId: '12',
      dietaryNeeds: 'Vegetarisk',
      otherInfo: 'Kommer med rullator',
      showInParticipantList: 'on',
    })
    expect(data).toMatchObject({
      role: 'ELECTED_OFFICIAL',
      overnight: 'SHARED_DOUBLE',
      shareRoomWith: 'Per Persson',
      boardingStopId: 12,
      dietaryNeeds: 'Vegetarisk',
      otherInfo: 'Kommer med rullator',
      showInParticipantList: true,
    })
  })

  it('trims surrounding whitespace from the text fields', () => {
    const data = ok({
      ...VALID,
      firstName: '  Anna ',
      lastName: '\tAndersson\n',
      organisation: ' Mjölby kommun ',
      overnight: 'dubbelrum',
      shareRoomWith: '  Per  ',
      dietaryNeeds: ' Laktosfri ',
      otherInfo: '  Hej  ',
    })
    expect(data).toMatchObject({
      firstName: 'Anna',
      lastName: 'Andersson',
      organisation: 'Mjölby kommun',
      shareRoomWith: 'Per',
      dietaryNeeds: 'Laktosfri',
      otherInfo: 'Hej',
    })
  })

  it('accepts names in any script and with ordinary punctuation', () => {
    for (const name of ['Zoë', 'Øyvind', 'Mäkelä', "O'Brien", 'Anna-Karin', 'محمد', 'Nguyễn Văn An', 'Jörg J. Åström']) {
      expect(ok({ ...VALID, firstName: name, lastName: name }).firstName).toBe(name)
    }
  })

  it('does not pass the privacy checkbox on as data', () => {
    expect(ok(VALID)).not.toHaveProperty('privacyAccepted')
  })
})

describe('parseSignup: required fields', () => {
  const required: [keyof SignupValues, string][] = [
    ['firstName', 'Fyll i förnamn.'],
    ['lastName', 'Fyll i efternamn.'],
    ['email', 'Fyll i e-post.'],
    ['phone', 'Fyll i mobilnummer.'],
    ['organisation', 'Fyll i organisation.'],
    ['role', 'Välj din roll.'],
  ]

  for (const [field, message] of required) {
    it(`${field}: missing gives "${message}"`, () => {
      expect(errors(without(field))).toEqual({ [field]: message })
    })
    it(`${field}: empty gives "${message}"`, () => {
      expect(errors({ ...VALID, [field]: '' })).toEqual({ [field]: message })
    })
    it(`${field}: only spaces gives "${message}"`, () => {
      expect(errors({ ...VALID, [field]: '   ' })).toEqual({ [field]: message })
    })
  }

  it('privacyAccepted: an unticked checkbox (not posted at all) is refused', () => {
    // Browsers do not post an unticked checkbox, so this is what declining looks like.
    expect(errors(without('privacyAccepted'))).toEqual({ privacyAccepted: PRIVACY_MESSAGE })
  })

  it.each(['', 'off', 'yes', '1', 'ON'])('privacyAccepted: %j is refused', (value) => {
    expect(errors({ ...VALID, privacyAccepted: value })).toEqual({ privacyAccepted: PRIVACY_MESSAGE })
  })

  it('privacyAccepted: "on" (a ticked checkbox) is accepted', () => {
    expect(parseSignup({ ...VALID, privacyAccepted: 'on' }, TRIP).ok).toBe(true)
  })

  it('reports every failing field at once, one Swedish message each', () => {
    const empty: SignupValues = {
      firstName: '',
      lastName: '',
      email: '',
      phone: '',
      organisation: '',
      role: '',
      dietaryNeeds: '',
      overnight: '',
      shareRoomWith: '',
      boardingStopId: '',
      otherInfo: '',
      privacyAccepted: '',
    }
    expect(errors(empty)).toEqual({
      firstName: 'Fyll i förnamn.',
      lastName: 'Fyll i efternamn.',
      email: 'Fyll i e-post.',
      phone: 'Fyll i mobilnummer.',
      organisation: 'Fyll i organisation.',
      role: 'Välj din roll.',
      overnight: 'Välj övernattning.',
      boardingStopId: STOP_MESSAGE,
      privacyAccepted: PRIVACY_MESSAGE,
    })
  })
})

describe('parseSignup: e-mail', () => {
  it('is trimmed and lower-cased', () => {
    expect(ok({ ...VALID, email: '  Eva.Svensson@Example.SE ' }).email).toBe('eva.svensson@example.se')
  })

  it.each(['eva.svensson+resa@mjolby.se', 'a.b-c_d@sub.example.co.uk'])('accepts %s', (email) => {
    expect(ok({ ...VALID, email }).email).toBe(email)
  })

  it.each(['anna', 'anna@', '@example.se', 'anna@example', 'anna berg@example.se', 'anna@@example.se', 'anna@example..se', 'anna.example.se'])(
    'refuses %j with the Swedish message',
    (email) => {
      expect(errors({ ...VALID, email })).toEqual({ email: EMAIL_MESSAGE })
    },
  )

  // 64 + 1 + 63 + 1 + 63 + 1 + n + 3 characters
  const address = (n: number) => `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(n)}.se`

  it('accepts an address of 254 characters', () => {
    expect(address(58)).toHaveLength(254)
    expect(ok({ ...VALID, email: address(58) }).email).toBe(address(58))
  })

  it('refuses an address of 255 characters', () => {
    expect(address(59)).toHaveLength(255)
    expect(errors({ ...VALID, email: address(59) })).toEqual({ email: 'E-postadressen är för lång.' })
  })
})

describe('parseSignup: mobile number', () => {
  it.each(['070-123 45 67', '0701234567', '+46 70 123 45 67', '0046 70-123 45 67', '+46 (0)70 123 45 67', '+46701234567', ' 070 123 45 67 '])(
    '%j is stored as +46701234567',
    (phone) => {
      expect(ok({ ...VALID, phone }).phone).toBe('+46701234567')
    },
  )

  it.each(['013-12 34 56', '070-123 45 6', '070-123 45 678', '070-ABC 45 67', 'ring mig', '+47 70 123 45 67', '08-123 456 78'])(
    'refuses %j',
    (phone) => {
      expect(errors({ ...VALID, phone })).toEqual({ phone: PHONE_MESSAGE })
    },
  )

  it('refuses more than 30 characters even if the digits would do', () => {
    const phone = '0   7   0   1   2   3   4   5   6   7' // 37 characters, a valid number once compacted
    expect(phone.length).toBeGreaterThan(30)
    expect(errors({ ...VALID, phone })).toEqual({ phone: PHONE_MESSAGE })
  })
})

describe('parseSignup: role', () => {
  const mapping: [string, string][] = [
    ['foretagare', 'BUSINESS_OWNER'],
    ['fortroendevald', 'ELECTED_OFFICIAL'],
    ['tjansteperson', 'CIVIL_SERVANT'],
    ['annan', 'OTHER'],
  ]
  it.each(mapping)('%s is stored as %s', (value, role) => {
    expect(ok({ ...VALID, role: value }).role).toBe(role)
  })

  it.each(['BUSINESS_OWNER', 'Företagare', 'Foretagare', 'admin'])('refuses %j', (role) => {
    expect(errors({ ...VALID, role })).toEqual({ role: 'Välj din roll.' })
  })
})

describe('parseSignup: overnight stay', () => {
  const mapping: [string, string][] = [
    ['enkelrum', 'SINGLE_ROOM'],
    ['dubbelrum', 'SHARED_DOUBLE'],
    ['ingen', 'NONE'],
  ]
  it.each(mapping)('on an overnight trip %s is stored as %s', (value, overnight) => {
    expect(ok({ ...VALID, overnight: value }).overnight).toBe(overnight)
  })

  it.each([undefined, '', 'SINGLE_ROOM', 'Enkelrum', 'tält'])('on an overnight trip %j is refused', (overnight) => {
    const raw = overnight === undefined ? without('overnight') : { ...VALID, overnight }
    expect(errors(raw)).toEqual({ overnight: 'Välj övernattning.' })
  })

  it.each([undefined, '', 'enkelrum', 'dubbelrum', 'nonsense'])('on a day trip %j is ignored and stored as null', (overnight) => {
    const raw = overnight === undefined ? without('overnight') : { ...VALID, overnight }
    expect(ok(raw, { hasOvernight: false, boardingStopIds: [11, 12] }).overnight).toBeNull()
  })
})

describe('parseSignup: who to share a room with', () => {
  it('is kept when sharing a double room', () => {
    expect(ok({ ...VALID, overnight: 'dubbelrum', shareRoomWith: 'Per Persson' }).shareRoomWith).toBe('Per Persson')
  })

  it('is null when sharing but left empty', () => {
    expect(ok({ ...VALID, overnight: 'dubbelrum', shareRoomWith: '   ' }).shareRoomWith).toBeNull()
    expect(ok({ ...VALID, overnight: 'dubbelrum' }).shareRoomWith).toBeNull()
  })

  it.each(['enkelrum', 'ingen'])('is dropped with overnight %s', (overnight) => {
    expect(ok({ ...VALID, overnight, shareRoomWith: 'Per Persson' }).shareRoomWith).toBeNull()
  })

  it('is dropped on a trip without overnight stay, even if "dubbelrum" is posted', () => {
    const data = ok({ ...VALID, overnight: 'dubbelrum', shareRoomWith: 'Per' }, { hasOvernight: false, boardingStopIds: [11, 12] })
    expect(data.shareRoomWith).toBeNull()
  })
})

describe('parseSignup: boarding stop', () => {
  it('with several stops, the chosen stop id is stored as a number', () => {
    expect(ok({ ...VALID, boardingStopId: '12' }).boardingStopId).toBe(12)
  })

  it.each([undefined, '', '13', '0', 'abc', '11.5', '-11'])('with several stops, %j is refused', (boardingStopId) => {
    const raw = boardingStopId === undefined ? without('boardingStopId') : { ...VALID, boardingStopId }
    expect(errors(raw)).toEqual({ boardingStopId: STOP_MESSAGE })
  })

  it('with exactly one stop, that stop is used whatever is posted', () => {
    const trip = { hasOvernight: true, boardingStopIds: [7] }
    expect(ok(without('boardingStopId'), trip).boardingStopId).toBe(7)
    expect(ok({ ...VALID, boardingStopId: '' }, trip).boardingStopId).toBe(7)
    expect(ok({ ...VALID, boardingStopId: '999' }, trip).boardingStopId).toBe(7)
  })

  it('with no stops, it is null whatever is posted', () => {
    const trip = { hasOvernight: true, boardingStopIds: [] }
    expect(ok(without('boardingStopId'), trip).boardingStopId).toBeNull()
    expect(ok({ ...VALID, boardingStopId: '11' }, trip).boardingStopId).toBeNull()
  })
})

describe('parseSignup: optional free-text fields', () => {
  it.each(['dietaryNeeds', 'otherInfo'] as const)('%s: missing, empty or only spaces is null', (field) => {
    expect(ok(without(field))[field]).toBeNull()
    expect(ok({ ...VALID, [field]: '' })[field]).toBeNull()
    expect(ok({ ...VALID, [field]: '  \n ' })[field]).toBeNull()
  })

  it.each(['dietaryNeeds', 'otherInfo'] as const)('%s: keeps line breaks inside the text', (field) => {
    expect(ok({ ...VALID, [field]: 'Nötallergi\r\nLaktosfri\n\tGärna fisk' })[field]).toBe('Nötallergi\r\nLaktosfri\n\tGärna fisk')
  })

  it('showInParticipantList is true only when ticked', () => {
    expect(ok({ ...VALID, showInParticipantList: 'on' }).showInParticipantList).toBe(true)
    expect(ok(without('showInParticipantList')).showInParticipantList).toBe(false)
    expect(ok({ ...VALID, showInParticipantList: '' }).showInParticipantList).toBe(false)
    expect(ok({ ...VALID, showInParticipantList: 'off' }).showInParticipantList).toBe(false)
  })

  it('a minimal form without any optional field is accepted (nothing optional is required to be posted)', () => {
    const minimal = {
      firstName: 'Anna',
      lastName: 'Andersson',
      email: 'anna@example.se',
      phone: '0701234567',
      organisation: 'Mjölby kommun',
      role: 'annan',
      privacyAccepted: 'on',
    }
    const { privacyAccepted: _, ...answers } = minimal
    expect(ok(minimal, DAY_TRIP)).toEqual({
      ...answers,
      phone: '+46701234567',
      role: 'OTHER',
      dietaryNeeds: null,
      overnight: null,
      shareRoomWith: null,
      boardingStopId: null,
      otherInfo: null,
      showInParticipantList: false,
    })
  })
})

describe('parseSignup: maximum lengths', () => {
  // [field, max, message, extra fields needed for the field to matter]
  const limits: [keyof SignupValues, number, string, SignupValues][] = [
    ['firstName', 100, 'Förnamn får vara högst 100 tecken.', {}],
    ['lastName', 100, 'Efternamn får vara högst 100 tecken.', {}],
    ['organisation', 200, 'Organisation får vara högst 200 tecken.', {}],
    ['dietaryNeeds', 500, 'Specialkost eller allergier får vara högst 500 tecken.', {}],
    ['otherInfo', 1000, 'Övrigt får vara högst 1000 tecken.', {}],
    ['shareRoomWith', 200, 'Vem du vill dela rum med får vara högst 200 tecken.', { overnight: 'dubbelrum' }],
  ]

  for (const [field, max, message, extra] of limits) {
    it(`${field}: ${max} characters are accepted`, () => {
      const value = 'å'.repeat(max)
      expect(ok({ ...VALID, ...extra, [field]: value })[field as keyof SignupInput]).toBe(value)
    })
    it(`${field}: ${max + 1} characters give "${message}"`, () => {
      expect(errors({ ...VALID, ...extra, [field]: 'å'.repeat(max + 1) })).toEqual({ [field]: message })
    })
    it(`${field}: surrounding spaces do not count`, () => {
      const value = 'x'.repeat(max)
      expect(ok({ ...VALID, ...extra, [field]: `  ${value}  ` })[field as keyof SignupInput]).toBe(value)
    })
  }
})

describe('parseSignup: control characters', () => {
  const cases: [keyof SignupValues, string, SignupValues][] = [
    ['firstName', 'Förnamn innehåller otillåtna tecken.', {}],
    ['lastName', 'Efternamn innehåller otillåtna tecken.', {}],
    ['organisation', 'Organisation innehåller otillåtna tecken.', {}],
    ['dietaryNeeds', 'Specialkost eller allergier innehåller otillåtna tecken.', {}],
    ['otherInfo', 'Övrigt innehåller otillåtna tecken.', {}],
    ['shareRoomWith', 'Vem du vill dela rum med innehåller otillåtna tecken.', { overnight: 'dubbelrum' }],
  ]
  const controls = ['\u0000', '\u0007', '\u0008', '\u000B', '\u000C', '\u001B', '\u001F', '\u007F']

  for (const [field, message, extra] of cases) {
    it.each(controls.map((c) => [JSON.stringify(c), c]))(`${field}: %s inside the text gives "${message}"`, (_, c) => {
      expect(errors({ ...VALID, ...extra, [field]: `Ab${c}cd` })).toEqual({ [field]: message })
    })
  }
})

describe('parseSignup: what it reads and what it gives back', () => {
  it('ignores fields that are not in the form', () => {
    const data = ok({ ...VALID, id: '1', status: 'CONFIRMED', tripId: '99', isAdmin: 'true', webbplats: 'spam' })
    expect(Object.keys(data).sort()).toEqual(
      [
        'boardingStopId',
        'dietaryNeeds',
        'email',
        'firstName',
        'lastName',
        'organisation',
        'otherInfo',
        'overnight',
        'phone',
        'role',
        'shareRoomWith',
        'showInParticipantList',
      ].sort(),
    )
  })

  it('treats values that are not text (e.g. an uploaded file) as not posted', () => {
    const result = parseSignup({ ...VALID, firstName: ['Anna'], lastName: 42, organisation: { name: 'X' } }, TRIP)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.fieldErrors).toEqual({
      firstName: 'Fyll i förnamn.',
      lastName: 'Fyll i efternamn.',
      organisation: 'Fyll i organisation.',
    })
    expect(result.values).not.toHaveProperty('firstName')
    expect(result.values).not.toHaveProperty('lastName')
  })

  it('on failure gives back exactly what was typed (untrimmed, not normalised) and drops unknown fields', () => {
    const typed: SignupValues = {
      ...VALID,
      firstName: '  Anna ',
      email: ' Anna@Example.SE ',
      phone: '+46 70 123 45 67',
      role: 'fortroendevald',
      dietaryNeeds: 'Vegetarisk ',
      showInParticipantList: 'on',
      boardingStopId: '99', // the error
    }
    const result = parseSignup({ ...typed, webbplats: '', extra: 'x' }, TRIP)
    expect(result).toEqual({ ok: false, values: typed, fieldErrors: { boardingStopId: STOP_MESSAGE } })
  })

  it('gives one message per field even when a field breaks several rules', () => {
    const fieldErrors = errors({ ...VALID, firstName: `${'x'.repeat(150)}\u0000`, email: `${'A'.repeat(300)}` })
    expect(Object.keys(fieldErrors).sort()).toEqual(['email', 'firstName'])
    expect(typeof fieldErrors.firstName).toBe('string')
    expect(fieldErrors.firstName).toMatch(/^Förnamn (får vara högst 100 tecken|innehåller otillåtna tecken)\.$/)
    expect(fieldErrors.email).toMatch(/^(E-postadressen är för lång\.|Skriv en giltig e-postadress, t\.ex\. namn@exempel\.se\.)$/)
  })

  it('all messages are Swedish (never zod’s English defaults)', () => {
    const nasty: Record<string, unknown>[] = [
      {},
      { ...VALID, boardingStopId: '1e400' },
      { ...VALID, boardingStopId: '11.5' },
      { ...VALID, boardingStopId: 'Infinity' },
      { ...VALID, phone: '+'.repeat(40) },
      { ...VALID, email: 'x'.repeat(400) },
      { ...VALID, overnight: 'x', role: 'x', privacyAccepted: 'x' },
    ]
    for (const raw of nasty) {
      const result = parseSignup(raw, TRIP)
      expect(result.ok).toBe(false)
      if (result.ok) continue
      for (const message of Object.values(result.fieldErrors)) {
        expect(message).not.toMatch(/Invalid|expected|received|Too (big|small)/)
      }
    }
  })
})

describe('signupSchema', () => {
  it('is a zod schema usable directly (e.g. in the browser) with the same rules', () => {
    const schema = signupSchema(TRIP)
    expect(schema.safeParse(VALID).success).toBe(true)
    const bad = schema.safeParse({ ...VALID, phone: '013-12 34 56' })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['phone', PHONE_MESSAGE]])
  })

  it('depends on the trip: the stop is required only with several stops', () => {
    expect(signupSchema({ hasOvernight: true, boardingStopIds: [1, 2] }).safeParse(without('boardingStopId')).success).toBe(false)
    expect(signupSchema({ hasOvernight: true, boardingStopIds: [1] }).safeParse(without('boardingStopId')).success).toBe(true)
  })
})

describe('ROLE_OPTIONS and OVERNIGHT_OPTIONS', () => {
  it('offer each stored role exactly once, with distinct posted values', () => {
    expect(ROLE_OPTIONS.map((o) => o.role).sort()).toEqual(Object.values(ParticipantRole).sort())
    expect(new Set(ROLE_OPTIONS.map((o) => o.value)).size).toBe(ROLE_OPTIONS.length)
  })

  it('offer each stored overnight choice exactly once, with distinct posted values', () => {
    expect(OVERNIGHT_OPTIONS.map((o) => o.overnight).sort()).toEqual(Object.values(OvernightChoice).sort())
    expect(new Set(OVERNIGHT_OPTIONS.map((o) => o.value)).size).toBe(OVERNIGHT_OPTIONS.length)
  })

  it('every offered role value is accepted by the form and stored as its role', () => {
    for (const option of ROLE_OPTIONS) expect(ok({ ...VALID, role: option.value }).role).toBe(option.role)
  })

  it('every offered overnight value is accepted by the form and stored as its choice', () => {
    for (const option of OVERNIGHT_OPTIONS) {
      expect(ok({ ...VALID, overnight: option.value }).overnight).toBe(option.overnight)
    }
  })

  it('label the stored values in Swedish', () => {
    expect(roleLabel('BUSINESS_OWNER')).toBe('Företagare')
    expect(roleLabel('ELECTED_OFFICIAL')).toBe('Förtroendevald')
    expect(roleLabel('CIVIL_SERVANT')).toBe('Tjänsteperson')
    expect(roleLabel('OTHER')).toBe('Annan')
    expect(overnightLabel('SINGLE_ROOM')).toBe('Enkelrum')
    expect(overnightLabel('SHARED_DOUBLE')).toBe('Dela dubbelrum')
    expect(overnightLabel('NONE')).toBe('Ingen övernattning')
  })
})
