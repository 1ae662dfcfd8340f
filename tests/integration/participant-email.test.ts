// The participant's own form cannot be used to mail strangers (issue 9): a save that changes
// nothing stores and sends nothing; a new e-mail address takes effect only once confirmed from the
// link sent to it, and then every earlier link stops working; saves are limited per registration
// and per client address; and one ceiling per inbox holds across every form that makes the site
// write to a participant (signup, signup again, lost link, changes, address confirmation,
// cancelling), counting the spellings big providers deliver to one inbox as one.
//
// "The window has passed" is made by moving the counters' stored expiry into the past, which is
// what the passing of time does to them.
import { describe, expect, it } from 'vitest'
import { correctRegistration } from '../../lib/registrations/organiser-changes'
import { db } from '../../lib/db'
import { INBOX_CEILING, LIMITS } from '../../lib/rate-limits'
import { emailForLimits } from '../../lib/rate-limits/keys'
import { cancelRegistration } from '../../lib/registrations/cancel'
import { confirmEmailChange, EMAIL_CHANGE_VALID_HOURS, findEmailChange } from '../../lib/registrations/email-change'
import { hashLinkToken } from '../../lib/registrations/links'
import { requestLink } from '../../lib/registrations/lost-link'
import { findRegistrationByToken } from '../../lib/registrations/manage'
import { submitSignup } from '../../lib/registrations/signup'
import { EMAIL_TAKEN, updateRegistration } from '../../lib/registrations/update'
import { copyOfOwnData } from '../../lib/privacy/data-copy'
import { runRetention } from '../../lib/privacy/retention'
import type { RateLimitSettings } from '../../lib/settings/site-settings'
import type { SignupValues } from '../../lib/registrations/schema'
import { createTestTrip, signupValues } from '../support/factories'

const office = '198.51.100.30'

async function setLimits(limits: Partial<RateLimitSettings>) {
  await db().siteSettings.update({ where: { id: 1 }, data: limits })
}

async function endWindows() {
  await db().$executeRaw`UPDATE rate_limit_counters SET expire = (extract(epoch FROM clock_timestamp()) * 1000)::bigint - 1`
}

/** Signs up through the form's own function and returns the personal link's token. */
async function signUp(slug: string, values: SignupValues, address = office): Promise<string> {
  const outcome = await submitSignup(slug, values, { address })
  if (outcome.kind !== 'registered') throw new Error(outcome.kind)
  return outcome.token
}

const registrationOf = async (token: string) => (await findRegistrationByToken(token))!
const outbox = () => db().outboxMessage.findMany({ orderBy: { id: 'asc' } })
const tokenIn = (text: string, path: string) => new RegExp(`/${path}/([A-Za-z0-9_-]{22})`).exec(text)?.[1]

describe('a save that changes nothing', () => {
  it('stores nothing and sends nothing, however the same answers are spelled', async () => {
    const trip = await createTestTrip(db())
    const values = signupValues({ email: 'lika@example.se', dietaryNeeds: 'Vegetariskt', showInParticipantList: 'on' })
    const token = await signUp(trip.slug, values)
    const before = await db().registration.findFirstOrThrow({ where: { tripId: trip.id } })
    const mailBefore = await db().outboxMessage.count()

    // The form as shown, and the same answers typed differently (case, spaces, the phone's format).
    const same = { ...values, privacyAccepted: 'on' }
    expect(await updateRegistration(token, same, new Date(), { address: office })).toEqual({ kind: 'unchanged' })
    const respelled = { ...same, email: ' LIKA@Example.se ', phone: '+46 70 123 45 67', firstName: ` ${values.firstName} ` }
    expect(await updateRegistration(token, respelled, new Date(), { address: office })).toEqual({ kind: 'unchanged' })

    expect(await db().registration.findFirstOrThrow({ where: { tripId: trip.id } })).toEqual(before)
    expect(await db().outboxMessage.count()).toBe(mailBefore)
    expect(await db().pendingEmailChange.count()).toBe(0)

    // One answer changed: stored, and one 'changed' e-mail to the registration's own address.
    expect(await updateRegistration(token, { ...same, organisation: 'Nya AB' }, new Date(), { address: office })).toEqual({
      kind: 'updated',
      emailSent: true,
    })
    const mail = (await outbox()).slice(mailBefore)
    expect(mail.map((m) => [m.kind, m.toAddress])).toEqual([['changed', 'lika@example.se']])
  })
})

