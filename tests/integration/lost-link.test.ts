// "Lost your link?" answers the same for known and unknown addresses and cannot flood an inbox.
import { describe, expect, it } from 'vitest'
import { db } from '../../lib/db'
import { LINKS_PER_HOUR, requestLink } from '../../lib/registrations/lost-link'
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

  it(`sends at most ${LINKS_PER_HOUR} links an hour to one registration`, async () => {
    const trip = await createTestTrip(db())
    await submitSignup(trip.slug, signupValues({ email: 'flod@example.se' }))
    const now = new Date()
    for (let i = 0; i < 6; i++) expect(await requestLink(trip.slug, 'flod@example.se', now)).toEqual({ kind: 'done' })
    expect(await db().outboxMessage.count({ where: { kind: 'link' } })).toBe(LINKS_PER_HOUR)
    // An hour later the limit has passed.
    expect(await requestLink(trip.slug, 'flod@example.se', new Date(now.getTime() + 3_700_000))).toEqual({ kind: 'done' })
    expect(await db().outboxMessage.count({ where: { kind: 'link' } })).toBe(LINKS_PER_HOUR + 1)
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
