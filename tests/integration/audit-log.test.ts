// The audit log that explains (lib/admin/audit-log.ts): each organiser's edit stored with the
// fields it changed, old and new, and shown in Swedish; participants' own changes, changes of
// address and cancellations logged as theirs; the object named while it exists and no longer once
// the person's data is erased; the filters by trip, by who and by participant; paging.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { PARTICIPANT_ACTOR, SITE_ACTOR } from '../../lib/admin/audit'
import { AUDIT_PAGE_SIZE, auditFilterOptions, auditLogPage, parseAuditQuery, type AuditQuery } from '../../lib/admin/audit-log'
import { db } from '../../lib/db'
import { ERASED_VALUE } from '../../lib/privacy/anonymise'
import { cancelRegistration } from '../../lib/registrations/cancel'
import { confirmEmailChange } from '../../lib/registrations/email-change'
import { correctRegistration } from '../../lib/registrations/organiser-changes'
import type { SignupValues } from '../../lib/registrations/schema'
import { submitSignup } from '../../lib/registrations/signup'
import { updateRegistration } from '../../lib/registrations/update'
import { saveSiteSettings, settingsFormValues } from '../../lib/settings/edit'
import { saveTrip } from '../../lib/trips/edit'
import { getTripForEdit, tripFormValues } from '../../lib/trips/edit-form'
import { hostCityFormValues, saveHostCity } from '../../lib/trips/host-city-edit'
import { saveProgrammeItem } from '../../lib/trips/programme'
import { createTestTrip, signupValues } from '../support/factories'

const ORGANISER = 'eva.berg@mjolby.se'
const office = '198.51.100.44'
const query = (q: Partial<AuditQuery> = {}): AuditQuery => ({ sida: 1, ...q })

async function signUp(slug: string, values: SignupValues): Promise<{ token: string; id: number }> {
  const outcome = await submitSignup(slug, values, { address: office })
  if (outcome.kind !== 'registered') throw new Error(outcome.kind)
  const { id } = await db().registration.findFirstOrThrow({ where: { email: values.email!.toLowerCase() }, orderBy: { id: 'desc' } })
  return { token: outcome.token, id }
}

const tokenIn = (text: string, route: string) => new RegExp(`/${route}/([A-Za-z0-9_-]{22})`).exec(text)?.[1]

async function editTrip(slug: string, change: Record<string, string | string[]>) {
  const result = await saveTrip(ORGANISER, slug, { ...tripFormValues(await getTripForEdit(slug)), ...change })
  if (!result.ok) throw new Error(JSON.stringify(result.errors))
}

