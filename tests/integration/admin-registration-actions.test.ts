// What organisers do to one registration (lib/registrations/organiser-changes.ts): each action's effect,
// the audit entry with the actor and the changed fields, seats respected unless overbooking, and
// the participant's e-mail in the outbox.
import { describe, expect, it } from 'vitest'
import {
  cancelByOrganiser,
  checkIn,
  confirmRegistration,
  correctRegistration,
  moveToWaitlist,
  reinstateRegistration,
  resendLatestEmail,
} from '../../lib/registrations/organiser-changes'
import { cancellationOutcome, checkInList, getAdminRegistration } from '../../lib/admin/registration-detail'
import { db } from '../../lib/db'
import { cancelRegistration } from '../../lib/registrations/cancel'
import { registerParticipant } from '../../lib/registrations/signup'
import { parseSignup, type SignupValues } from '../../lib/registrations/schema'
import { EMAIL_TAKEN } from '../../lib/registrations/update'
import { createTestTrip, signupValues } from '../support/factories'

const ACTOR = 'eva@mjolby.se'

async function signUp(trip: { id: number; hasOvernight: boolean; boardingStops: { id: number }[] }, overrides: SignupValues = {}) {
  return (await signUpWithToken(trip, overrides)).registrationId
}

async function signUpWithToken(trip: { id: number; hasOvernight: boolean; boardingStops: { id: number }[] }, overrides: SignupValues = {}) {
  const parsed = parseSignup(signupValues(overrides), { hasOvernight: trip.hasOvernight, boardingStopIds: trip.boardingStops.map((s) => s.id) })
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors))
  const result = await registerParticipant(trip.id, parsed.data)
  if (result.kind !== 'registered') throw new Error(result.kind)
  return result
}

const statusOf = async (id: number) => (await db().registration.findUniqueOrThrow({ where: { id } })).status
const outboxKinds = async (registrationId: number) =>
  (await db().outboxMessage.findMany({ where: { registrationId }, orderBy: { id: 'asc' } })).map((m) => m.kind)
const auditOf = (id: number) => db().auditEntry.findMany({ where: { entityType: 'registration', entityId: String(id) }, orderBy: { id: 'asc' } })

describe('correctRegistration', () => {
  it('saves the corrected answers, audits the changed fields with the actor and queues a "changed" e-mail', async () => {
    const trip = await createTestTrip(db(), { boardingStops: ['Mjölby', 'Mantorp'] })
    const id = await signUp(trip, { boardingStopId: String(trip.boardingStops[0]!.id), organisation: 'Gamla AB', email: 'kim@example.se' })
    const current = await db().registration.findUniqueOrThrow({ where: { id } })
    const result = await correctRegistration(ACTOR, id, {
      ...signupValues({ email: 'kim@example.se', firstName: current.firstName, lastName: current.lastName, phone: current.phone }),
      organisation: 'Nya AB',
      boardingStopId: String(trip.boardingStops[1]!.id),
      privacyAccepted: undefined,
    })
    expect(result).toEqual({ kind: 'updated', changed: ['organisation', 'boardingStopId'] })
    const after = await db().registration.findUniqueOrThrow({ where: { id } })
    expect(after).toMatchObject({ organisation: 'Nya AB', boardingStopId: trip.boardingStops[1]!.id, status: 'CONFIRMED' })
    const [entry] = await auditOf(id)
    expect(entry).toMatchObject({
      actor: ACTOR,
      action: 'registration.updated',
      changes: {
        organisation: { from: 'Gamla AB', to: 'Nya AB' },
        boardingStopId: { from: trip.boardingStops[0]!.id, to: trip.boardingStops[1]!.id },
      },
    })
    expect(await outboxKinds(id)).toEqual(['confirmed', 'changed'])
  })

  it('answers with the field errors of the public form, and refuses an address another active registration uses', async () => {
    const trip = await createTestTrip(db())
    const id = await signUp(trip, { email: 'a@example.se' })
    await signUp(trip, { email: 'b@example.se' })
    const invalid = await correctRegistration(ACTOR, id, signupValues({ email: 'a@example.se', phone: '123' }))
    expect(invalid).toMatchObject({ kind: 'invalid', fieldErrors: { phone: expect.stringContaining('mobilnummer') } })
    const taken = await correctRegistration(ACTOR, id, signupValues({ email: ' B@example.se' }))
    expect(taken).toMatchObject({ kind: 'invalid', fieldErrors: { email: EMAIL_TAKEN } })
    expect((await db().registration.findUniqueOrThrow({ where: { id } })).email).toBe('a@example.se')
    expect(await auditOf(id)).toEqual([])
    expect(await outboxKinds(id)).toEqual(['confirmed'])
    expect(await correctRegistration(ACTOR, 999_999, signupValues())).toEqual({ kind: 'not-found' })
  })

  it('writes nothing when nothing changed', async () => {
    const trip = await createTestTrip(db())
    const values = signupValues()
    const id = await signUp(trip, values)
    expect(await correctRegistration(ACTOR, id, values)).toEqual({ kind: 'updated', changed: [] })
    expect(await auditOf(id)).toEqual([])
    expect(await outboxKinds(id)).toEqual(['confirmed'])
  })
})

