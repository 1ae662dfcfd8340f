// "Meddela mig när anmälan öppnar": a list of e-mail addresses to tell when a trip's registration
// opens.
//
// - Double opt-in. Leaving an address stores it unconfirmed, with only a SHA-256 of a random
//   confirmation token, and mails the link; the address is on the list once the link's page is
//   confirmed with its button (opening the link changes nothing: scanners open links).
// - The form's answer is the same whether or not the address is already on the list, confirmed
//   or not: it reveals nothing. A confirmed address is left as it is; an unconfirmed one gets a
//   fresh link (the old one stops working).
// - Rate-limited like the lost-link form (per client address and per e-mail, kind 'interest'),
//   and every confirmation mail takes one of the inbox's daily allowance (takeInboxAllowance).
// - Every message carries an unsubscribe link. Its token is an HMAC of the row's id with the
//   site's secret, so no token needs storing and the link keeps working for the row's lifetime
//   (ids are never reused, so a link never removes someone else).
// - When a trip opens (registrationState in ../trips/life-cycle.ts, the one rule), everyone
//   confirmed on the list gets one e-mail with the form's link. An address left on a trip's page
//   is told when that trip opens; one left on the home page when any trip opens. Exactly once:
//   each message is queued under the subscriber's row lock with an outbox key per subscriber and
//   trip, and the row is then removed, or, for someone who asked to hear about later trips, kept
//   for any trip (and the key stops a second message about the same trip).
// - Retention: unconfirmed rows go after UNCONFIRMED_HOURS, confirmed ones
//   INTEREST_LIST_RETENTION_MONTHS after confirmation.
import { createHmac, timingSafeEqual } from 'node:crypto'
import { authSecret } from '../auth/secret'
import { db } from '../db'
import { contactLines, renderEmail } from '../email/render'
import { enqueueEmail } from '../email/outbox'
import { env } from '../env'
import { JOBS, queue } from '../jobs/queue'
import { log } from '../log'
import { consumeLimit, takeInboxAllowance, type Requester } from '../rate-limits'
import { hashLinkToken, isWellFormedToken, newLinkToken } from '../registrations/links'
import { emailAddress } from '../forms/fields'
import { isHoneypotFilled } from '../forms/form-state'
import { getSiteSettings, type SiteSettings } from '../settings/site-settings'
import { registrationState, TRIP_LIFE_FIELDS } from '../trips/life-cycle'

/** How long an unconfirmed address (and its confirmation link) is kept. */
export const UNCONFIRMED_HOURS = 48


export type InterestValues = { email: string; laterTrips: boolean }

export type SubscribeOutcome =
  | { kind: 'invalid'; values: InterestValues; error: string }
  | { kind: 'done' }
  | { kind: 'trip-not-found' }
  | { kind: 'rate-limited'; values: InterestValues; retryAfterSeconds: number }

const url = (path: string) => `${env().publicUrl}${path}`
export const confirmUrl = (token: string) => url(`/meddela-mig/bekrafta/${token}`)
export const unsubscribeUrl = (id: number) => url(`/meddela-mig/avsluta/${unsubscribeToken(id)}`)

function mac(id: number): string {
  return createHmac('sha256', authSecret()).update(`interest-unsubscribe\0${id}`).digest('base64url')
}

/** The unsubscribe link's token: the row's id and its HMAC. */
export function unsubscribeToken(id: number): string {
  return `${id}.${mac(id)}`
}

function idFromUnsubscribeToken(token: string): number | null {
  const m = /^([1-9][0-9]{0,9})\.([A-Za-z0-9_-]{43})$/.exec(token)
  if (!m) return null
  const id = Number(m[1])
  const given = Buffer.from(m[2]!)
  const expected = Buffer.from(mac(id))
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null
}

class NothingToSend extends Error {}

/**
 * Leaves an address on the list (unconfirmed) and mails the confirmation link. `tripSlug`: the
 * published trip whose signup page the form is on, or null on the home page.
 */
