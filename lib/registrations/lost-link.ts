// "Lost your link?": sends the personal link again to an address that has a registration for
// the trip. The answer is the same whether or not the address is known, so the form tells no
// one who is signed up; and one registration gets at most LINKS_PER_HOUR such e-mails, so the
// form cannot be used to flood someone's inbox.
import { z } from 'zod'
import { db } from '../db'
import { log } from '../log'
import { createLink, LINKS_PER_HOUR, queueRegistrationEmail } from './notifications'

export { LINKS_PER_HOUR }

const emailSchema = z
  .string({ error: 'Fyll i e-post.' })
  .trim()
  .toLowerCase()
  .min(1, { error: 'Fyll i e-post.' })
  .max(254, { error: 'E-postadressen är för lång.' })
  .pipe(z.email({ error: 'Skriv en giltig e-postadress, t.ex. namn@exempel.se.' }))

class NothingToSend extends Error {}

export type LinkRequestOutcome = { kind: 'invalid'; email: string; error: string } | { kind: 'done' } | { kind: 'trip-not-found' }

export async function requestLink(slug: string, rawEmail: unknown, now = new Date()): Promise<LinkRequestOutcome> {
  const parsed = emailSchema.safeParse(rawEmail)
  if (!parsed.success) {
    return { kind: 'invalid', email: typeof rawEmail === 'string' ? rawEmail : '', error: parsed.error.issues[0]!.message }
  }
  if (typeof slug !== 'string') return { kind: 'trip-not-found' } // bound by the page, sent back by the browser
  const trip = await db().trip.findUnique({ where: { slug }, select: { id: true } })
  if (!trip) return { kind: 'trip-not-found' }

  const registration = await db().registration.findFirst({
    where: { tripId: trip.id, email: parsed.data, status: { in: ['CONFIRMED', 'WAITLISTED'] } },
    select: { id: true },
  })
  if (!registration) return { kind: 'done' }

  // The registration's status and the hourly limit are checked again under its row lock, so a
  // cancellation in between, or many requests at once, cannot slip past them.
  const messageId = await db().$transaction(async (tx) => {
    const token = await createLink(tx, registration.id)
    const queued = await queueRegistrationEmail(tx, registration.id, 'link', {
      token,
      onlyIf: ['CONFIRMED', 'WAITLISTED'],
      throttleLinks: true,
      now,
    })
    // Nothing sent: undo the link too (a rolled-back transaction keeps nothing).
    if (queued === null) throw new NothingToSend()
    return queued
  }).catch((err) => {
    if (err instanceof NothingToSend) return null
    throw err
  })
  if (messageId === null) {
    log.info('link.throttled', { registrationId: registration.id })
    return { kind: 'done' }
  }
  log.info('link.sent', { registrationId: registration.id })
  return { kind: 'done' }
}