describe('an organiser\'s edits', () => {
  it('store the fields changed, old and new, and the log words them in Swedish with the object named', async () => {
    await db().user.create({ data: { id: 'eva', name: 'Eva Berg', email: ORGANISER } })
    const trip = await createTestTrip(db(), { seats: 40, boardingStops: ['Mjölby'] })
    await editTrip(trip.slug, { seats: '45', registrationOpen: '', hasOvernight: 'on' })

    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: 'trip.updated' } })
    expect(entry).toMatchObject({ actor: ORGANISER, tripId: trip.id, entityId: String(trip.id) })
    expect(entry.changes).toEqual({ seats: { from: 40, to: 45 }, registrationOpen: { from: true, to: false } })

    const { rows, total } = await auditLogPage(query({ resa: trip.id }))
    expect(total).toBe(1)
    expect(rows[0]).toMatchObject({
      actor: `Eva Berg (${ORGANISER})`,
      object: { text: `Resa: ${trip.title}`, href: `/admin/resor/${trip.slug}/redigera` },
      summary: `Resan ”${trip.title}” ändrades.`,
    })
    expect(rows[0]!.changes.map((c) => `${c.label}: ${c.from} → ${c.to}`)).toEqual(['Platser: 40 → 45', 'Anmälan är öppen: Ja → Nej'])
  })

  it('name dates, boarding stops, host towns, programme items and settings as people read them', async () => {
    const trip = await createTestTrip(db(), { boardingStops: ['Mjölby', 'Mantorp'] })
    const city = await saveHostCity(ORGANISER, null, { slug: 'boras', name: 'Borås', county: 'Västra Götalands län', population: '113 000', portrait: 'Textilstaden.' })
    if (!city.ok) throw new Error(JSON.stringify(city.errors))
    const cityValues = hostCityFormValues((await db().hostCity.findUniqueOrThrow({ where: { id: city.value.id } }))!)
    expect((await saveHostCity(ORGANISER, 'boras', { ...cityValues, population: '114 000' })).ok).toBe(true)
    await editTrip(trip.slug, { hostCityIds: [String(city.value.id)], boardingStops: 'Mjölby\nMantorp\nSkänninge', endDate: '' })
    const day = trip.startDate!.toISOString().slice(0, 10)
    const item = await saveProgrammeItem(ORGANISER, trip.slug, null, { day, startTime: '09:00', endTime: '', title: 'Kaffe', place: '', participants: '' })
    if (!item.ok) throw new Error(JSON.stringify(item.errors))
    expect((await saveProgrammeItem(ORGANISER, trip.slug, item.value.id, { day, startTime: '09:30', endTime: '', title: 'Kaffe i bussen', place: '', participants: '' })).ok).toBe(true)
    const { values } = await settingsFormValues()
    // The seed's placeholder number is refused on save: a real one replaces it.
    expect((await saveSiteSettings(ORGANISER, { ...values, phone: '0142-850 00', phoneHours: 'vardagar 9–12' })).ok).toBe(true)

    const { rows } = await auditLogPage(query())
    const lines = (objectStart: string) =>
      rows.filter((r) => r.object.text.startsWith(objectStart)).flatMap((r) => r.changes.map((c) => `${c.label}: ${c.from} → ${c.to}`))
    expect(lines('Ort: Borås')).toContain('Invånare: 113000 → 114000')
    expect(rows.find((r) => r.summary === 'Orten Borås ändrades.')!.object).toEqual({ text: 'Ort: Borås', href: '/admin/orter/boras' })
    const tripLines = lines(`Resa: ${trip.title}`)
    expect(tripLines).toContain('Påstigningsplatser: Mjölby, Mantorp → Mjölby, Mantorp, Skänninge')
    expect(tripLines).toContain('Orter som besöks: (inga) → Borås')
    expect(tripLines.find((l) => l.startsWith('Sista dagen:'))).toMatch(/^Sista dagen: \d{1,2} [a-zåäö]+ \d{4} → \(tomt\)$/)
    const programme = rows.filter((r) => r.object.text === `Programpunkt: Kaffe i bussen, ${trip.title}`)
    expect(programme).toHaveLength(2)
    expect(programme[0]!.changes.map((c) => c.label)).toEqual(['Börjar', 'Rubrik'])
    expect(programme[0]!.changes[0]!.to).toMatch(/kl\. 09\.30$/)
    // The added item's entry lists its fields, but not the trip's id (the object names the trip).
    expect(programme[1]!.changes.map((c) => c.label)).not.toContain('tripId')
    expect(lines('Inställningar')).toEqual([
      `Telefon: ${values.phone} → 0142-850 00`,
      `Telefontider: ${values.phoneHours} → vardagar 9–12`,
      'Platshållare för kontaktuppgifterna: Ja → Nej',
    ])
  })
})