export async function subscribe(
  tripSlug: string | null,
  raw: Record<string, unknown>,
  client: Pick<Requester, 'address'> = {},
  now: Date = new Date(),
): Promise<SubscribeOutcome> {
  const values: InterestValues = {
    email: typeof raw.email === 'string' ? raw.email : '',
    laterTrips: raw.laterTrips === 'on',
  }
  // A filled honeypot is a robot: the usual answer, nothing stored or sent.
  if (isHoneypotFilled(raw)) {
    log.info('interest.honeypot', {})
    return { kind: 'done' }
  }
  const parsed = emailAddress.safeParse(raw.email)
  if (!parsed.success) return { kind: 'invalid', values, error: parsed.error.issues[0]!.message }
  const email = parsed.data

  let tripId: number | null = null
  if (tripSlug !== null) {
    const trip = await db().trip.findUnique({ where: { slug: tripSlug }, select: { id: true, publishedAt: true } })
    if (!trip || !trip.publishedAt) return { kind: 'trip-not-found' }
    tripId = trip.id
  }

  const limit = await consumeLimit('interest', { address: client.address, email })
  if (!limit.ok) {
    log.info('interest.rate_limited', { by: limit.by })
    if (limit.by === 'address') return { kind: 'rate-limited', values, retryAfterSeconds: limit.retryAfterSeconds }
    return { kind: 'done' }
  }

  const contact = await getSiteSettings()
  await db()
    .$transaction(async (tx) => {
      const { token, tokenHash } = newLinkToken()
      // One row per address: insert it, or refresh an unconfirmed one; a confirmed one is left alone.
      const [row] = await tx.$queryRaw<{ id: number }[]>`
        INSERT INTO "InterestSubscription" (email, "tripId", "laterTrips", "confirmTokenHash", "createdAt")
        VALUES (${email}, ${tripId}, ${values.laterTrips}, ${tokenHash}, ${now})
        ON CONFLICT (email) DO UPDATE
          SET "tripId" = EXCLUDED."tripId", "laterTrips" = EXCLUDED."laterTrips",
              "confirmTokenHash" = EXCLUDED."confirmTokenHash", "createdAt" = EXCLUDED."createdAt"
          WHERE "InterestSubscription"."confirmedAt" IS NULL
        RETURNING id`
      if (!row) throw new NothingToSend() // confirmed already: nothing changes, nothing is sent
      const allowance = await takeInboxAllowance(tx, email)
      if (!allowance.ok) throw new NothingToSend() // and the new row or token rolls back with it
      const message = interestConfirmationEmail({ to: email, confirmUrl: confirmUrl(token), unsubscribeUrl: unsubscribeUrl(row.id), contact })
      await enqueueEmail(tx, { ...message, kind: 'interest-confirm' })
    })
    .catch((err) => {
      if (err instanceof NothingToSend) return
      throw err
    })
  return { kind: 'done' }
}

/** What the confirmation link's page shows: whether the link still works. */
export async function findConfirmation(token: string, now: Date = new Date()): Promise<{ laterTrips: boolean } | null> {
  if (!isWellFormedToken(token)) return null
  const row = await db().interestSubscription.findUnique({
    where: { confirmTokenHash: hashLinkToken(token) },
    select: { laterTrips: true, createdAt: true },
  })
  if (!row || row.createdAt.getTime() + UNCONFIRMED_HOURS * 3600_000 < now.getTime()) return null
  return { laterTrips: row.laterTrips }
}

/** The button on the link's page: the address is on the list. False when the link does not work. */
export async function confirmSubscription(token: string, now: Date = new Date()): Promise<boolean> {
  if (!isWellFormedToken(token)) return false
  const { count } = await db().interestSubscription.updateMany({
    where: {
      confirmTokenHash: hashLinkToken(token),
      confirmedAt: null,
      createdAt: { gte: new Date(now.getTime() - UNCONFIRMED_HOURS * 3600_000) },
    },
    data: { confirmedAt: now, confirmTokenHash: null },
  })
  if (count === 1) log.info('interest.confirmed', {})
  return count === 1
}

