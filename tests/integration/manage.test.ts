// The personal link's page: finding a registration by its token, changing answers until the
// change deadline, and cancelling (with the waiting list's first person promoted in the same
// transaction, and the data removed on request, from the audit log too).
import { describe, expect, it } from 'vitest'
import { checkIn, confirmRegistration, correctRegistration, resendLatestEmail } from '../../lib/registrations/organiser-changes'
import { db } from '../../lib/db'
import { ERASED_VALUE } from '../../lib/privacy/anonymise'
import { cancelRegistration } from '../../lib/registrations/cancel'
import { findRegistrationByToken } from '../../lib/registrations/manage'
import { registerParticipant } from '../../lib/registrations/signup'
import { parseSignup, type SignupInput, type SignupValues } from '../../lib/registrations/schema'
import { EMAIL_TAKEN, updateRegistration } from '../../lib/registrations/update'
import { stockholmLocalToUtc } from '../../lib/dates'
import { createTestTrip, dayFromToday, signupValues } from '../support/factories'

const TRIP_OPTIONS = { hasOvernight: true, boardingStopIds: [] as number[] }

function input(overrides: SignupValues = {}): SignupInput {
  const parsed = parseSignup(signupValues(overrides), TRIP_OPTIONS)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors))
  return parsed.data
}

async function signUp(tripId: number, overrides: SignupValues = {}) {
  const result = await registerParticipant(tripId, input(overrides))
  if (result.kind !== 'registered') throw new Error(result.kind)
  return result
}

async function statusCounts(tripId: number) {
  const rows = await db().registration.groupBy({ by: ['status'], where: { tripId }, _count: true })
  return { CONFIRMED: 0, WAITLISTED: 0, CANCELLED: 0, ...Object.fromEntries(rows.map((r) => [r.status, r._count])) }
}

const outboxKinds = async (registrationId: number) =>
  (await db().outboxMessage.findMany({ where: { registrationId }, orderBy: { id: 'asc' } })).map((m) => m.kind)

describe('findRegistrationByToken', () => {
  it('finds the registration of a valid token and nothing for unknown or malformed ones', async () => {
    const trip = await createTestTrip(db())
    const r = await signUp(trip.id, { firstName: 'Tina' })
    const found = await findRegistrationByToken(r.token)
    expect(found).toMatchObject({ id: r.registrationId, firstName: 'Tina', status: 'CONFIRMED', waitlistPosition: null })
    expect(await findRegistrationByToken('A'.repeat(22))).toBeNull()
    expect(await findRegistrationByToken('kort')).toBeNull()
    expect(await findRegistrationByToken(`${r.token}x`)).toBeNull()
    expect(await findRegistrationByToken("'; DROP TABLE x; --aaaa")).toBeNull()
  })
})