describe('a participant\'s own changes', () => {
  it('are logged as theirs: answers, a change of address old → new, and a cancellation; the seat given on is the site\'s', async () => {
    const trip = await createTestTrip(db(), { seats: 1 })
    const values = signupValues({ firstName: 'Anna', lastName: 'Andersson', email: 'anna.gammal@example.se' })
    const anna = await signUp(trip.slug, values)
    const waiting = await signUp(trip.slug, signupValues({ firstName: 'Bo', lastName: 'Väntesson' }))

    expect(await updateRegistration(anna.token, { ...values, phone: '070-987 65 43' }, new Date(), { address: office })).toMatchObject({ kind: 'updated' })
    const updated = await db().auditEntry.findFirstOrThrow({ where: { action: 'registration.updated' } })
    expect(updated).toMatchObject({ actor: PARTICIPANT_ACTOR, tripId: trip.id, entityId: String(anna.id) })
    expect(updated.changes).toEqual({ phone: { from: '+46701234567', to: '+46709876543' } })

    // The new address: asked for (the log does not hold an address nobody has confirmed) …
    expect(await updateRegistration(anna.token, { ...values, phone: '070-987 65 43', email: 'anna.ny@example.se' }, new Date(), { address: office })).toMatchObject({
      kind: 'email-change-sent',
    })
    const requested = await db().auditEntry.findFirstOrThrow({ where: { action: 'registration.email_change_requested' } })
    expect(requested).toMatchObject({ actor: PARTICIPANT_ACTOR, changes: null })
    expect(JSON.stringify(requested)).not.toContain('anna.ny')
    // … and confirmed from the new inbox: old → new.
    const confirmation = await db().outboxMessage.findFirstOrThrow({ where: { kind: 'email-confirm' } })
    expect(await confirmEmailChange(tokenIn(confirmation.textBody, 'anmalan/bekrafta-epost')!)).toMatchObject({ kind: 'confirmed' })
    const changed = await db().auditEntry.findFirstOrThrow({ where: { action: 'registration.email_changed' } })
    expect(changed).toMatchObject({ actor: PARTICIPANT_ACTOR, tripId: trip.id, changes: { email: { from: 'anna.gammal@example.se', to: 'anna.ny@example.se' } } })

    const fresh = await db().outboxMessage.findFirstOrThrow({ where: { kind: 'email-changed' } })
    expect(await cancelRegistration(tokenIn(fresh.textBody, 'anmalan')!, { erase: false })).toMatchObject({ kind: 'cancelled', promotedRegistrationId: waiting.id })

    const { rows } = await auditLogPage(query({ resa: trip.id }))
    expect(rows.map((r) => [r.actor, r.object.text, r.summary])).toEqual([
      ['Automatiskt', `Anmälan: Bo Väntesson, ${trip.title}`, `Bo Väntesson fick platsen från reservlistan när anmälan ${anna.id} avbokades`],
      ['Deltagaren själv', `Anmälan: Anna Andersson, ${trip.title}`, 'Avbokade sin anmälan'],
      ['Deltagaren själv', `Anmälan: Anna Andersson, ${trip.title}`, 'Bekräftade sin nya e-postadress'],
      ['Deltagaren själv', `Anmälan: Anna Andersson, ${trip.title}`, 'Bad om att byta e-postadress (gäller när den nya adressen är bekräftad)'],
      ['Deltagaren själv', `Anmälan: Anna Andersson, ${trip.title}`, 'Ändrade sina uppgifter'],
    ])
    expect(rows[0]!.object.href).toBe(`/admin/resor/${trip.slug}/anmalan/${waiting.id}`)
    expect(rows[1]!.changes.map((c) => `${c.label}: ${c.from} → ${c.to}`)).toEqual(['Status: Bekräftad → Avbokad'])
    expect(rows[2]!.changes.map((c) => `${c.label}: ${c.from} → ${c.to}`)).toEqual(['E-post: anna.gammal@example.se → anna.ny@example.se'])
    expect(rows[4]!.changes.map((c) => `${c.label}: ${c.from} → ${c.to}`)).toEqual(['Mobilnummer: 070-123 45 67 → 070-987 65 43'])
    expect(rows[0]!.changes.map((c) => `${c.label}: ${c.from} → ${c.to}`)).toEqual(['Status: Reservlista → Bekräftad'])
  })

  it('after erasure, the log names no one: the object by number, field names kept and personal values erased', async () => {
    const trip = await createTestTrip(db())
    const values = signupValues({ firstName: 'Ulrika', lastName: 'Raderad', email: 'ulrika.raderad@example.se', organisation: 'Raderingsbolaget AB' })
    const ulrika = await signUp(trip.slug, values)
    await updateRegistration(ulrika.token, { ...values, organisation: 'Nya Raderingsbolaget AB', role: 'fortroendevald' }, new Date(), { address: office })
    await correctRegistration(ORGANISER, ulrika.id, { ...values, lastName: 'Raderad-Ek', role: 'fortroendevald', organisation: 'Nya Raderingsbolaget AB' })
    const named = await auditLogPage(query({ resa: trip.id }))
    expect(JSON.stringify(named.rows)).toContain('Raderingsbolaget')

    expect(await cancelRegistration(ulrika.token, { erase: true })).toMatchObject({ kind: 'cancelled', erased: true })
    const { rows } = await auditLogPage(query({ resa: trip.id }))
    expect(rows.map((r) => [r.actor, r.summary])).toEqual([
      ['Deltagaren själv', 'Personuppgifterna togs bort på deltagarens begäran'],
      ['Deltagaren själv', 'Avbokade en anmälan (personuppgifterna är borttagna)'],
      [ORGANISER, 'Ändrade uppgifterna för en anmälan (personuppgifterna är borttagna)'],
      ['Deltagaren själv', 'Ändrade uppgifterna för en anmälan (personuppgifterna är borttagna)'],
    ])
    for (const row of rows) expect(row.object).toEqual({ text: `Anmälan nr ${ulrika.id} (personuppgifterna är borttagna), ${trip.title}` })
    // Which fields changed stays, and values that describe no one (the role, the status).
    expect(rows[3]!.changes.map((c) => `${c.label}: ${c.from} → ${c.to}`)).toEqual([
      `Organisation: ${ERASED_VALUE} → ${ERASED_VALUE}`,
      'Roll: Företagare → Förtroendevald',
    ])
    expect(rows[2]!.changes.map((c) => c.label)).toEqual(['Efternamn'])
    expect(JSON.stringify(rows)).not.toMatch(/Ulrika|Raderad|Raderingsbolaget|ulrika\.raderad/)
    // Nor can she be found by her name any more.
    expect((await auditLogPage(query({ deltagare: 'Ulrika' }))).total).toBe(0)
  })
})