/** Whether an unsubscribe link belongs to an address on the list. */
export async function findUnsubscribe(token: string): Promise<boolean> {
  const id = idFromUnsubscribeToken(token)
  if (id === null) return false
  return (await db().interestSubscription.count({ where: { id } })) === 1
}

/** The unsubscribe button: removes the address. False when the link belongs to nothing (any more). */
export async function unsubscribe(token: string): Promise<boolean> {
  const id = idFromUnsubscribeToken(token)
  if (id === null) return false
  const { count } = await db().interestSubscription.deleteMany({ where: { id } })
  if (count === 1) log.info('interest.unsubscribed', {})
  return count === 1
}

/** How many confirmed addresses are on the list (all the admin ever sees of it). */
export function countConfirmed(): Promise<number> {
  return db().interestSubscription.count({ where: { confirmedAt: { not: null } } })
}

/**
 * Queues the opening e-mail for every confirmed subscriber of every trip that takes signups at
 * `now`; returns how many were queued. Safe to run at once in several workers and as often as
 * wished: each subscriber is handled under its row lock, the outbox key is per subscriber and trip.
 */
export async function notifyOpenedTrips(now: Date = new Date()): Promise<number> {
  const trips = await db().trip.findMany({
    where: { publishedAt: { not: null } },
    select: { id: true, slug: true, title: true, ...TRIP_LIFE_FIELDS },
    orderBy: [{ startDate: 'asc' }, { id: 'asc' }],
  })
  const open = trips.filter((t) => registrationState(t, now).open)
  if (open.length === 0) return 0
  const contact = await getSiteSettings()
  let queued = 0
  for (const trip of open) {
    const candidates = await db().interestSubscription.findMany({
      where: { confirmedAt: { not: null }, OR: [{ tripId: trip.id }, { tripId: null }], notices: { none: { tripId: trip.id } } },
      select: { id: true },
      orderBy: { id: 'asc' },
    })
    for (const { id } of candidates) {
      const sent = await db().$transaction(async (tx) => {
        const [row] = await tx.$queryRaw<{ email: string; tripId: number | null; laterTrips: boolean }[]>`
          SELECT email, "tripId", "laterTrips" FROM "InterestSubscription"
          WHERE id = ${id} AND "confirmedAt" IS NOT NULL FOR UPDATE`
        // Removed meanwhile (told by another worker, unsubscribed), or now waiting for another trip.
        if (!row || (row.tripId !== null && row.tripId !== trip.id)) return false
        // Told of this trip by another worker meanwhile (or it was open when they were last told).
        if ((await tx.interestNotice.count({ where: { subscriptionId: id, tripId: trip.id } })) > 0) return false
        const message = interestOpeningEmail({
          to: row.email,
          tripTitle: trip.title,
          signupUrl: url(`/resor/${trip.slug}/anmalan`),
          unsubscribeUrl: unsubscribeUrl(id),
          laterTrips: row.laterTrips,
          contact,
        })
        const messageId = await enqueueEmail(tx, { ...message, kind: 'interest-opened', dedupeKey: `interest-opened:${trip.id}:${id}` })
        if (row.laterTrips) {
          // Kept for later trips: from now on, for any trip, but not for those open already (this
          // one included), so one message now is the only one.
          await tx.interestSubscription.update({ where: { id }, data: { tripId: null } })
          await tx.interestNotice.createMany({ data: open.map((t) => ({ subscriptionId: id, tripId: t.id })), skipDuplicates: true })
        } else {
          await tx.interestSubscription.delete({ where: { id } })
        }
        return messageId !== null
      })
      if (sent) queued++
    }
  }
  if (queued) log.info('interest.opening_queued', { count: queued })
  return queued
}

