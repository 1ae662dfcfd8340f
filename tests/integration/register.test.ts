import { describe, expect, it } from 'vitest'
import { db } from '../../lib/db'
import { parseSignup, type SignupInput } from '../../lib/registrations/schema'
import { registerParticipant, submitSignup } from '../../lib/registrations/signup'
import { createTestTrip, signupValues } from '../support/factories'

function input(overrides = {}, trip = { hasOvernight: true, boardingStopIds: [] as number[] }): SignupInput {
  const parsed = parseSignup(signupValues(overrides), trip)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors))
  return parsed.data
}

describe('registerParticipant', () => {
  it('confirms while seats remain, then puts people on the waiting list in order of arrival', async () => {
    const trip = await createTestTrip(db(), { seats: 2 })
    const results = []
    for (let i = 0; i < 4; i++) results.push(await registerParticipant(trip.id, input()))
    expect(results.map((r) => r.kind === 'registered' && [r.status, r.waitlistPosition])).toEqual([
      ['CONFIRMED', null],
      ['CONFIRMED', null],
      ['WAITLISTED', 1],
      ['WAITLISTED', 2],
    ])
    expect(await db().registration.count({ where: { tripId: trip.id } })).toBe(4)
  })

  it('stores the e-mail normalised and every answer of the form', async () => {
    const trip = await createTestTrip(db(), { boardingStops: ['Mjölby', 'Mantorp'] })
    const stopId = trip.boardingStops[1]!.id
    const data = input(
      {
        email: '  Eva.Svensson@Example.SE ',
        phone: '+46 70 123 45 67',
        overnight: 'dubbelrum',
        shareRoomWith: 'Per',
        boardingStopId: String(stopId),
        dietaryNeeds: 'Vegetarisk',
        otherInfo: 'Kommer med rullator',
        showInParticipantList: 'on',
        role: 'fortroendevald',
      },
      { hasOvernight: true, boardingStopIds: trip.boardingStops.map((s) => s.id) },
    )
    const result = await registerParticipant(trip.id, data)
    expect(result.kind).toBe('registered')
    const row = await db().registration.findFirstOrThrow({ where: { tripId: trip.id } })
    expect(row).toMatchObject({
      email: 'eva.svensson@example.se',
      phone: '+46701234567',
      overnight: 'SHARED_DOUBLE',
      shareRoomWith: 'Per',
      boardingStopId: stopId,
      dietaryNeeds: 'Vegetarisk',
      otherInfo: 'Kommer med rullator',
      showInParticipantList: true,
      role: 'ELECTED_OFFICIAL',
      status: 'CONFIRMED',
    })
    expect(row.privacyAcceptedAt).toBeInstanceOf(Date)
  })

  it('never makes a second active registration for one e-mail, and issues a new link instead', async () => {
    const trip = await createTestTrip(db())
    const first = await registerParticipant(trip.id, input({ email: 'per@example.se' }))
    const again = await registerParticipant(trip.id, input({ email: 'PER@example.se ' }))
    expect(first.kind).toBe('registered')
    expect(again.kind).toBe('already-registered')
    expect(await db().registration.count({ where: { tripId: trip.id } })).toBe(1)
    expect(await db().registrationLink.count()).toBe(2)
  })

  it('sends the link again to a repeated signup, and the per-e-mail limit (5 an hour) caps what one inbox gets', async () => {
    const trip = await createTestTrip(db())
    const kinds = []
    for (let i = 0; i < 7; i++) {
      kinds.push((await submitSignup(trip.slug, signupValues({ email: 'upprepad@example.se' }), { address: `203.0.113.${i}` })).kind)
    }
    expect(kinds).toEqual(['registered', 'already-registered', 'already-registered', 'already-registered', 'already-registered', 'rate-limited', 'rate-limited'])
    expect(await db().outboxMessage.count({ where: { toAddress: 'upprepad@example.se' } })).toBe(5)
    expect(await db().registration.count({ where: { tripId: trip.id } })).toBe(1)
  })

  it('lets a person who cancelled sign up again', async () => {
    const trip = await createTestTrip(db())
    const first = await registerParticipant(trip.id, input({ email: 'ola@example.se' }))
    if (first.kind !== 'registered') throw new Error(first.kind)
    await db().registration.update({ where: { id: first.registrationId }, data: { status: 'CANCELLED' } })
    expect((await registerParticipant(trip.id, input({ email: 'ola@example.se' }))).kind).toBe('registered')
  })

  it('refuses signups when registration is closed or past its deadline, storing nothing', async () => {
    const closed = await createTestTrip(db(), { registrationOpen: false })
    const late = await createTestTrip(db(), { registrationDeadline: new Date('2026-01-01T12:00:00Z') })
    expect(await registerParticipant(closed.id, input())).toEqual({ kind: 'closed', reason: 'not-opened' })
    expect(await registerParticipant(late.id, input(), new Date('2026-01-01T12:00:01Z'))).toEqual({
      kind: 'closed',
      reason: 'deadline-passed',
    })
    expect((await registerParticipant(late.id, input(), new Date('2026-01-01T11:59:59Z'))).kind).toBe('registered')
    expect(await db().registration.count({ where: { tripId: closed.id } })).toBe(0)
  })

  it('sells no seat twice and loses no signup under 100 simultaneous signups for 10 seats', async () => {
    const trip = await createTestTrip(db(), { seats: 10 })
    const results = await Promise.all(Array.from({ length: 100 }, () => registerParticipant(trip.id, input())))
    const statuses = results.map((r) => (r.kind === 'registered' ? r.status : r.kind))
    expect(statuses.filter((s) => s === 'CONFIRMED')).toHaveLength(10)
    expect(statuses.filter((s) => s === 'WAITLISTED')).toHaveLength(90)
    const rows = await db().registration.groupBy({ by: ['status'], where: { tripId: trip.id }, _count: true })
    expect(Object.fromEntries(rows.map((r) => [r.status, r._count]))).toEqual({ CONFIRMED: 10, WAITLISTED: 90 })
    // The waiting list is one unbroken queue: places 1..90, each given once.
    const places = results.flatMap((r) => (r.kind === 'registered' && r.waitlistPosition ? [r.waitlistPosition] : []))
    expect(places.sort((a, b) => a - b)).toEqual(Array.from({ length: 90 }, (_, i) => i + 1))
  })

  it('keeps one registration when the same person submits 20 times at once, and mails the inbox at most its daily ceiling', async () => {
    const trip = await createTestTrip(db())
    const same = input({ email: 'dubbelklick@example.se' })
    const results = await Promise.all(Array.from({ length: 20 }, () => registerParticipant(trip.id, same)))
    expect(results.filter((r) => r.kind === 'registered')).toHaveLength(1)
    // The confirmation and 9 links again fill the inbox's ceiling (10 a day); the rest send nothing.
    expect(results.filter((r) => r.kind === 'already-registered')).toHaveLength(9)
    expect(results.filter((r) => r.kind === 'inbox-limited')).toHaveLength(10)
    expect(await db().registration.count({ where: { tripId: trip.id } })).toBe(1)
    expect(await db().outboxMessage.count({ where: { toAddress: 'dubbelklick@example.se' } })).toBe(10)
  })
})
