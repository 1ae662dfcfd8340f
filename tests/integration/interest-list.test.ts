// "Meddela mig när anmälan öppnar" (lib/interest/: list.ts, opening-notices.ts, retention.ts): double opt-in, the same answer for a
// known address, unsubscribing, one opening e-mail however many workers run the job, removal
// once told, retention, and the rate limits.
import { describe, expect, it } from 'vitest'
import { db } from '../../lib/db'
import {
  confirmSubscription,
  countConfirmed,
  findConfirmation,
  findUnsubscribe,
  subscribe,
  unsubscribe,
} from '../../lib/interest/list'
import { notifyOpenedTrips } from '../../lib/interest/opening-notices'
import { purgeInterestList } from '../../lib/interest/retention'
import { createTestTrip, dayFromToday } from '../support/factories'

const HOUR = 3600_000

/** The link's token from the latest confirmation mail to `to`. */
async function confirmationToken(to: string): Promise<string> {
  const message = await db().outboxMessage.findFirstOrThrow({ where: { kind: 'interest-confirm', toAddress: to }, orderBy: { id: 'desc' } })
  return /\/meddela-mig\/bekrafta\/([A-Za-z0-9_-]{22})/.exec(message.textBody)![1]!
}

function unsubscribeTokenIn(text: string): string {
  return /\/meddela-mig\/avsluta\/([0-9]+\.[A-Za-z0-9_-]{43})/.exec(text)![1]!
}

async function subscribed(email: string, options: { laterTrips?: boolean; slug?: string | null; now?: Date } = {}) {
  expect(await subscribe(options.slug ?? null, { email, ...(options.laterTrips ? { laterTrips: 'on' } : {}) }, {}, options.now)).toEqual({ kind: 'done' })
  expect(await confirmSubscription(await confirmationToken(email), options.now)).toBe(true)
}