describe('confirmRegistration', () => {
  it('confirms a waiting participant only while a seat is free, unless the organiser overbooks', async () => {
    const trip = await createTestTrip(db(), { seats: 1 })
    const first = await signUp(trip)
    const waiting = await signUp(trip)
    expect(await statusOf(waiting)).toBe('WAITLISTED')

    expect(await confirmRegistration(ACTOR, waiting, { overbook: false })).toEqual({ kind: 'no-seat' })
    expect(await statusOf(waiting)).toBe('WAITLISTED')
    expect(await confirmRegistration(ACTOR, first, { overbook: false })).toEqual({ kind: 'wrong-status', status: 'CONFIRMED' })

    expect(await confirmRegistration(ACTOR, waiting, { overbook: true })).toEqual({ kind: 'confirmed', overbooked: true })
    expect(await statusOf(waiting)).toBe('CONFIRMED')
    expect(await db().registration.count({ where: { tripId: trip.id, status: 'CONFIRMED' } })).toBe(2)
    expect(await outboxKinds(waiting)).toEqual(['waitlisted', 'promoted'])
    const [entry] = await auditOf(waiting)
    expect(entry).toMatchObject({ actor: ACTOR, action: 'registration.confirmed', changes: { status: { from: 'WAITLISTED', to: 'CONFIRMED' } } })
    expect(entry!.summary).toContain('överbokad')
  })

  it('confirms into a free seat without overbooking', async () => {
    const trip = await createTestTrip(db(), { seats: 1 })
    const first = await signUp(trip)
    const waiting = await signUp(trip)
    expect(await moveToWaitlist(ACTOR, first)).toMatchObject({ kind: 'waitlisted' })
    // The freed seat went to nobody by itself.
    expect(await statusOf(waiting)).toBe('WAITLISTED')
    expect(await confirmRegistration(ACTOR, waiting, { overbook: false })).toEqual({ kind: 'confirmed', overbooked: false })
    expect(await statusOf(waiting)).toBe('CONFIRMED')
  })
})

describe('moveToWaitlist', () => {
  it('moves a confirmed participant to the waiting list in order of arrival, audits and queues "waitlisted"', async () => {
    const trip = await createTestTrip(db(), { seats: 1 })
    const first = await signUp(trip)
    const second = await signUp(trip)
    expect(await moveToWaitlist(ACTOR, first)).toEqual({ kind: 'waitlisted', position: 1 })
    expect(await statusOf(first)).toBe('WAITLISTED')
    expect(await statusOf(second)).toBe('WAITLISTED')
    expect(await outboxKinds(first)).toEqual(['confirmed', 'waitlisted'])
    expect(await auditOf(first)).toMatchObject([{ actor: ACTOR, action: 'registration.waitlisted', changes: { status: { from: 'CONFIRMED', to: 'WAITLISTED' } } }])
    expect(await moveToWaitlist(ACTOR, first)).toEqual({ kind: 'wrong-status', status: 'WAITLISTED' })
  })
})

