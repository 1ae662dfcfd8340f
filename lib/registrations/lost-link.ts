// "Lost your link?": sends the personal link again to an address that has a registration for
// the trip. The answer is the same whether or not the address is known, so the form tells no
// one who is signed up. Every valid request, for a known address or not, counts against the
// rate limits (lib/rate-limits): per e-mail address, so the form cannot flood someone's inbox
// (over it, the same answer and nothing sent), and per client address (over it, "try again in N
// minutes", which says nothing about the e-mail). The e-mail also takes one of the inbox's daily
// allowance shared with every other form (takeInboxAllowance): over it, the same answer and
// nothing sent, and no new link stored.
import { db } from '../db'
import { log } from '../log'
import { consumeLimit, takeInboxAllowance, type Requester } from '../rate-limits'
import { createLink, queueRegistrationEmail } from './notifications'
import { emailAddress } from '../forms/fields'


class NothingToSend extends Error {}

export type LinkRequestOutcome =
  | { kind: 'invalid'; email: string; error: string }
  | { kind: 'done' }
  | { kind: 'trip-not-found' }
  | { kind: 'rate-limited'; email: string; retryAfterSeconds: number }

/**
 * `client.address`: the client's address (lib/auth/client-address.ts); without it (scripts,
 * tests) only the per-e-mail limit applies.
 */
export async function requestLink(slug: string, rawEmail: unknown, client: Pick<Requester, 'address'> = {}): Promise<LinkRequestOutcome> {
  const parsed = emailAddress.safeParse(rawEmail)
  if (!parsed.success) {
    return { kind: 'invalid', email: typeof rawEmail === 'string' ? rawEmail : '', error: parsed.error.issues[0]!.message }
  }
  if (typeof slug !== 'string') return { kind: 'trip-not-found' } // bound by the page, sent back by the browser
  const trip = await db().trip.findUnique({ where: { slug }, select: { id: true } })
  if (!trip) return { kind: 'trip-not-found' }

  const limit = await consumeLimit('link', { address: client.address, email: parsed.data })
  if (!limit.ok) {
    log.info('link.rate_limited', { tripId: trip.id, by: limit.by })
    if (limit.by === 'address') return { kind: 'rate-limited', email: String(rawEmail), retryAfterSeconds: limit.retryAfterSeconds }
    return { kind: 'done' }
  }

  const registration = await db().registration.findFirst({
    where: { tripId: trip.id, email: parsed.data, status: { in: ['CONFIRMED', 'WAITLISTED'] } },
    select: { id: true },
  })
  if (!registration) return { kind: 'done' }

  // The registration's status is checked again under its row lock, so a cancellation in between
  // cannot slip past it.
  const messageId = await db()
    .$transaction(async (tx) => {
      // The row first, then the inbox's counter: every transaction takes its locks in that order.
      const [row] = await tx.$queryRaw<{ status: string }[]>`
        SELECT status FROM "Registration" WHERE id = ${registration.id} FOR NO KEY UPDATE`
      if (!row || (row.status !== 'CONFIRMED' && row.status !== 'WAITLISTED')) throw new NothingToSend()
      const allowance = await takeInboxAllowance(tx, parsed.data)
      if (!allowance.ok) throw new NothingToSend()
      const token = await createLink(tx, registration.id)
      const queued = await queueRegistrationEmail(tx, registration.id, 'link', { token, onlyIf: ['CONFIRMED', 'WAITLISTED'] })
      // Nothing sent: undo the link too (a rolled-back transaction keeps nothing).
      if (queued === null) throw new NothingToSend()
      return queued
    })
    .catch((err) => {
      if (err instanceof NothingToSend) return null
      throw err
    })
  if (messageId === null) {
    log.info('link.not_sent', { registrationId: registration.id })
    return { kind: 'done' }
  }
  log.info('link.sent', { registrationId: registration.id })
  return { kind: 'done' }
}