describe('the interest list', () => {
  it('stores an address unconfirmed with only a hash of the token, and confirms it by the button only', async () => {
    expect(await subscribe(null, { email: ' Anna@Example.se ' })).toEqual({ kind: 'done' })
    const row = await db().interestSubscription.findUniqueOrThrow({ where: { email: 'anna@example.se' } })
    expect(row.confirmedAt).toBeNull()
    const token = await confirmationToken('anna@example.se')
    expect(row.confirmTokenHash).toMatch(/^[0-9a-f]{64}$/)
    expect(row.confirmTokenHash).not.toContain(token)
    const mail = await db().outboxMessage.findFirstOrThrow({ where: { kind: 'interest-confirm' } })
    expect(mail.textBody).toContain('/meddela-mig/avsluta/') // every message can unsubscribe
    // Opening the link (findConfirmation) changes nothing; the button confirms, once.
    expect(await findConfirmation(token)).toEqual({ laterTrips: false })
    expect(await countConfirmed()).toBe(0)
    expect(await confirmSubscription(token)).toBe(true)
    expect(await confirmSubscription(token)).toBe(false)
    expect(await findConfirmation(token)).toBeNull()
    expect(await countConfirmed()).toBe(1)
  })

  it('answers the same for an address already on the list, and leaves a confirmed one as it is', async () => {
    await subscribed('kand@example.se')
    expect(await subscribe(null, { email: 'kand@example.se', laterTrips: 'on' })).toEqual({ kind: 'done' })
    expect(await db().outboxMessage.count({ where: { kind: 'interest-confirm' } })).toBe(1) // nothing more sent
    const row = await db().interestSubscription.findUniqueOrThrow({ where: { email: 'kand@example.se' } })
    expect(row).toMatchObject({ laterTrips: false })
    expect(row.confirmedAt).not.toBeNull()
    // An unconfirmed one gets a fresh link; the earlier one stops working.
    await subscribe(null, { email: 'ny@example.se' })
    const first = await confirmationToken('ny@example.se')
    expect(await subscribe(null, { email: 'ny@example.se' })).toEqual({ kind: 'done' })
    const second = await confirmationToken('ny@example.se')
    expect(second).not.toBe(first)
    expect(await confirmSubscription(first)).toBe(false)
    expect(await confirmSubscription(second)).toBe(true)
  })

  it('refuses a bad address with a Swedish message and keeps what was typed; a filled honeypot stores nothing', async () => {
    expect(await subscribe(null, { email: 'inte-en-adress', laterTrips: 'on' })).toEqual({
      kind: 'invalid',
      values: { email: 'inte-en-adress', laterTrips: true },
      error: 'Skriv en giltig e-postadress, t.ex. namn@exempel.se.',
    })
    expect(await subscribe(null, { email: 'robot@example.se', webbplats: 'http://spam' })).toEqual({ kind: 'done' })
    expect(await db().interestSubscription.count()).toBe(0)
    expect(await db().outboxMessage.count()).toBe(0)
    expect(await subscribe('finns-inte', { email: 'a@example.se' })).toEqual({ kind: 'trip-not-found' })
    const draft = await createTestTrip(db(), { publishedAt: null })
    expect(await subscribe(draft.slug, { email: 'a@example.se' })).toEqual({ kind: 'trip-not-found' })
  })

  it('removes an address with the unsubscribe link (the button), and a forged link removes nothing', async () => {
    await subscribed('bort@example.se')
    const mail = await db().outboxMessage.findFirstOrThrow({ where: { kind: 'interest-confirm' } })
    const token = unsubscribeTokenIn(mail.textBody)
    expect(await findUnsubscribe(token)).toBe(true)
    const [id, mac] = token.split('.')
    expect(await unsubscribe(`${Number(id) + 1}.${mac}`)).toBe(false)
    expect(await unsubscribe(`${id}.${'A'.repeat(43)}`)).toBe(false)
    expect(await db().interestSubscription.count()).toBe(1)
    expect(await unsubscribe(token)).toBe(true)
    expect(await db().interestSubscription.count()).toBe(0)
    expect(await findUnsubscribe(token)).toBe(false)
  })

  it('tells every confirmed address once when a trip opens, however many workers run the job, then removes it', async () => {
    const now = new Date()
    const trip = await createTestTrip(db(), { registrationOpen: false, registrationOpensAt: new Date(now.getTime() + 2 * HOUR) })
    await subscribed('ett@example.se')
    await subscribed('tva@example.se', { laterTrips: true })
    await subscribed('sida@example.se', { slug: trip.slug })
    await subscribe(null, { email: 'obekraftad@example.se' })
    // Another published trip not yet open, on whose page someone asked: not told about `trip`.
    const other = await createTestTrip(db(), { registrationOpen: false, startDate: dayFromToday(120) })
    await subscribed('annan@example.se', { slug: other.slug })

    expect(await notifyOpenedTrips(now)).toBe(0) // not open yet
    const opened = new Date(now.getTime() + 2 * HOUR + 1000) // its set opening time has passed
    const runs = await Promise.all([notifyOpenedTrips(opened), notifyOpenedTrips(opened), notifyOpenedTrips(opened)])
    expect(runs.reduce((a, b) => a + b, 0)).toBe(3)
    expect(await notifyOpenedTrips(opened)).toBe(0)

    const sent = await db().outboxMessage.findMany({ where: { kind: 'interest-opened' }, orderBy: { toAddress: 'asc' } })
    expect(sent.map((m) => m.toAddress)).toEqual(['ett@example.se', 'sida@example.se', 'tva@example.se'])
    expect(sent[0]!.subject).toBe(`Nu är anmälan öppen: ${trip.title}`)
    expect(sent[0]!.textBody).toContain(`/resor/${trip.slug}/anmalan`)
    expect(sent[0]!.textBody).toContain('/meddela-mig/avsluta/')
    // Told and removed, but for the one who asked about later trips too.
    const left = await db().interestSubscription.findMany({ orderBy: { email: 'asc' } })
    expect(left.map((r) => r.email)).toEqual(['annan@example.se', 'obekraftad@example.se', 'tva@example.se'])

    // The organisers open the other trip: its subscriber and the one kept for later trips are told.
    await db().trip.update({ where: { id: other.id }, data: { registrationOpen: true } })
    expect(await notifyOpenedTrips(opened)).toBe(2)
    expect(await db().outboxMessage.count({ where: { kind: 'interest-opened', toAddress: 'tva@example.se' } })).toBe(2)
    expect((await db().interestSubscription.findMany()).map((r) => r.email).sort()).toEqual(['obekraftad@example.se', 'tva@example.se'])
  })

  it('tells someone kept for later trips once now, and again only when another trip opens later', async () => {
    await createTestTrip(db(), { startDate: dayFromToday(60) })
    await createTestTrip(db(), { startDate: dayFromToday(90) }) // two trips open at once
    await subscribed('senare@example.se', { laterTrips: true })
    const runs = await Promise.all([notifyOpenedTrips(), notifyOpenedTrips()])
    expect(runs[0]! + runs[1]!).toBe(1)
    expect(await notifyOpenedTrips()).toBe(0)
    const later = await createTestTrip(db(), { registrationOpen: false, startDate: dayFromToday(400) })
    expect(await notifyOpenedTrips()).toBe(0)
    await db().trip.update({ where: { id: later.id }, data: { registrationOpen: true } })
    expect(await notifyOpenedTrips()).toBe(1)
    const subjects = (await db().outboxMessage.findMany({ where: { kind: 'interest-opened' }, orderBy: { id: 'asc' } })).map((m) => m.subject)
    expect(subjects).toHaveLength(2)
    expect(subjects[1]).toBe(`Nu är anmälan öppen: ${later.title}`)
    expect(await db().interestSubscription.count()).toBe(1)
  })

  it('deletes unconfirmed addresses after 48 hours and confirmed ones after the retention period', async () => {
    const now = new Date()
    await subscribe(null, { email: 'gammal-obekraftad@example.se' }, {}, new Date(now.getTime() - 48 * HOUR - 60_000))
    await subscribe(null, { email: 'ny-obekraftad@example.se' }, {}, new Date(now.getTime() - 47 * HOUR))
    const thirteenMonthsAgo = new Date(now)
    thirteenMonthsAgo.setUTCMonth(thirteenMonthsAgo.getUTCMonth() - 13)
    await subscribed('gammal@example.se', { now: thirteenMonthsAgo })
    await subscribed('farsk@example.se', { now: new Date(now.getTime() - 40 * 24 * HOUR) })
    // An expired link no longer confirms, even before the row is deleted.
    expect(await confirmSubscription(await confirmationToken('gammal-obekraftad@example.se'), now)).toBe(false)

    expect(await purgeInterestList(now, 12)).toBe(2)
    expect((await db().interestSubscription.findMany()).map((r) => r.email).sort()).toEqual(['farsk@example.se', 'ny-obekraftad@example.se'])
    expect(await purgeInterestList(now, 1)).toBe(1) // a shorter setting applies at once
    expect((await db().interestSubscription.findMany()).map((r) => r.email)).toEqual(['ny-obekraftad@example.se'])
  })

  it('is rate-limited per client address (with a Swedish answer keeping the input) and per e-mail (same answer, nothing sent)', async () => {
    await db().siteSettings.update({ where: { id: 1 }, data: { linkRequestsPerAddress: 2, linkRequestsPerEmail: 3 } })
    const from = { address: '198.51.100.7' }
    expect(await subscribe(null, { email: 'a@example.se' }, from)).toEqual({ kind: 'done' })
    expect(await subscribe(null, { email: 'b@example.se' }, from)).toEqual({ kind: 'done' })
    const refused = await subscribe(null, { email: 'c@example.se', laterTrips: 'on' }, from)
    expect(refused).toMatchObject({ kind: 'rate-limited', values: { email: 'c@example.se', laterTrips: true } })
    expect(await db().interestSubscription.count({ where: { email: 'c@example.se' } })).toBe(0)

    for (let i = 0; i < 5; i++) expect(await subscribe(null, { email: 'flod@example.se' }, { address: `203.0.113.${i}` })).toEqual({ kind: 'done' })
    expect(await db().outboxMessage.count({ where: { toAddress: 'flod@example.se' } })).toBe(3)
  })
})