describe('cancelByOrganiser', () => {
  it('cancels, gives the seat to the first waiting (as a participant’s own cancellation does) and e-mails both', async () => {
    const trip = await createTestTrip(db(), { seats: 1 })
    const first = await signUp(trip)
    const second = await signUp(trip)
    const third = await signUp(trip)
    expect(await cancelByOrganiser(ACTOR, first)).toEqual({ kind: 'cancelled', promotedRegistrationId: second })
    expect(await statusOf(first)).toBe('CANCELLED')
    expect(await statusOf(second)).toBe('CONFIRMED')
    expect(await statusOf(third)).toBe('WAITLISTED')
    expect(await outboxKinds(first)).toEqual(['confirmed', 'cancelled'])
    expect(await outboxKinds(second)).toEqual(['waitlisted', 'promoted'])
    expect(await auditOf(first)).toMatchObject([{ actor: ACTOR, action: 'registration.cancelled', changes: { status: { from: 'CONFIRMED', to: 'CANCELLED' } } }])
    expect(await auditOf(second)).toMatchObject([{ actor: ACTOR, action: 'registration.promoted' }])
    expect(await cancelByOrganiser(ACTOR, first)).toEqual({ kind: 'wrong-status', status: 'CANCELLED' })
  })

  it('promotes nobody when a waiting participant is cancelled', async () => {
    const trip = await createTestTrip(db(), { seats: 1 })
    await signUp(trip)
    const second = await signUp(trip)
    const third = await signUp(trip)
    expect(await cancelByOrganiser(ACTOR, second)).toEqual({ kind: 'cancelled', promotedRegistrationId: null })
    expect(await statusOf(third)).toBe('WAITLISTED')
  })
})