describe('the filters and paging', () => {
  it('filter by trip, by who and by participant, together, and page through the rest', async () => {
    const [boras, mora] = [await createTestTrip(db(), { seats: 30 }), await createTestTrip(db(), { seats: 30 })]
    const anna = await signUp(boras.slug, signupValues({ firstName: 'Anna', lastName: 'Lind', email: 'anna.lind@example.se' }))
    const anders = await signUp(mora.slug, signupValues({ firstName: 'Anders', lastName: 'Lind', email: 'anders@example.se' }))
    await cancelRegistration(anna.token, { erase: false })
    await cancelRegistration(anders.token, { erase: false })
    await editTrip(boras.slug, { seats: '31' })
    await editTrip(mora.slug, { seats: '31' })

    const summaries = async (q: Partial<AuditQuery>) => (await auditLogPage(query(q))).rows.map((r) => `${r.actor}: ${r.object.text}`)
    expect(await summaries({ resa: boras.id })).toEqual([`${ORGANISER}: Resa: ${boras.title}`, `Deltagaren själv: Anmälan: Anna Lind, ${boras.title}`])
    expect(await summaries({ vem: PARTICIPANT_ACTOR })).toEqual([`Deltagaren själv: Anmälan: Anders Lind, ${mora.title}`, `Deltagaren själv: Anmälan: Anna Lind, ${boras.title}`])
    expect(await summaries({ vem: ORGANISER, resa: mora.id })).toEqual([`${ORGANISER}: Resa: ${mora.title}`])
    expect(await summaries({ vem: SITE_ACTOR })).toEqual([])
    // By participant: any part of the name or address, in any case; several words must all match.
    expect(await summaries({ deltagare: 'lind' })).toHaveLength(2)
    expect(await summaries({ deltagare: 'ANNA lind' })).toEqual([`Deltagaren själv: Anmälan: Anna Lind, ${boras.title}`])
    expect(await summaries({ deltagare: 'anders@example' })).toEqual([`Deltagaren själv: Anmälan: Anders Lind, ${mora.title}`])
    expect(await summaries({ deltagare: 'lind', resa: mora.id })).toEqual([`Deltagaren själv: Anmälan: Anders Lind, ${mora.title}`])
    expect(await summaries({ deltagare: 'Nobody' })).toEqual([])

    // The form's choices: every trip, the participant, the site, and the organisers who acted.
    const options = await auditFilterOptions()
    expect(options.trips.map((t) => t.value).sort()).toEqual([String(boras.id), String(mora.id)].sort())
    expect(options.actors.map((a) => a.label)).toEqual(['Deltagaren själv', 'Automatiskt', ORGANISER])

    // Paging: 50 a page, newest first; a page past the end shows the last.
    for (let seats = 32; seats < 32 + AUDIT_PAGE_SIZE; seats++) await editTrip(boras.slug, { seats: String(seats) })
    const first = await auditLogPage(query({ resa: boras.id }))
    expect(first).toMatchObject({ total: AUDIT_PAGE_SIZE + 2, pages: 2, page: 1 })
    expect(first.rows).toHaveLength(AUDIT_PAGE_SIZE)
    expect(first.rows[0]!.changes.map((c) => `${c.from} → ${c.to}`)).toEqual([`${30 + AUDIT_PAGE_SIZE} → ${31 + AUDIT_PAGE_SIZE}`])
    const last = await auditLogPage(query({ resa: boras.id, sida: 7 }))
    expect(last).toMatchObject({ page: 2 })
    expect(last.rows.map((r) => r.object.text)).toEqual([`Resa: ${boras.title}`, `Anmälan: Anna Lind, ${boras.title}`])
  })

  it('reads malformed filters in the URL as no filter, and never searches with control characters', () => {
    expect(parseAuditQuery({ resa: 'abc', vem: '', deltagare: '  ', sida: '-3' })).toEqual({ sida: 1 })
    expect(parseAuditQuery({ resa: ['7', '8'], vem: 'eva@mjolby.se', deltagare: 'An\u0000na', sida: '2' })).toEqual({
      resa: 7,
      vem: 'eva@mjolby.se',
      deltagare: 'An na',
      sida: 2,
    })
    expect(parseAuditQuery({ resa: '99999999999', deltagare: 'x'.repeat(101) })).toEqual({ sida: 1 })
  })
})