describe('updateRegistration', () => {
  it('saves changed answers, keeps status and privacy date, and queues a "changed" e-mail', async () => {
    const trip = await createTestTrip(db())
    const r = await signUp(trip.id, { email: 'kim@example.se' })
    const before = await db().registration.findUniqueOrThrow({ where: { id: r.registrationId } })
    const result = await updateRegistration(
      r.token,
      signupValues({ email: ' KIM@example.se', organisation: 'Nya AB', overnight: 'dubbelrum', shareRoomWith: 'Lo', dietaryNeeds: 'Vegan' }),
      new Date('2027-01-01T00:00:00Z'),
    )
    expect(result).toEqual({ kind: 'updated', emailSent: true })
    const after = await db().registration.findUniqueOrThrow({ where: { id: r.registrationId } })
    expect(after).toMatchObject({
      email: 'kim@example.se',
      organisation: 'Nya AB',
      overnight: 'SHARED_DOUBLE',
      shareRoomWith: 'Lo',
      dietaryNeeds: 'Vegan',
      status: 'CONFIRMED',
    })
    expect(after.privacyAcceptedAt).toEqual(before.privacyAcceptedAt)
    expect(await outboxKinds(r.registrationId)).toEqual(['confirmed', 'changed'])
  })

  it('answers invalid input with the schema\'s errors and the typed values, changing nothing', async () => {
    const trip = await createTestTrip(db())
    const r = await signUp(trip.id)
    const result = await updateRegistration(r.token, signupValues({ phone: '013-12', organisation: '' }), new Date('2027-01-01'))
    expect(result).toMatchObject({
      kind: 'invalid',
      values: { phone: '013-12', organisation: '' },
      fieldErrors: { phone: 'Skriv ett svenskt mobilnummer, t.ex. 070-123 45 67.', organisation: 'Fyll i organisation.' },
    })
    expect((await db().registration.findUniqueOrThrow({ where: { id: r.registrationId } })).organisation).toBe('Mjölby Verkstad AB')
    expect(await outboxKinds(r.registrationId)).toEqual(['confirmed'])
  })

  it('refuses an e-mail that another active registration of the trip has, but not a cancelled one\'s', async () => {
    const trip = await createTestTrip(db())
    const other = await signUp(trip.id, { email: 'upptagen@example.se' })
    const gone = await signUp(trip.id, { email: 'avbokad@example.se' })
    await cancelRegistration(gone.token, { erase: false })
    const r = await signUp(trip.id)
    const result = await updateRegistration(r.token, signupValues({ email: 'Upptagen@example.se' }), new Date('2027-01-01'))
    expect(result).toMatchObject({ kind: 'invalid', fieldErrors: { email: EMAIL_TAKEN }, values: { email: 'Upptagen@example.se' } })
    expect(other.kind).toBe('registered')
    expect(await updateRegistration(r.token, signupValues({ email: 'avbokad@example.se' }), new Date('2027-01-01'))).toEqual({
      kind: 'email-change-sent',
      otherChangesSaved: false,
    })
    // The same trip only: another trip's participant may have the address.
    const otherTrip = await createTestTrip(db())
    const elsewhere = await signUp(otherTrip.id)
    expect(await updateRegistration(elsewhere.token, signupValues({ email: 'upptagen@example.se' }), new Date('2027-01-01'))).toEqual({
      kind: 'email-change-sent',
      otherChangesSaved: false,
    })
  })

  it('locks the answers after changesAllowedUntil, or when unset, from the trip\'s first day', async () => {
    const trip = await createTestTrip(db()) // starts two months from today
    const r = await signUp(trip.id)
    const { email } = await db().registration.findUniqueOrThrow({ where: { id: r.registrationId } })
    let n = 0
    // A different answer each time: a save that changes nothing is answered 'unchanged'.
    const values = () => signupValues({ email, organisation: `Sent AB ${++n}` })
    const day = (daysBefore: number) => dayFromToday(-daysBefore, trip.startDate!).toISOString().slice(0, 10)
    // Until the day before the start, Stockholm time.
    expect(await updateRegistration(r.token, values(), stockholmLocalToUtc(day(1), '23:59'))).toEqual({ kind: 'updated', emailSent: true })
    expect(await updateRegistration(r.token, values(), stockholmLocalToUtc(day(0), '00:00'))).toEqual({ kind: 'locked' })

    const until = stockholmLocalToUtc(day(19), '14:00')
    await db().trip.update({ where: { id: trip.id }, data: { changesAllowedUntil: until } })
    expect(await updateRegistration(r.token, values(), until)).toEqual({ kind: 'updated', emailSent: true })
    expect(await updateRegistration(r.token, values(), new Date(until.getTime() + 1000))).toEqual({ kind: 'locked' })
    // Locked is answered before the form is read.
    expect(await updateRegistration(r.token, {}, stockholmLocalToUtc(day(18), '12:00'))).toEqual({ kind: 'locked' })
  })

  it('refuses unknown tokens and cancelled registrations', async () => {
    const trip = await createTestTrip(db())
    const r = await signUp(trip.id)
    expect(await updateRegistration('B'.repeat(22), signupValues(), new Date('2027-01-01'))).toEqual({ kind: 'not-found' })
    expect(await updateRegistration('nej', signupValues(), new Date('2027-01-01'))).toEqual({ kind: 'not-found' })
    await cancelRegistration(r.token, { erase: false })
    expect(await updateRegistration(r.token, signupValues(), new Date('2027-01-01'))).toEqual({ kind: 'cancelled' })
  })
})