describe('reinstateRegistration', () => {
  it('brings a cancelled participant back with a seat when one is free, audits it and e-mails the seat', async () => {
    const trip = await createTestTrip(db(), { seats: 2 })
    const id = await signUp(trip)
    await cancelByOrganiser(ACTOR, id)
    expect(await reinstateRegistration(ACTOR, id, { overbook: false })).toEqual({ kind: 'reinstated', status: 'CONFIRMED', overbooked: false })
    const after = await db().registration.findUniqueOrThrow({ where: { id } })
    expect(after).toMatchObject({ status: 'CONFIRMED', cancelledAt: null })
    expect(await outboxKinds(id)).toEqual(['confirmed', 'cancelled', 'reinstated'])
    const email = await db().outboxMessage.findFirstOrThrow({ where: { registrationId: id, kind: 'reinstated' } })
    expect(email.subject).toBe(`Din anmälan till ${trip.title} gäller igen`)
    expect(email.textBody).toContain('Du har en plats på resan.')
    expect(email.icsAttachment).toContain('BEGIN:VCALENDAR')
    expect((await auditOf(id)).at(-1)).toMatchObject({ actor: ACTOR, action: 'registration.reinstated', changes: { status: { from: 'CANCELLED', to: 'CONFIRMED' } } })
    expect(await reinstateRegistration(ACTOR, id, { overbook: false })).toEqual({ kind: 'wrong-status', status: 'CONFIRMED' })
  })

  it('puts them on the waiting list, in their order of arrival, when the trip is full, unless the organiser overbooks', async () => {
    const trip = await createTestTrip(db(), { seats: 1 })
    const first = await signUp(trip)
    const second = await signUp(trip)
    const third = await signUp(trip)
    await cancelByOrganiser(ACTOR, first) // second gets the seat; third waits
    expect(await reinstateRegistration(ACTOR, first, { overbook: false })).toEqual({ kind: 'reinstated', status: 'WAITLISTED', overbooked: false })
    expect(await statusOf(second)).toBe('CONFIRMED')
    expect((await getAdminRegistration(trip.slug, first))?.waitlistPosition).toBe(1)
    expect((await getAdminRegistration(trip.slug, third))?.waitlistPosition).toBe(2)
    expect((await outboxKinds(first)).at(-1)).toBe('reinstated')
    expect((await db().outboxMessage.findFirstOrThrow({ where: { registrationId: first, kind: 'reinstated' } })).textBody).toContain(
      'Du står på reservlistan, på plats 1.',
    )

    await cancelByOrganiser(ACTOR, third)
    expect(await reinstateRegistration(ACTOR, third, { overbook: true })).toEqual({ kind: 'reinstated', status: 'CONFIRMED', overbooked: true })
    expect(await db().registration.count({ where: { tripId: trip.id, status: 'CONFIRMED' } })).toBe(2)
  })

  it('refuses when the data was erased, or when the same address has signed up again since', async () => {
    const trip = await createTestTrip(db(), { seats: 5 })
    const { registrationId: erased, token } = await signUpWithToken(trip, { email: 'borta@example.se' })
    await cancelRegistration(token, { erase: true })
    expect(await reinstateRegistration(ACTOR, erased, { overbook: false })).toEqual({ kind: 'anonymised' })
    expect(await statusOf(erased)).toBe('CANCELLED')

    const old = await signUp(trip, { email: 'igen@example.se' })
    await cancelByOrganiser(ACTOR, old)
    await signUp(trip, { email: 'igen@example.se' })
    expect(await reinstateRegistration(ACTOR, old, { overbook: false })).toEqual({ kind: 'email-taken' })
    expect(await statusOf(old)).toBe('CANCELLED')
    expect(await reinstateRegistration(ACTOR, 999_999, { overbook: false })).toEqual({ kind: 'not-found' })
  })
})

describe('checkIn', () => {
  it('sets and clears checkedInAt with an audit entry, only for confirmed participants', async () => {
    const trip = await createTestTrip(db(), { seats: 1, boardingStops: ['Mjölby', 'Mantorp'] })
    const id = await signUp(trip, { boardingStopId: String(trip.boardingStops[1]!.id) })
    const waiting = await signUp(trip, { boardingStopId: String(trip.boardingStops[0]!.id) })
    const at = new Date('2027-05-20T06:30:00Z')
    expect(await checkIn(ACTOR, id, true, at)).toEqual({ kind: 'checked-in' })
    expect((await db().registration.findUniqueOrThrow({ where: { id } })).checkedInAt).toEqual(at)
    expect(await checkIn(ACTOR, id, true)).toEqual({ kind: 'unchanged' })
    expect(await checkInList(trip.id)).toMatchObject({ total: 1, checkedIn: 1, groups: [{ stop: 'Mantorp', rows: [{ id }] }] })

    expect(await checkIn(ACTOR, id, false)).toEqual({ kind: 'check-in-undone' })
    expect((await db().registration.findUniqueOrThrow({ where: { id } })).checkedInAt).toBeNull()
    expect(await auditOf(id)).toMatchObject([
      { actor: ACTOR, action: 'registration.checked_in', changes: { checkedInAt: { from: null, to: at.toISOString() } } },
      { actor: ACTOR, action: 'registration.checked_in', changes: { checkedInAt: { from: at.toISOString(), to: null } } },
    ])
    expect(await checkIn(ACTOR, waiting, true)).toEqual({ kind: 'wrong-status', status: 'WAITLISTED' })
    expect(await outboxKinds(id)).toEqual(['confirmed'])
  })
})

