// Rate limits (lib/rate-limits) on the real database: each limit trips at its setting, says
// when to try again (its window), and lets requests through again once the window has passed;
// an office behind one address can sign up together; one inbox cannot be flooded with
// confirmations; RATE_LIMITS=off lets everything through; the counters hold across two app
// instances (two pools) and store no e-mail or client address.
//
// "The window has passed" is made by moving the counters' stored expiry into the past, which is
// what the passing of time does to them, instead of waiting 10 minutes to an hour.
import { afterEach, describe, expect, inject, it } from 'vitest'
import { db } from '../../lib/db'
import { signInOrganiser } from '../../lib/auth/sign-in'
import { addOrganiser } from '../../lib/auth/organisers'
import { consumeLimit, createRateLimits, LIMITS } from '../../lib/rate-limits'
import { addressForLimits, emailForLimits } from '../../lib/rate-limits/keys'
import { requestLink } from '../../lib/registrations/lost-link'
import { submitSignup } from '../../lib/registrations/signup'
import type { RateLimitSettings } from '../../lib/settings/site-settings'
import { createTestTrip, signupValues } from '../support/factories'

async function setLimits(limits: Partial<RateLimitSettings>) {
  await db().siteSettings.update({ where: { id: 1 }, data: limits })
}

/** Every counter's window ends now. */
async function endWindows() {
  await db().$executeRaw`UPDATE rate_limit_counters SET expire = (extract(epoch FROM clock_timestamp()) * 1000)::bigint - 1`
}

/** The first refusal says to come back when the window ends: within a minute of its length. */
function expectRetryWithin(retryAfterSeconds: number, windowSeconds: number) {
  expect(retryAfterSeconds).toBeLessThanOrEqual(windowSeconds)
  expect(retryAfterSeconds).toBeGreaterThan(windowSeconds - 60)
}

const office = '198.51.100.20'