describe('cancelRegistration', () => {
  it('cancels a confirmed seat and gives it to the first on the waiting list, with their e-mails', async () => {
    const trip = await createTestTrip(db(), { seats: 2 })
    const a = await signUp(trip.id)
    await signUp(trip.id)
    const firstWaiting = await signUp(trip.id)
    const secondWaiting = await signUp(trip.id)
    expect(firstWaiting.status).toBe('WAITLISTED')

    const now = new Date(trip.startDate!.getTime() - 7 * 86_400_000) // a week before the trip
    const result = await cancelRegistration(a.token, { erase: false }, now)
    expect(result).toEqual({
      kind: 'cancelled',
      registrationId: a.registrationId,
      promotedRegistrationId: firstWaiting.registrationId,
      erased: false,
      emailSent: true,
    })

    const cancelled = await db().registration.findUniqueOrThrow({ where: { id: a.registrationId } })
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelledAt: now, anonymisedAt: null })
    expect((await db().registration.findUniqueOrThrow({ where: { id: firstWaiting.registrationId } })).status).toBe('CONFIRMED')
    expect((await db().registration.findUniqueOrThrow({ where: { id: secondWaiting.registrationId } })).status).toBe('WAITLISTED')
    expect(await statusCounts(trip.id)).toEqual({ CONFIRMED: 2, WAITLISTED: 1, CANCELLED: 1 })

    expect(await outboxKinds(a.registrationId)).toEqual(['confirmed', 'cancelled'])
    expect(await outboxKinds(firstWaiting.registrationId)).toEqual(['waitlisted', 'promoted'])
    const promoted = await db().outboxMessage.findFirstOrThrow({ where: { registrationId: firstWaiting.registrationId, kind: 'promoted' } })
    expect(promoted.subject).toBe(`Du har fått en plats på ${trip.title}`)
    expect(promoted.icsAttachment).toBeTruthy()
    const notices = await db().outboxMessage.findMany({ where: { kind: 'organiser-cancellation' } })
    expect(notices).toHaveLength(1)
    expect(notices[0]!.textBody).toContain(`Anmälan nr ${a.registrationId}`)

    // The second person on the list is now first.
    expect((await findRegistrationByToken(secondWaiting.token))?.waitlistPosition).toBe(1)
  })

  it('cancelling a place on the waiting list promotes nobody', async () => {
    const trip = await createTestTrip(db(), { seats: 1 })
    await signUp(trip.id)
    const w1 = await signUp(trip.id)
    const w2 = await signUp(trip.id)
    const result = await cancelRegistration(w1.token, { erase: false })
    expect(result).toMatchObject({ kind: 'cancelled', promotedRegistrationId: null })
    expect(await statusCounts(trip.id)).toEqual({ CONFIRMED: 1, WAITLISTED: 1, CANCELLED: 1 })
    expect(await outboxKinds(w2.registrationId)).toEqual(['waitlisted'])
    expect(await db().outboxMessage.count({ where: { kind: 'promoted' } })).toBe(0)
  })

  it('answers a second cancellation and unknown tokens without throwing', async () => {
    const trip = await createTestTrip(db())
    const r = await signUp(trip.id)
    expect((await cancelRegistration(r.token, { erase: false })).kind).toBe('cancelled')
    expect(await cancelRegistration(r.token, { erase: false })).toEqual({ kind: 'already-cancelled' })
    expect(await cancelRegistration('C'.repeat(22), { erase: false })).toEqual({ kind: 'not-found' })
    expect(await cancelRegistration('../etc', { erase: true })).toEqual({ kind: 'not-found' })
    expect(await db().outboxMessage.count({ where: { kind: 'cancelled' } })).toBe(1)
  })

  it('with erase, keeps the row for the counts but removes every personal detail, link and unsent e-mail', async () => {
    const trip = await createTestTrip(db(), { seats: 1 })
    const r = await signUp(trip.id, {
      email: 'hemlig@example.se',
      dietaryNeeds: 'Nötallergi',
      otherInfo: 'Rullstol',
      overnight: 'dubbelrum',
      shareRoomWith: 'Per',
      showInParticipantList: 'on',
    })
    const waiting = await signUp(trip.id)
    // One e-mail already went out, the confirmation is still queued.
    await db().outboxMessage.updateMany({ where: { registrationId: r.registrationId }, data: { status: 'SENT' } })
    await db().outboxMessage.create({
      data: { kind: 'changed', registrationId: r.registrationId, toAddress: 'hemlig@example.se', subject: 's', textBody: 't', htmlBody: 'h' },
    })

    const now = new Date(trip.startDate!.getTime() - 7 * 86_400_000) // a week before the trip
    const result = await cancelRegistration(r.token, { erase: true }, now)
    expect(result).toMatchObject({ kind: 'cancelled', promotedRegistrationId: waiting.registrationId, erased: true })

    const row = await db().registration.findUniqueOrThrow({ where: { id: r.registrationId } })
    expect(row).toMatchObject({
      status: 'CANCELLED',
      firstName: 'Borttagen',
      lastName: '',
      email: `borttagen-${r.registrationId}@invalid`,
      phone: '',
      organisation: '',
      dietaryNeeds: null,
      otherInfo: null,
      shareRoomWith: null,
      showInParticipantList: false,
      anonymisedAt: now,
      cancelledAt: now,
    })
    expect(JSON.stringify(row)).not.toMatch(/hemlig|Nötallergi|Rullstol|Per|Anna|Andersson|Mjölby Verkstad|\+46/)
    expect(await statusCounts(trip.id)).toEqual({ CONFIRMED: 1, WAITLISTED: 0, CANCELLED: 1 })
    expect(await db().registrationLink.count({ where: { registrationId: r.registrationId } })).toBe(0)
    expect(await findRegistrationByToken(r.token)).toBeNull()
    // No 'cancelled' e-mail to an erased person; the sent one is kept without address or text.
    const left = await db().outboxMessage.findMany({ where: { registrationId: r.registrationId } })
    expect(left.map((m) => [m.kind, m.status])).toEqual([['confirmed', 'SENT']])
    expect(JSON.stringify(left)).not.toContain('hemlig')
    expect(await db().outboxMessage.count({ where: { kind: 'organiser-cancellation' } })).toBe(1)
    const notice = await db().outboxMessage.findFirstOrThrow({ where: { kind: 'organiser-cancellation' } })
    expect(notice.textBody).not.toContain('hemlig')
    // The erased person can sign up again like anyone else.
    expect((await registerParticipant(trip.id, input({ email: 'hemlig@example.se' }))).kind).toBe('registered')
  })

  it('with erase, also scrubs the audit log: no name or old value is left, the status changes and other people\'s entries stay', async () => {
    const trip = await createTestTrip(db(), { seats: 1 })
    const other = await signUp(trip.id, { firstName: 'Örjan', lastName: 'Förstberg' })
    const r = await signUp(trip.id, { firstName: 'Ulrika', lastName: 'Gammalnamn', phone: '070-111 22 33', dietaryNeeds: 'Laktosfri' })
    const { email } = await db().registration.findUniqueOrThrow({ where: { id: r.registrationId } })
    // An organiser corrects her name, phone and dietary answer, confirms her and sends her e-mail again.
    const corrected = await correctRegistration('eva@mjolby.se', r.registrationId, {
      ...signupValues({ email, firstName: 'Ulrika', lastName: 'Nyberg', phone: '070-444 55 66', dietaryNeeds: 'Nötallergi', otherInfo: 'Kommer med färdtjänst' }),
    })
    expect(corrected).toMatchObject({ kind: 'updated' })
    expect(await confirmRegistration('eva@mjolby.se', r.registrationId, { overbook: true })).toMatchObject({ kind: 'confirmed' })
    expect(await resendLatestEmail('eva@mjolby.se', r.registrationId)).toMatchObject({ kind: 'resent' })
    await checkIn('eva@mjolby.se', other.registrationId, true)
    const own = () => db().auditEntry.findMany({ where: { entityType: 'registration', entityId: String(r.registrationId) }, orderBy: { id: 'asc' } })
    const before = await own()
    expect(JSON.stringify(before)).toMatch(/Gammalnamn/)
    expect(JSON.stringify(before)).toContain(email)
    const othersBefore = await db().auditEntry.findMany({ where: { NOT: { entityId: String(r.registrationId) } }, orderBy: { id: 'asc' } })

    expect(await cancelRegistration(r.token, { erase: true })).toMatchObject({ kind: 'cancelled', erased: true })
    const after = await own()
    // The entries before, by the same people at the same times, then her own cancellation and
    // erasure, with nothing personal left.
    expect(after.slice(0, before.length).map((e) => [e.action, e.actor, e.at])).toEqual(before.map((e) => [e.action, e.actor, e.at]))
    expect(after.slice(before.length).map((e) => [e.action, e.actor, e.summary])).toEqual([
      ['registration.cancelled', 'deltagare', 'Avbokade en anmälan (personuppgifterna är borttagna)'],
      ['registration.erased', 'deltagare', 'Personuppgifterna togs bort på deltagarens begäran'],
    ])
    expect(JSON.stringify(after)).not.toMatch(/Ulrika|Gammalnamn|Nyberg|Laktosfri|Nötallergi|färdtjänst|\+4670/)
    expect(JSON.stringify(after)).not.toContain(email)
    const update = after.find((e) => e.action === 'registration.updated')!
    expect(update.summary).toBe('Ändrade uppgifterna för en anmälan (personuppgifterna är borttagna)')
    expect(update.changes).toEqual({
      lastName: { from: ERASED_VALUE, to: ERASED_VALUE },
      phone: { from: ERASED_VALUE, to: ERASED_VALUE },
      dietaryNeeds: { from: ERASED_VALUE, to: ERASED_VALUE },
      otherInfo: { from: ERASED_VALUE, to: ERASED_VALUE },
    })
    expect(after.find((e) => e.action === 'registration.confirmed')!.changes).toEqual({ status: { from: 'WAITLISTED', to: 'CONFIRMED' } })
    // Another participant's entries are theirs and stay as they were.
    expect(await db().auditEntry.findMany({ where: { NOT: { entityId: String(r.registrationId) } }, orderBy: { id: 'asc' } })).toEqual(othersBefore)
    expect(othersBefore.map((e) => e.summary)).toContain('Checkade in Örjan Förstberg')
  })

  it('keeps exactly the seat count confirmed under 50 simultaneous cancellations and signups', async () => {
    const seats = 10
    const trip = await createTestTrip(db(), { seats })
    const existing = []
    for (let i = 0; i < 30; i++) existing.push(await signUp(trip.id))
    expect(await statusCounts(trip.id)).toEqual({ CONFIRMED: 10, WAITLISTED: 20, CANCELLED: 0 })

    // 25 distinct registrations, confirmed and waiting, in random order.
    const toCancel = [...existing].sort(() => Math.random() - 0.5).slice(0, 25)
    const operations: (() => Promise<unknown>)[] = [
      ...toCancel.map((r) => () => cancelRegistration(r.token, { erase: Math.random() < 0.3 })),
      ...Array.from({ length: 25 }, () => () => registerParticipant(trip.id, input())),
    ].sort(() => Math.random() - 0.5)
    const results = await Promise.all(operations.map((op) => op()))

    const cancels = results.filter((r) => (r as { kind: string }).kind === 'cancelled') as { promotedRegistrationId: number | null }[]
    expect(cancels).toHaveLength(25)
    expect(results.filter((r) => (r as { kind: string }).kind === 'registered')).toHaveLength(25)

    const counts = await statusCounts(trip.id)
    const active = counts.CONFIRMED + counts.WAITLISTED
    expect(active).toBe(30)
    expect(counts.CANCELLED).toBe(25)
    expect(counts.CONFIRMED).toBe(Math.min(seats, active))

    // The confirmed are the earliest active registrations: nobody was passed over on the list.
    const activeRows = await db().registration.findMany({
      where: { tripId: trip.id, status: { in: ['CONFIRMED', 'WAITLISTED'] } },
      orderBy: { id: 'asc' },
      select: { id: true, status: true },
    })
    const confirmedIds = activeRows.filter((r) => r.status === 'CONFIRMED').map((r) => r.id)
    const waitingIds = activeRows.filter((r) => r.status === 'WAITLISTED').map((r) => r.id)
    expect(Math.max(...confirmedIds)).toBeLessThan(Math.min(...waitingIds))

    // Every promotion was a different person, and each got exactly one 'promoted' e-mail (unless
    // they then cancelled with erase, which removes their unsent e-mail).
    const promoted = cancels.flatMap((c) => (c.promotedRegistrationId ? [c.promotedRegistrationId] : []))
    expect(promoted.length).toBeGreaterThan(0)
    expect(new Set(promoted).size).toBe(promoted.length)
    const erased = new Set(
      (await db().registration.findMany({ where: { id: { in: promoted }, anonymisedAt: { not: null } }, select: { id: true } })).map((r) => r.id),
    )
    const promotedMail = await db().outboxMessage.findMany({ where: { kind: 'promoted' }, select: { registrationId: true } })
    expect(promotedMail.map((m) => m.registrationId).sort()).toEqual(promoted.filter((id) => !erased.has(id)).sort())
    expect(await db().outboxMessage.count({ where: { kind: 'organiser-cancellation' } })).toBe(25)
  })
})