describe('the migration', () => {
  it('gives the entries written before it their trip', async () => {
    const trip = await createTestTrip(db())
    const { id } = await signUp(trip.slug, signupValues())
    const item = await db().programmeItem.create({ data: { tripId: trip.id, startsAt: trip.startDate!, title: 'Lunch' } })
    const old = (entityType: string, entityId: string, changes?: object) =>
      db().auditEntry.create({ data: { actor: ORGANISER, action: `${entityType}.x`, entityType, entityId, summary: '…', changes } })
    const entries = [
      await old('registration', String(id)),
      await old('trip', String(trip.id)),
      await old('message', String(trip.id)),
      await old('programmeItem', String(item.id)),
      await old('programmeItem', '999999', { tripId: { from: trip.id, to: null }, title: { from: 'Borttagen', to: null } }),
      await old('hostCity', '1'),
      await old('settings', '1'),
    ]
    const sql = fs.readFileSync(path.resolve('prisma/migrations/20261129194619_audit_trip_and_actor/migration.sql'), 'utf8')
    const backfill = sql.slice(sql.indexOf('UPDATE')).split(/;\s*(?:\n|$)/).filter((s) => s.trim())
    expect(backfill).toHaveLength(4)
    for (const statement of backfill) await db().$executeRawUnsafe(statement)
    const after = await db().auditEntry.findMany({ where: { id: { in: entries.map((e) => e.id) } }, orderBy: { id: 'asc' } })
    expect(after.map((e) => e.tripId)).toEqual([trip.id, trip.id, trip.id, trip.id, trip.id, null, null])
  })
})