describe('the settings are the limits', () => {
  it('start at their defaults: generous per address (an office shares one), tight per e-mail', async () => {
    expect(await db().siteSettings.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({
      signupsPerAddress: 200,
      signupsPerEmail: 5,
      linkRequestsPerAddress: 60,
      linkRequestsPerEmail: 3,
      signInsPerAddress: 30,
      signInsPerEmail: 5,
      reportsPerAddress: 10,
      savesPerRegistration: 20,
      savesPerAddress: 200,
      emailsPerInbox: 10,
    })
  })
})

describe('signups', () => {
  it('150 colleagues behind one office address all get in; the 201st signup from it in 10 minutes does not', async () => {
    const trip = await createTestTrip(db(), { seats: 250 })
    for (let i = 0; i < 150; i++) {
      expect((await submitSignup(trip.slug, signupValues(), { address: office })).kind).toBe('registered')
    }
    // Up to the limit without the cost of 50 more signups: the same count the form uses.
    for (let i = 150; i < 200; i++) expect(await consumeLimit('signup', { address: office, email: `kollega${i}@example.se` })).toEqual({ ok: true })
    const values = signupValues({ firstName: 'Tvåhundraett' })
    const refused = await submitSignup(trip.slug, values, { address: office })
    expect(refused).toMatchObject({ kind: 'rate-limited', by: 'address', values })
    if (refused.kind === 'rate-limited') expectRetryWithin(refused.retryAfterSeconds, LIMITS.signup.address.windowSeconds)
    expect(await db().registration.count({ where: { tripId: trip.id } })).toBe(150)
    // Someone elsewhere is not affected, and after the window the office gets in again.
    expect((await submitSignup(trip.slug, signupValues(), { address: '203.0.113.5' })).kind).toBe('registered')
    await endWindows()
    expect((await submitSignup(trip.slug, values, { address: office })).kind).toBe('registered')
  })

  it('trips at a lowered setting, and every typed value comes back with the refusal', async () => {
    await setLimits({ signupsPerAddress: 3 })
    const trip = await createTestTrip(db())
    for (let i = 0; i < 3; i++) expect((await submitSignup(trip.slug, signupValues(), { address: office })).kind).toBe('registered')
    const values = signupValues({ dietaryNeeds: 'Nötallergi', otherInfo: 'Kommer från Skänninge', showInParticipantList: 'on' })
    const refused = await submitSignup(trip.slug, values, { address: office })
    expect(refused).toEqual({ kind: 'rate-limited', by: 'address', values, retryAfterSeconds: expect.any(Number) })
  })

  it('a stranger’s inbox gets at most 5 e-mails an hour from the form, whatever the addresses and trips', async () => {
    const trips = [await createTestTrip(db()), await createTestTrip(db())]
    // Spellings Gmail delivers to one inbox (dots, "+tags", googlemail.com, case).
    const victim = 'offer@gmail.com'
    const spellings = [victim, 'O.F.F.E.R@gmail.com', 'offer+1@googlemail.com', ' Offer+resa@Gmail.com ']
    const outcomes = []
    for (let i = 0; i < 12; i++) {
      const values = signupValues({ email: spellings[i % spellings.length] })
      outcomes.push(await submitSignup(trips[i % 2]!.slug, values, { address: `203.0.113.${i}` }))
    }
    // Five get through (four signups, as each spelling makes a registration of its own, then the
    // link again); the rest are refused.
    expect(outcomes.slice(0, 5).map((o) => o.kind)).toEqual(['registered', 'registered', 'registered', 'registered', 'already-registered'])
    expect(outcomes.slice(5).every((o) => o.kind === 'rate-limited' && o.by === 'email')).toBe(true)
    const first = outcomes[5]!
    if (first.kind === 'rate-limited') expectRetryWithin(first.retryAfterSeconds, LIMITS.signup.email!.windowSeconds)
    const toVictim = { toAddress: { in: [victim, 'o.f.f.e.r@gmail.com', 'offer+1@googlemail.com', 'offer+resa@gmail.com'] } }
    expect(await db().outboxMessage.count({ where: toVictim })).toBe(5)

    // An hour later the address can be used again.
    await endWindows()
    expect((await submitSignup(trips[0]!.slug, signupValues({ email: victim }), { address: office })).kind).toBe('already-registered')
    expect(await db().outboxMessage.count({ where: toVictim })).toBe(6)
  })

  it('a form sent back for mistakes is not counted, so correcting it never runs into the limit', async () => {
    await setLimits({ signupsPerEmail: 2, signupsPerAddress: 2 })
    const trip = await createTestTrip(db())
    for (let i = 0; i < 10; i++) {
      const typo = await submitSignup(trip.slug, signupValues({ email: 'bo@example.se', phone: '12' }), { address: office })
      expect(typo.kind).toBe('invalid')
    }
    expect((await submitSignup(trip.slug, signupValues({ email: 'bo@example.se' }), { address: office })).kind).toBe('registered')
  })

  it('a signup refused for its e-mail is not held against the address', async () => {
    await setLimits({ signupsPerEmail: 1, signupsPerAddress: 3 })
    const trip = await createTestTrip(db())
    expect((await submitSignup(trip.slug, signupValues({ email: 'ett@example.se' }), { address: office })).kind).toBe('registered')
    for (let i = 0; i < 5; i++) {
      expect(await submitSignup(trip.slug, signupValues({ email: 'ett@example.se' }), { address: office })).toMatchObject({
        kind: 'rate-limited',
        by: 'email',
      })
    }
    // The office has used one of its three.
    expect((await submitSignup(trip.slug, signupValues(), { address: office })).kind).toBe('registered')
    expect((await submitSignup(trip.slug, signupValues(), { address: office })).kind).toBe('registered')
    expect(await submitSignup(trip.slug, signupValues(), { address: office })).toMatchObject({ kind: 'rate-limited', by: 'address' })
  })
})

describe('"lost your link?"', () => {
  it('per e-mail: 3 links an hour, the same answer for a known and an unknown address, and again after the hour', async () => {
    const trip = await createTestTrip(db())
    await submitSignup(trip.slug, signupValues({ email: 'finns@example.se' }))
    for (let i = 0; i < 6; i++) {
      expect(await requestLink(trip.slug, 'finns@example.se', { address: `203.0.113.${i}` })).toEqual({ kind: 'done' })
      expect(await requestLink(trip.slug, 'finns-inte@example.se', { address: `203.0.113.${i}` })).toEqual({ kind: 'done' })
    }
    expect(await db().outboxMessage.count({ where: { kind: 'link' } })).toBe(3)
    await endWindows()
    expect(await requestLink(trip.slug, 'finns@example.se', { address: office })).toEqual({ kind: 'done' })
    expect(await db().outboxMessage.count({ where: { kind: 'link' } })).toBe(4)
  })

  it('per address: 60 an hour, then "try again in N minutes" whatever the e-mail; again after the hour', async () => {
    const trip = await createTestTrip(db())
    for (let i = 0; i < 60; i++) expect(await requestLink(trip.slug, `person${i}@example.se`, { address: office })).toEqual({ kind: 'done' })
    const refused = await requestLink(trip.slug, 'person60@example.se', { address: office })
    expect(refused).toMatchObject({ kind: 'rate-limited', email: 'person60@example.se' })
    if (refused.kind === 'rate-limited') expectRetryWithin(refused.retryAfterSeconds, LIMITS.link.address.windowSeconds)
    expect(await requestLink(trip.slug, 'person60@example.se', { address: '203.0.113.9' })).toEqual({ kind: 'done' })
    await endWindows()
    expect(await requestLink(trip.slug, 'person61@example.se', { address: office })).toEqual({ kind: 'done' })
  })

  it('bad input is answered before any limit and is not counted', async () => {
    await setLimits({ linkRequestsPerAddress: 1 })
    const trip = await createTestTrip(db())
    for (let i = 0; i < 5; i++) expect((await requestLink(trip.slug, 'inte-en-adress', { address: office })).kind).toBe('invalid')
    expect(await requestLink(trip.slug, 'a@example.se', { address: office })).toEqual({ kind: 'done' })
    expect((await requestLink(trip.slug, 'b@example.se', { address: office })).kind).toBe('rate-limited')
  })
})

describe('sign-in failures', () => {
  const PASSWORD = 'ett riktigt långt lösenord'

  it('trip at the settings per e-mail and per address, and lift after 15 minutes', async () => {
    await addOrganiser(db(), { email: 'anna@mjolby.se', name: 'Anna Berg', password: PASSWORD })
    await setLimits({ signInsPerEmail: 2, signInsPerAddress: 4 })
    const failed = { ok: false, error: expect.any(String) }
    expect(await signInOrganiser({ email: 'anna@mjolby.se', password: 'fel 1', ip: '203.0.113.1' })).toEqual(failed)
    expect(await signInOrganiser({ email: 'anna@mjolby.se', password: 'fel 2', ip: '203.0.113.2' })).toEqual(failed)
    expect(await signInOrganiser({ email: 'anna@mjolby.se', password: PASSWORD, ip: '203.0.113.3' })).toEqual(failed)
    // From one address, four failures over different e-mails; the fifth attempt is refused, even
    // for another account with its right password.
    await addOrganiser(db(), { email: 'bo@mjolby.se', name: 'Bo Ek', password: PASSWORD })
    for (let i = 0; i < 4; i++) expect(await signInOrganiser({ email: `x${i}@mjolby.se`, password: 'fel', ip: office })).toEqual(failed)
    expect(await signInOrganiser({ email: 'bo@mjolby.se', password: PASSWORD, ip: office })).toEqual(failed)
    await endWindows()
    expect((await signInOrganiser({ email: 'anna@mjolby.se', password: PASSWORD, ip: office })).ok).toBe(true)
    expect((await signInOrganiser({ email: 'bo@mjolby.se', password: PASSWORD, ip: office })).ok).toBe(true)
  })

  it('the refusal says when to try again: the 15-minute window', async () => {
    const who = { address: office, email: 'anna@mjolby.se' }
    for (let i = 0; i < 5; i++) expect(await consumeLimit('signIn', who)).toEqual({ ok: true })
    const refused = await consumeLimit('signIn', who)
    expect(refused).toMatchObject({ ok: false, by: 'email' })
    if (!refused.ok) expectRetryWithin(refused.retryAfterSeconds, LIMITS.signIn.email!.windowSeconds)
  })
})

describe('problem reports', () => {
  it('10 an hour per address, whatever e-mail is given; again after the hour', async () => {
    for (let i = 0; i < 10; i++) expect(await consumeLimit('report', { address: office, email: `r${i}@example.se` })).toEqual({ ok: true })
    const refused = await consumeLimit('report', { address: office, email: 'ny@example.se' })
    expect(refused).toMatchObject({ ok: false, by: 'address' })
    if (!refused.ok) expectRetryWithin(refused.retryAfterSeconds, LIMITS.report.address.windowSeconds)
    expect(await consumeLimit('report', { address: '203.0.113.4' })).toEqual({ ok: true })
    await endWindows()
    expect(await consumeLimit('report', { address: office })).toEqual({ ok: true })
  })
})

describe('RATE_LIMITS=off', () => {
  afterEach(() => {
    delete process.env.RATE_LIMITS
  })

  it('lets everything through and counts nothing', async () => {
    await setLimits({ signupsPerAddress: 1, signupsPerEmail: 1, linkRequestsPerAddress: 1, linkRequestsPerEmail: 1, signInsPerAddress: 1, signInsPerEmail: 1, reportsPerAddress: 1, emailsPerInbox: 1 })
    process.env.RATE_LIMITS = 'off'
    const trip = await createTestTrip(db())
    for (let i = 0; i < 5; i++) expect((await submitSignup(trip.slug, signupValues(), { address: office })).kind).toBe('registered')
    for (let i = 0; i < 3; i++) {
      expect((await submitSignup(trip.slug, signupValues({ email: 'samma@example.se' }), { address: office })).kind).not.toBe('rate-limited')
      expect(await requestLink(trip.slug, 'samma@example.se', { address: office })).toEqual({ kind: 'done' })
      expect(await consumeLimit('report', { address: office })).toEqual({ ok: true })
      expect(await consumeLimit('signIn', { address: office, email: 'anna@mjolby.se' })).toEqual({ ok: true })
    }
    expect(await db().outboxMessage.count({ where: { toAddress: 'samma@example.se', kind: 'link' } })).toBe(3)
    expect(await db().rateLimitCounter.count()).toBe(0)

    // On again: the lowered settings apply at once.
    process.env.RATE_LIMITS = 'on'
    expect((await submitSignup(trip.slug, signupValues(), { address: office })).kind).toBe('registered')
    expect((await submitSignup(trip.slug, signupValues(), { address: office })).kind).toBe('rate-limited')
  })
})

describe('several app instances', () => {
  it('share the counts: two pools, taking turns and at once, together let exactly the limit through', async () => {
    const url = inject('databaseUrl')
    const instances = [createRateLimits(url), createRateLimits(url)]
    try {
      const who = { address: office, email: 'delad@example.se' }
      const turns = []
      for (let i = 0; i < 8; i++) turns.push(await instances[i % 2]!.consume('signup', who))
      expect(turns.map((d) => d.ok)).toEqual([true, true, true, true, true, false, false, false])

      await endWindows()
      const atOnce = await Promise.all(Array.from({ length: 20 }, (_, i) => instances[i % 2]!.consume('signup', who)))
      expect(atOnce.filter((d) => d.ok)).toHaveLength(5)
    } finally {
      await Promise.all(instances.map((i) => i.close()))
    }
  })
})

describe('the counters', () => {
  it('hold no e-mail or client address, only keyed hashes', async () => {
    const trip = await createTestTrip(db())
    await submitSignup(trip.slug, signupValues({ email: 'hemlig.person@example.se' }), { address: '192.0.2.77' })
    await requestLink(trip.slug, 'hemlig.person@example.se', { address: '2001:db8:1:2:3:4:5:6' })
    const keys = (await db().rateLimitCounter.findMany()).map((c) => c.key)
    // Per form, per address and e-mail; and the inbox's ceiling, one for both e-mails.
    expect(keys).toHaveLength(5)
    for (const key of keys) {
      expect(key).toMatch(/^((signup|link):(address|email)|inbox):[A-Za-z0-9_-]{43}$/)
      expect(key).not.toMatch(/hemlig|example|192\.0\.2|2001/)
    }
  })

  it('count one inbox whatever its spelling, and one IPv6 network (/64) as one client address', () => {
    expect(emailForLimits(' Anna.Berg+resa@GMail.com ')).toBe('annaberg@gmail.com')
    expect(emailForLimits('anna.berg@googlemail.com')).toBe('annaberg@gmail.com')
    // A "+tag" at any domain, dots only at Gmail (the full rules: participant-email.test.ts).
    expect(emailForLimits(' Anna.Berg+resa@Example.SE ')).toBe('anna.berg@example.se')
    expect(addressForLimits('2001:db8:0:1:aaaa::1')).toBe('2001:db8:0:1::/64')
    expect(addressForLimits('2001:0db8:0000:0001:ffff:ffff:ffff:ffff')).toBe('2001:db8:0:1::/64')
    expect(addressForLimits('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(addressForLimits('::ffff:192.0.2.1')).toBe('192.0.2.1')
    expect(addressForLimits('192.0.2.1')).toBe('192.0.2.1')
  })
})