describe('changing the e-mail address', () => {
  it('waits for confirmation from the new inbox; the old one is told, with no link; the other answers are stored', async () => {
    const trip = await createTestTrip(db())
    const values = signupValues({ email: 'gammal@example.se' })
    const token = await signUp(trip.slug, values)
    const signupMail = (await outbox())[0]!
    const mailBefore = (await outbox()).length
    const now = new Date()

    const result = await updateRegistration(token, { ...values, email: 'Ny@Example.se', organisation: 'Nya AB' }, now, { address: office })
    expect(result).toEqual({ kind: 'email-change-sent', otherChangesSaved: true })

    // The address is still the old one; the other answer is stored.
    const registration = await registrationOf(token)
    expect(registration).toMatchObject({ email: 'gammal@example.se', organisation: 'Nya AB' })
    expect(registration.emailChange).toEqual({ newEmail: 'ny@example.se', expiresAt: new Date(now.getTime() + EMAIL_CHANGE_VALID_HOURS * 3600_000) })

    const mail = (await outbox()).slice(mailBefore)
    expect(mail.map((m) => [m.kind, m.toAddress])).toEqual([
      ['email-confirm', 'ny@example.se'],
      ['email-change-requested', 'gammal@example.se'],
    ])
    const [confirmation, notice] = mail as [(typeof mail)[0], (typeof mail)[0]]
    // The confirmation greets no one and carries nothing the visitor typed, only its link.
    expect(confirmation.textBody).not.toContain(values.firstName!)
    expect(confirmation.textBody).not.toContain('Nya AB')
    const confirmToken = tokenIn(confirmation.textBody, 'anmalan/bekrafta-epost')!
    expect(confirmToken).toBeDefined()
    // The old inbox gets no link at all: neither the confirmation nor a personal one.
    expect(notice.textBody).not.toMatch(/\/anmalan\//)
    expect(notice.htmlBody).not.toMatch(/\/anmalan\//)
    expect(notice.textBody).not.toContain('ny@example.se')
    expect(notice.textBody).toContain('Vi har sparat ändringarna')
    // Only the token's hash is stored.
    const pending = await db().pendingEmailChange.findFirstOrThrow()
    expect(pending.tokenHash).toBe(hashLinkToken(confirmToken))
    expect(JSON.stringify(pending)).not.toContain(confirmToken)

    // The participant's copy of their data shows the address that waits.
    expect((await copyOfOwnData(token))!.Svar).toMatchObject({ 'E-post': 'gammal@example.se', 'Ny e-postadress som väntar på bekräftelse': 'ny@example.se' })

    // Until confirmed, the old links work and the address is the old one.
    expect((await registrationOf(tokenIn(signupMail.textBody, 'anmalan')!)).email).toBe('gammal@example.se')
    expect(await findEmailChange(confirmToken)).toMatchObject({ kind: 'open', newEmail: 'ny@example.se', tripTitle: trip.title })

    const confirmed = await confirmEmailChange(confirmToken)
    expect(confirmed).toMatchObject({ kind: 'confirmed', emailSent: true })
    if (confirmed.kind !== 'confirmed') return

    // Every link sent before is dead: the signup's, the one in use, for reading, changing and cancelling.
    for (const old of [token, tokenIn(signupMail.textBody, 'anmalan')!]) {
      expect(await findRegistrationByToken(old)).toBeNull()
      expect(await updateRegistration(old, { ...values, email: 'ny@example.se' })).toEqual({ kind: 'not-found' })
      expect(await cancelRegistration(old, { erase: false })).toEqual({ kind: 'not-found' })
    }
    // The fresh link works, and it went to the new address.
    const fresh = await registrationOf(confirmed.token)
    expect(fresh).toMatchObject({ email: 'ny@example.se', organisation: 'Nya AB', status: 'CONFIRMED', emailChange: null })
    expect(await db().registrationLink.count({ where: { registrationId: fresh.id } })).toBe(1)
    const changedMail = (await outbox()).at(-1)!
    expect([changedMail.kind, changedMail.toAddress]).toEqual(['email-changed', 'ny@example.se'])
    expect(tokenIn(changedMail.textBody, 'anmalan')).toBe(confirmed.token)
    // The confirmation link works once.
    expect(await confirmEmailChange(confirmToken)).toEqual({ kind: 'not-found' })
    expect(await findEmailChange(confirmToken)).toBeNull()
  })

  it('never makes two active registrations of a trip with one address: refused when asked, and again when confirmed', async () => {
    const trip = await createTestTrip(db())
    const taken = signupValues({ email: 'upptagen@example.se' })
    await signUp(trip.slug, taken)
    const values = signupValues({ email: 'min@example.se' })
    const token = await signUp(trip.slug, values)
    const mailBefore = await db().outboxMessage.count()

    // Asked for: the form's error, nothing stored or sent.
    const refused = await updateRegistration(token, { ...values, email: 'UPPTAGEN@example.se', organisation: 'Nya AB' })
    expect(refused).toMatchObject({ kind: 'invalid', fieldErrors: { email: EMAIL_TAKEN } })
    expect((await registrationOf(token)).organisation).toBe(values.organisation)
    expect(await db().pendingEmailChange.count()).toBe(0)
    expect(await db().outboxMessage.count()).toBe(mailBefore)

    // Free when asked, taken by a signup before it is confirmed: not changed, the links still work.
    expect((await updateRegistration(token, { ...values, email: 'ledig@example.se' })).kind).toBe('email-change-sent')
    const confirmToken = tokenIn((await db().outboxMessage.findFirstOrThrow({ where: { kind: 'email-confirm' } })).textBody, 'anmalan/bekrafta-epost')!
    await signUp(trip.slug, signupValues({ email: 'ledig@example.se' }))
    expect(await findEmailChange(confirmToken)).toEqual({ kind: 'taken', newEmail: 'ledig@example.se' })
    expect(await confirmEmailChange(confirmToken)).toEqual({ kind: 'taken', newEmail: 'ledig@example.se' })
    expect((await registrationOf(token)).email).toBe('min@example.se')
    expect(await db().registration.count({ where: { tripId: trip.id, email: 'ledig@example.se' } })).toBe(1)
  })

  it('the link expires, and a cancelled registration is not changed', async () => {
    const trip = await createTestTrip(db())
    const values = signupValues({ email: 'forst@example.se' })
    const token = await signUp(trip.slug, values)
    expect((await updateRegistration(token, { ...values, email: 'sedan@example.se' })).kind).toBe('email-change-sent')
    const confirmToken = tokenIn((await db().outboxMessage.findFirstOrThrow({ where: { kind: 'email-confirm' } })).textBody, 'anmalan/bekrafta-epost')!
    const later = new Date(Date.now() + (EMAIL_CHANGE_VALID_HOURS + 1) * 3600_000)
    expect(await findEmailChange(confirmToken, later)).toEqual({ kind: 'expired' })
    expect(await confirmEmailChange(confirmToken, later)).toEqual({ kind: 'expired' })
    expect((await registrationOf(token)).email).toBe('forst@example.se')
    // The nightly retention job removes it only once expired.
    await runRetention(new Date())
    expect(await db().pendingEmailChange.count()).toBe(1)
    await runRetention(later)
    expect(await db().pendingEmailChange.count()).toBe(0)
    expect(await findEmailChange(confirmToken)).toBeNull()
    expect((await updateRegistration(token, { ...values, email: 'sedan@example.se' })).kind).toBe('email-change-sent')
    const again = await db().outboxMessage.findMany({ where: { kind: 'email-confirm' }, orderBy: { id: 'desc' }, take: 1 })
    const confirmToken2 = tokenIn(again[0]!.textBody, 'anmalan/bekrafta-epost')!
    expect(confirmToken2).not.toBe(confirmToken)

    await cancelRegistration(token, { erase: false })
    expect(await confirmEmailChange(confirmToken2)).toEqual({ kind: 'cancelled' })
    expect((await registrationOf(token)).email).toBe('forst@example.se')

    // Erasing the registration removes the pending address too.
    await db().registration.updateMany({ where: { tripId: trip.id }, data: { status: 'CONFIRMED' } })
    await cancelRegistration(token, { erase: true })
    expect(await db().pendingEmailChange.count()).toBe(0)
  })
})

describe('an organiser correcting the address', () => {
  it('takes effect at once (organisers are trusted), and the links sent to the old address stop working', async () => {
    const trip = await createTestTrip(db())
    const values = signupValues({ email: 'fel@example.se' })
    const token = await signUp(trip.slug, values)
    expect((await updateRegistration(token, { ...values, email: 'vantande@example.se' })).kind).toBe('email-change-sent')
    const { id } = await registrationOf(token)
    expect(await correctRegistration('eva@mjolby.se', id, { ...values, email: 'ratt@example.se' })).toMatchObject({ kind: 'updated' })
    expect(await findRegistrationByToken(token)).toBeNull()
    expect(await db().pendingEmailChange.count()).toBe(0)
    const changed = (await outbox()).at(-1)!
    expect([changed.kind, changed.toAddress]).toEqual(['changed', 'ratt@example.se'])
    expect((await registrationOf(tokenIn(changed.textBody, 'anmalan')!)).email).toBe('ratt@example.se')
  })
})

describe('saves are limited', () => {
  it('per registration (20 an hour by default): counted once valid, refused with the typed values, nothing stored', async () => {
    await setLimits({ savesPerRegistration: 3 })
    const trip = await createTestTrip(db())
    const values = signupValues()
    const token = await signUp(trip.slug, values)
    // Forms sent back for mistakes are not counted.
    for (let i = 0; i < 5; i++) expect((await updateRegistration(token, { ...values, phone: '12' }, new Date(), { address: office })).kind).toBe('invalid')
    // Saves that change nothing are counted like the others.
    expect((await updateRegistration(token, { ...values, organisation: 'Ett AB' }, new Date(), { address: office })).kind).toBe('updated')
    expect((await updateRegistration(token, { ...values, organisation: 'Ett AB' }, new Date(), { address: office })).kind).toBe('unchanged')
    expect((await updateRegistration(token, { ...values, organisation: 'Två AB' }, new Date(), { address: office })).kind).toBe('updated')
    const mailBefore = await db().outboxMessage.count()
    const typed = { ...values, organisation: 'Tre AB', dietaryNeeds: 'Nötallergi' }
    const refused = await updateRegistration(token, typed, new Date(), { address: '203.0.113.77' })
    expect(refused).toEqual({ kind: 'rate-limited', by: 'registration', values: typed, retryAfterSeconds: expect.any(Number) })
    if (refused.kind === 'rate-limited') expect(refused.retryAfterSeconds).toBeGreaterThan(LIMITS.save.registration!.windowSeconds - 60)
    expect((await registrationOf(token)).organisation).toBe('Två AB')
    expect(await db().outboxMessage.count()).toBe(mailBefore)

    // Another registration is not affected; after the hour this one can be saved again.
    const other = signupValues()
    expect((await updateRegistration(await signUp(trip.slug, other), { ...other, organisation: 'Annat AB' }, new Date(), { address: office })).kind).toBe('updated')
    await endWindows()
    expect((await updateRegistration(token, typed, new Date(), { address: office })).kind).toBe('updated')
  })

  it('per client address (200 an hour by default), whichever registrations are saved', async () => {
    await setLimits({ savesPerAddress: 2 })
    const trip = await createTestTrip(db())
    const people = [signupValues(), signupValues(), signupValues()]
    const tokens = []
    for (const p of people) tokens.push(await signUp(trip.slug, p, '203.0.113.1'))
    expect((await updateRegistration(tokens[0]!, { ...people[0], organisation: 'A AB' }, new Date(), { address: office })).kind).toBe('updated')
    expect((await updateRegistration(tokens[1]!, { ...people[1], organisation: 'B AB' }, new Date(), { address: office })).kind).toBe('updated')
    const refused = await updateRegistration(tokens[2]!, { ...people[2], organisation: 'C AB' }, new Date(), { address: office })
    expect(refused).toMatchObject({ kind: 'rate-limited', by: 'address', values: { organisation: 'C AB' } })
    expect((await registrationOf(tokens[2]!)).organisation).toBe(people[2]!.organisation)
    // From elsewhere it goes through.
    expect((await updateRegistration(tokens[2]!, { ...people[2], organisation: 'C AB' }, new Date(), { address: '203.0.113.2' })).kind).toBe('updated')
  })
})

describe('one ceiling per inbox across every form', () => {
  it('Gmail spellings count as one inbox: 6 e-mails a day (the setting), then each path holds back its e-mail', async () => {
    await setLimits({ emailsPerInbox: 6 })
    const [t1, t2, t3] = [await createTestTrip(db(), { seats: 1 }), await createTestTrip(db()), await createTestTrip(db())]
    const inbox = ['anna.berg@gmail.com', 'annaberg+resa@googlemail.com', 'A.n.n.a.Berg+x@Gmail.com', 'ANNABERG@gmail.com']
    expect(new Set(inbox.map(emailForLimits))).toEqual(new Set(['annaberg@gmail.com']))

    const first = signupValues({ email: inbox[0] })
    const token1 = await signUp(t1.slug, first, '203.0.113.1') // 1: confirmation
    expect((await submitSignup(t1.slug, signupValues({ email: inbox[0] }), { address: '203.0.113.2' })).kind).toBe('already-registered') // 2: link again
    expect(await requestLink(t1.slug, inbox[0], { address: '203.0.113.3' })).toEqual({ kind: 'done' }) // 3: lost link
    const second = signupValues({ email: inbox[1] })
    const token2 = await signUp(t2.slug, second, '203.0.113.4') // 4: another registration, another spelling
    expect(await updateRegistration(token1, { ...first, organisation: 'Ändrat AB' }, new Date(), { address: office })).toEqual({ kind: 'updated', emailSent: true }) // 5
    expect(await cancelRegistration(token2, { erase: false })).toMatchObject({ kind: 'cancelled', emailSent: true }) // 6
    const toInbox = { toAddress: { in: inbox.map((a) => a.toLowerCase()) } }
    expect(await db().outboxMessage.count({ where: toInbox })).toBe(6)

    // Over the ceiling. Signing up again: refused whole, nothing stored, everything typed kept.
    const third = signupValues({ email: inbox[2] })
    expect(await submitSignup(t3.slug, third, { address: '203.0.113.5' })).toEqual({
      kind: 'rate-limited',
      by: 'inbox',
      values: third,
      retryAfterSeconds: expect.any(Number),
    })
    expect(await db().registration.count({ where: { tripId: t3.id } })).toBe(0)
    // The same signup again: the same answer, nothing sent.
    expect(await submitSignup(t1.slug, signupValues({ email: inbox[0] }), { address: '203.0.113.6' })).toMatchObject({ kind: 'rate-limited', by: 'inbox' })
    // Lost link: the usual answer, nothing sent, no new link stored.
    const links = await db().registrationLink.count()
    expect(await requestLink(t1.slug, inbox[0], { address: '203.0.113.7' })).toEqual({ kind: 'done' })
    expect(await db().registrationLink.count()).toBe(links)
    // A change: stored, its e-mail held back.
    expect(await updateRegistration(token1, { ...first, organisation: 'Igen AB' }, new Date(), { address: office })).toEqual({ kind: 'updated', emailSent: false })
    expect((await registrationOf(token1)).organisation).toBe('Igen AB')
    // A change of address to this inbox, from someone else's registration: refused whole.
    const stranger = signupValues({ email: 'annan@example.se' })
    const strangerToken = await signUp(t3.slug, stranger, '203.0.113.8')
    const moved = await updateRegistration(strangerToken, { ...stranger, email: inbox[3], organisation: 'Flyttat AB' }, new Date(), { address: office })
    expect(moved).toMatchObject({ kind: 'rate-limited', by: 'inbox', values: { email: inbox[3], organisation: 'Flyttat AB' } })
    expect(await registrationOf(strangerToken)).toMatchObject({ email: 'annan@example.se', organisation: stranger.organisation, emailChange: null })
    expect(await db().outboxMessage.count({ where: toInbox })).toBe(6)

    // The organisers' own e-mails and the site's are not counted and never held back: an
    // organiser's correction, and a seat from the waiting list.
    const waiting = await signUp(t1.slug, signupValues({ email: 'vantar@example.se' }), '203.0.113.9')
    const registration1 = await registrationOf(token1)
    expect(await correctRegistration('eva@mjolby.se', registration1.id, { ...first, organisation: 'Rättat AB' })).toMatchObject({ kind: 'updated' })
    expect(await db().outboxMessage.count({ where: { ...toInbox, kind: 'changed' } })).toBe(2)
    // Cancelling: done, its e-mail held back; the seat goes to the first waiting, who is told.
    expect(await cancelRegistration(token1, { erase: false })).toMatchObject({ kind: 'cancelled', emailSent: false })
    expect((await registrationOf(waiting)).status).toBe('CONFIRMED')
    expect(await db().outboxMessage.count({ where: { toAddress: 'vantar@example.se', kind: 'promoted' } })).toBe(1)
    expect(await db().outboxMessage.count({ where: { ...toInbox, kind: 'cancelled' } })).toBe(1)

    // Another inbox is its own.
    expect((await submitSignup(t3.slug, signupValues({ email: 'anna.berg@example.se' }), { address: '203.0.113.10' })).kind).toBe('registered')

    // A day later the inbox gets e-mail again.
    await endWindows()
    expect((await submitSignup(t3.slug, signupValues({ email: 'annaberg@gmail.com' }), { address: '203.0.113.11' })).kind).toBe('registered')
  })

  it('holds under simultaneous requests from many addresses: exactly the ceiling gets through', async () => {
    await setLimits({ emailsPerInbox: 4, signupsPerEmail: 100, linkRequestsPerEmail: 100 })
    const trips = await Promise.all(Array.from({ length: 3 }, () => createTestTrip(db())))
    const spellings = ['flod@gmail.com', 'f.l.o.d@gmail.com', 'flod+1@googlemail.com']
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        i % 2
          ? submitSignup(trips[i % 3]!.slug, signupValues({ email: spellings[i % 3] }), { address: `203.0.113.${i}` })
          : requestLink(trips[i % 3]!.slug, spellings[i % 3]!, { address: `203.0.113.${i}` }),
      ),
    )
    expect(await db().outboxMessage.count({ where: { toAddress: { in: spellings } } })).toBe(4)
  })

  it('the ceiling is a day long and the settings name it', () => {
    expect(INBOX_CEILING).toEqual({ setting: 'emailsPerInbox', windowSeconds: 24 * 60 * 60 })
  })
})

describe('addresses as inboxes, for counting', () => {
  it('folds a +tag at every domain, and at Gmail dots and googlemail.com too', () => {
    expect(emailForLimits(' A.Nna.Berg+resa@GoogleMail.com ')).toBe('annaberg@gmail.com')
    expect(emailForLimits('anna.berg@gmail.com')).toBe('annaberg@gmail.com')
    expect(emailForLimits('anna.berg+x@outlook.com')).toBe('anna.berg@outlook.com')
    expect(emailForLimits('anna+x@hotmail.se')).toBe('anna@hotmail.se')
    expect(emailForLimits('anna+x@proton.me')).toBe('anna@proton.me')
    expect(emailForLimits('anna+x@icloud.com')).toBe('anna@icloud.com')
    // Company mail (Google's and Microsoft's) delivers "+tags" too: folded at every domain.
    expect(emailForLimits(' Anna.Berg+resa@Example.SE ')).toBe('anna.berg@example.se')
    expect(emailForLimits('anna.berg+1@mjolby.se')).toBe('anna.berg@mjolby.se')
    // Dots count outside Gmail.
    expect(emailForLimits('anna.berg@mjolby.se')).toBe('anna.berg@mjolby.se')
  })
})
