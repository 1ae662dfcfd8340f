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
// - When a trip opens, everyone confirmed on the list is told once (./opening-notices.ts); the
//   list keeps no one longer than it says (./retention.ts); both run as one job (./job.ts).
import { createHmac, timingSafeEqual } from 'node:crypto'
import { authSecret } from '../auth/secret'
import { db } from '../db'
import { contactLines, renderEmail } from '../email/render'
import { enqueueEmail } from '../email/outbox'
import { env } from '../env'
import { log } from '../log'
import { consumeLimit, takeInboxAllowance, type Requester } from '../rate-limits'
import { hashLinkToken, isWellFormedToken, newLinkToken } from '../registrations/links'
import { emailAddress } from '../forms/fields'
import { isHoneypotFilled } from '../forms/form-state'
import { getSiteSettings, type SiteSettings } from '../settings/site-settings'

/** How long an unconfirmed address (and its confirmation link) is kept. */
export const UNCONFIRMED_HOURS = 48


export type InterestValues = { email: string; laterTrips: boolean }

export type SubscribeOutcome =
  | { kind: 'invalid'; values: InterestValues; error: string }
  | { kind: 'done' }
  | { kind: 'trip-not-found' }
  | { kind: 'rate-limited'; values: InterestValues; retryAfterSeconds: number }

export const url = (path: string) => `${env().publicUrl}${path}`
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

export type Email = { to: string; subject: string; text: string; html: string }

export const UNSUBSCRIBE_LABEL = 'Avsluta: ta bort min adress från listan'

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