describe('resendLatestEmail', () => {
  it('queues the e-mail of the current status again, with a new link, and audits it', async () => {
    const trip = await createTestTrip(db(), { seats: 1 })
    const confirmed = await signUp(trip)
    const waiting = await signUp(trip)
    const linksBefore = await db().registrationLink.count({ where: { registrationId: confirmed } })
    expect(await resendLatestEmail(ACTOR, confirmed)).toEqual({ kind: 'resent', emailKind: 'confirmed' })
    expect(await resendLatestEmail(ACTOR, waiting)).toEqual({ kind: 'resent', emailKind: 'waitlisted' })
    expect(await outboxKinds(confirmed)).toEqual(['confirmed', 'confirmed'])
    expect(await outboxKinds(waiting)).toEqual(['waitlisted', 'waitlisted'])
    expect(await db().registrationLink.count({ where: { registrationId: confirmed } })).toBe(linksBefore + 1)
    expect(await auditOf(confirmed)).toMatchObject([{ actor: ACTOR, action: 'registration.email_resent' }])

    await cancelByOrganiser(ACTOR, waiting)
    expect(await resendLatestEmail(ACTOR, waiting)).toEqual({ kind: 'resent', emailKind: 'cancelled' })
    expect(await outboxKinds(waiting)).toEqual(['waitlisted', 'waitlisted', 'cancelled', 'cancelled'])
  })
})

describe('getAdminRegistration', () => {
  it('finds a registration of the trip with its audit entries, newest first, and nothing for another trip', async () => {
    const trip = await createTestTrip(db(), { seats: 1 })
    const other = await createTestTrip(db())
    await signUp(trip)
    const waiting = await signUp(trip)
    await resendLatestEmail(ACTOR, waiting)
    await confirmRegistration(ACTOR, waiting, { overbook: true })
    const found = await getAdminRegistration(trip.slug, waiting)
    expect(found).toMatchObject({ id: waiting, status: 'CONFIRMED', waitlistPosition: null, seatFree: false })
    expect(found!.audit.map((a) => a.action)).toEqual(['registration.confirmed', 'registration.email_resent'])
    expect(await getAdminRegistration(other.slug, waiting)).toBeNull()
  })
})

describe('what a cancellation would do, told before it is done', () => {
  const outcomeOf = async (id: number) => cancellationOutcome((await db().registration.findUniqueOrThrow({ where: { id }, include: { trip: true } })))

  it('names the first on the waiting list, who then gets the seat', async () => {
    const trip = await createTestTrip(db(), { seats: 1 })
    const ada = await signUp(trip, { firstName: 'Ada', lastName: 'Al', organisation: 'Al AB' })
    const bo = await signUp(trip, { firstName: 'Bo', lastName: 'Ek', organisation: 'Ek AB' })
    await signUp(trip, { firstName: 'Cia' })
    const outcome = await outcomeOf(ada)
    expect(outcome).toEqual({ kind: 'seat-to', person: { id: bo, firstName: 'Bo', lastName: 'Ek', organisation: 'Ek AB' } })
    expect(await outcomeOf(bo)).toEqual({ kind: 'leaves-waiting-list' })
    // Nothing has changed by asking; cancelling does what was told.
    expect(await statusOf(ada)).toBe('CONFIRMED')
    expect(await cancelByOrganiser(ACTOR, ada)).toEqual({ kind: 'cancelled', promotedRegistrationId: bo })
  })

  it('says the seat stays free when nobody waits, and that nobody gets it while the trip is overbooked', async () => {
    const trip = await createTestTrip(db(), { seats: 2 })
    const ada = await signUp(trip)
    expect(await outcomeOf(ada)).toEqual({ kind: 'seat-left-free' })
    await signUp(trip)
    await signUp(trip) // waiting
    await db().trip.update({ where: { id: trip.id }, data: { seats: 1 } }) // two confirmed on one seat
    expect(await outcomeOf(ada)).toEqual({ kind: 'overbooked' })
    expect(await cancelByOrganiser(ACTOR, ada)).toEqual({ kind: 'cancelled', promotedRegistrationId: null })
  })
})
