// How the audit log words a change (lib/admin/audit-wording.ts): a Swedish name for every column
// an entry can hold (so a column added later without one fails here), and values as people read them.
import { describe, expect, it } from 'vitest'
import {
  actorLabel,
  describeChanges,
  HOST_CITY_AUDIT_FIELDS,
  PROGRAMME_ITEM_AUDIT_FIELDS,
  REGISTRATION_AUDIT_FIELDS,
  SETTINGS_AUDIT_FIELDS,
  shorten,
  TRIP_AUDIT_FIELDS,
  type AuditNames,
} from '../../lib/admin/audit-wording'
import { Prisma } from '../../lib/generated/prisma/browser'
import { ERASED_VALUE } from '../../lib/privacy/anonymise'

const names: AuditNames = {
  boardingStops: new Map([[11, 'Mjölby resecentrum']]),
  hostCitiesBySlug: new Map([['boras', 'Borås']]),
  organisers: new Map([['eva@mjolby.se', 'Eva Berg']]),
}
const lines = (entityType: string, changes: unknown) => describeChanges(entityType, changes, names).map((c) => `${c.label}: ${c.from} → ${c.to}`)

describe('field names', () => {
  // Columns no change is recorded for: ids, bookkeeping times, and what only the anonymiser sets.
  const NEVER_RECORDED = ['id', 'createdAt', 'updatedAt', 'privacyAcceptedAt', 'anonymisedAt']
  const columns = (fields: Record<string, string>) => Object.keys(fields).filter((f) => !NEVER_RECORDED.includes(f))

  it.each([
    ['Trip', Prisma.TripScalarFieldEnum, TRIP_AUDIT_FIELDS],
    ['HostCity', Prisma.HostCityScalarFieldEnum, HOST_CITY_AUDIT_FIELDS],
    ['ProgrammeItem', Prisma.ProgrammeItemScalarFieldEnum, PROGRAMME_ITEM_AUDIT_FIELDS],
    ['SiteSettings', Prisma.SiteSettingsScalarFieldEnum, SETTINGS_AUDIT_FIELDS],
    ['Registration', Prisma.RegistrationScalarFieldEnum, REGISTRATION_AUDIT_FIELDS],
  ])('every column of %s has a Swedish name in the log, or is left out on purpose', (_model, fields, wording) => {
    const missing = columns(fields).filter((column) => !(column in wording))
    expect(missing).toEqual([])
  })
})

describe('describeChanges', () => {
  it('words numbers, yes and no, dates, moments, lists, host towns and the status', () => {
    expect(
      lines('trip', {
        seats: { from: 40, to: 45 },
        registrationOpen: { from: true, to: false },
        startDate: { from: '2027-05-20T00:00:00.000Z', to: '2027-05-21T00:00:00.000Z' },
        registrationDeadline: { from: null, to: '2027-04-30T21:59:00.000Z' },
        boardingStops: { from: ['Mjölby'], to: [] },
        hostCities: { from: [], to: ['boras', 'mora'] },
        publishedAt: { from: null, to: '2027-01-10T09:00:00.000Z' },
      }),
    ).toEqual([
      'Första dagen: 20 maj 2027 → 21 maj 2027',
      'Platser: 40 → 45',
      'Publicerad: Nej (utkast) → 10 januari 2027 kl. 10.00',
      'Anmälan är öppen: Ja → Nej',
      'Sista anmälningsdag: (tomt) → 30 april 2027 kl. 23.59',
      'Påstigningsplatser: Mjölby → (inga)',
      'Orter som besöks: (inga) → Borås, mora',
    ])
    expect(
      lines('registration', {
        status: { from: 'WAITLISTED', to: 'CONFIRMED' },
        role: { from: 'BUSINESS_OWNER', to: 'CIVIL_SERVANT' },
        overnight: { from: 'SINGLE_ROOM', to: 'SHARED_DOUBLE' },
        boardingStopId: { from: 11, to: 12 },
        showInParticipantList: { from: false, to: true },
        checkedInAt: { from: null, to: '2027-05-20T05:30:00.000Z' },
      }),
    ).toEqual([
      'Roll: Företagare → Tjänsteperson',
      'Övernattning: Enkelrum → Dela dubbelrum',
      'Påstigning: Mjölby resecentrum → plats nr 12 (borttagen)',
      'Visas i deltagarlistan: Nej → Ja',
      'Status: Reservlista → Bekräftad',
      'Incheckad: Nej → 20 maj 2027 kl. 07.30',
    ])
  })

  it('shows erased values as erased, cuts long texts, and leaves out the trip\'s id and nothing → nothing', () => {
    const description = 'Första stycket om resan. '.repeat(10)
    expect(
      lines('programmeItem', {
        tripId: { from: 3, to: null },
        title: { from: 'Kaffe', to: null },
        place: { from: null, to: null },
        participants: { from: description, to: null },
      }),
    ).toEqual(['Rubrik: Kaffe → (tomt)', `Vilka medverkar: ${shorten(description, 80)} → (tomt)`])
    expect(shorten(description, 80)).toHaveLength(75)
    expect(shorten(description, 80)).toMatch(/resan\.…$/)
    expect(lines('registration', { phone: { from: ERASED_VALUE, to: ERASED_VALUE } })).toEqual([`Mobilnummer: ${ERASED_VALUE} → ${ERASED_VALUE}`])
  })

  it('names a field it does not know by its key rather than hiding it, and reads no changes from anything but an object', () => {
    expect(lines('hostCity', { photoAlt: { from: 'a', to: 'b' }, name: { from: 'Mora', to: 'Mora kommun' } })).toEqual([
      'Namn: Mora → Mora kommun',
      'photoAlt: a → b',
    ])
    for (const changes of [null, undefined, [], 'text', 3]) expect(describeChanges('trip', changes, names)).toEqual([])
  })
})

describe('actorLabel', () => {
  it('says who: the participant, the site, or the organiser by name when known', () => {
    expect(actorLabel('deltagare')).toBe('Deltagaren själv')
    expect(actorLabel('automatiskt')).toBe('Automatiskt')
    expect(actorLabel('eva@mjolby.se', names.organisers)).toBe('Eva Berg (eva@mjolby.se)')
    expect(actorLabel('borttagen@mjolby.se', names.organisers)).toBe('borttagen@mjolby.se')
  })
})

describe('shorten', () => {
  it('keeps a short text, puts it on one line, and cuts a long one at a word', () => {
    expect(shorten('  Två\nrader  ', 80)).toBe('Två rader')
    expect(shorten('ett två tre fyra', 10)).toBe('ett två…')
    expect(shorten('x'.repeat(20), 10)).toBe(`${'x'.repeat(9)}…`)
  })
})