/** Deletes unconfirmed addresses older than UNCONFIRMED_HOURS and confirmed ones past retention. */
export async function purgeInterestList(now: Date = new Date(), months: number = env().INTEREST_LIST_RETENTION_MONTHS): Promise<number> {
  const unconfirmed = await db().interestSubscription.deleteMany({
    where: { confirmedAt: null, createdAt: { lt: new Date(now.getTime() - UNCONFIRMED_HOURS * 3600_000) } },
  })
  const [expired] = await db().$queryRaw<{ count: bigint }[]>`
    WITH gone AS (
      DELETE FROM "InterestSubscription"
      WHERE "confirmedAt" IS NOT NULL AND "confirmedAt" < ${now}::timestamptz - make_interval(months => ${months}::int)
      RETURNING 1)
    SELECT count(*) AS count FROM gone`
  const total = unconfirmed.count + Number(expired!.count)
  if (total) log.info('interest.purged', { count: total })
  return total
}

/** The scheduled job: tell whoever a newly opened trip concerns, then apply retention. */
export async function runInterestList(now: Date = new Date()): Promise<void> {
  await notifyOpenedTrips(now)
  await purgeInterestList(now)
}

/**
 * Runs the job soon rather than at the next minute: after an organiser saved a trip (which may
 * have opened it). The job decides; a failure here only leaves it to the schedule.
 */
export async function runInterestListSoon(): Promise<void> {
  try {
    await (await queue()).send(JOBS.interestList, {})
  } catch (err) {
    log.warn('interest.not_queued', { message: err instanceof Error ? err.message : String(err) })
  }
}

type Email = { to: string; subject: string; text: string; html: string }

const UNSUBSCRIBE_LABEL = 'Avsluta: ta bort min adress från listan'

export function interestConfirmationEmail(input: { to: string; confirmUrl: string; unsubscribeUrl: string; contact: SiteSettings }): Email {
  return {
    to: input.to,
    ...renderEmail({
      subject: 'Bekräfta att du vill få besked när anmälan öppnar',
      greeting: 'Hej!',
      paragraphs: [
        'Någon (förhoppningsvis du) vill att vi mejlar den här adressen när anmälan till Mjölbybussen öppnar.',
        `Öppna länken och bekräfta, så står adressen på listan. Länken fungerar i ${UNCONFIRMED_HOURS} timmar.`,
        'Var det inte du? Då behöver du inte göra något: utan bekräftelse tas adressen bort av sig själv.',
      ],
      facts: [],
      programme: [],
      link: { url: input.confirmUrl, label: 'Bekräfta e-postadressen' },
      contact: contactLines(input.contact),
      unsubscribe: { url: input.unsubscribeUrl, label: UNSUBSCRIBE_LABEL },
    }),
  }
}

export function interestOpeningEmail(input: {
  to: string
  tripTitle: string
  signupUrl: string
  unsubscribeUrl: string
  laterTrips: boolean
  contact: SiteSettings
}): Email {
  return {
    to: input.to,
    ...renderEmail({
      subject: `Nu är anmälan öppen: ${input.tripTitle}`,
      greeting: 'Hej!',
      paragraphs: [
        `Du bad oss säga till när anmälan öppnar. Nu går det att anmäla sig till ${input.tripTitle}.`,
        input.laterTrips
          ? 'Du har bett att få besked även om kommande resor, så adressen står kvar på listan tills du avslutar.'
          : 'Det här är vårt enda mejl om det: adressen är nu borttagen från listan.',
      ],
      facts: [],
      programme: [],
      link: { url: input.signupUrl, label: 'Till anmälan' },
      contact: contactLines(input.contact),
      unsubscribe: { url: input.unsubscribeUrl, label: UNSUBSCRIBE_LABEL },
    }),
  }
}
