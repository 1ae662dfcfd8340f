// "Lost your link?" answers the same for known and unknown addresses and cannot flood an inbox
// (its rate limits in full: rate-limits.test.ts).
import { describe, expect, it } from 'vitest'
import { db } from '../../lib/db'
import { requestLink } from '../../lib/registrations/lost-link'
import { submitSignup } from '../../lib/registrations/signup'
import { createTestTrip, signupValues } from '../support/factories'

describe('requestLink', () => {
  it('sends a new link to a registered address, and answers the same for an unknown one', async () => {
    const trip = await createTestTrip(db())
    await submitSignup(trip.slug, signupValues({ email: 'finns@example.se' }))
    expect(await requestLink(trip.slug, ' FINNS@example.se ')).toEqual({ kind: 'done' })
    expect(await requestLink(trip.slug, 'finns-inte@example.se')).toEqual({ kind: 'done' })
    const links = await db().outboxMessage.findMany({ where: { kind: 'link' } })
    expect(links.map((m) => m.toAddress)).toEqual(['finns@example.se'])
    expect(links[0]!.textBody).toMatch(/\/anmalan\/[A-Za-z0-9_-]{22}/)
    expect(await db().registrationLink.count()).toBe(2) // the signup's and the new one
  })

  it('sends at most 3 links an hour to one address (the setting), however many ask and from where', async () => {
    const trip = await createTestTrip(db())
    await submitSignup(trip.slug, signupValues({ email: 'flod@example.se' }))
    for (let i = 0; i < 6; i++) {
      expect(await requestLink(trip.slug, i % 2 ? 'FLOD@example.se' : 'flod@example.se', { address: `203.0.113.${i}` })).toEqual({ kind: 'done' })
    }
    expect(await db().outboxMessage.count({ where: { kind: 'link' } })).toBe(3)
    // An hour later (every counter's window ended) the limit has passed.
    await db().$executeRaw`UPDATE rate_limit_counters SET expire = (extract(epoch FROM clock_timestamp()) * 1000)::bigint - 1`
    expect(await requestLink(trip.slug, 'flod@example.se', { address: '203.0.113.1' })).toEqual({ kind: 'done' })
    expect(await db().outboxMessage.count({ where: { kind: 'link' } })).toBe(4)
  })

  it('sends nothing for a cancelled registration, with the same answer', async () => {
    const trip = await createTestTrip(db())
    await submitSignup(trip.slug, signupValues({ email: 'avbokad@example.se' }))
    await db().registration.updateMany({ where: { email: 'avbokad@example.se' }, data: { status: 'CANCELLED' } })
    expect(await requestLink(trip.slug, 'avbokad@example.se')).toEqual({ kind: 'done' })
    expect(await db().outboxMessage.count({ where: { kind: 'link' } })).toBe(0)
  })

  it('answers bad input in Swedish', async () => {
    const trip = await createTestTrip(db())
    expect(await requestLink(trip.slug, 'inte-en-adress')).toEqual({
      kind: 'invalid',
      email: 'inte-en-adress',
      error: 'Skriv en giltig e-postadress, t.ex. namn@exempel.se.',
    })
    expect(await requestLink(trip.slug, undefined)).toMatchObject({ kind: 'invalid', error: 'Fyll i e-post.' })
  })
})
