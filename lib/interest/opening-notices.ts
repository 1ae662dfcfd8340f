// When a trip opens (registrationState in ../trips/life-cycle.ts, the one rule), everyone
// confirmed on the interest list (./list.ts) gets one e-mail with the form's link. An address left
// on a trip's page is told when that trip opens; one left on the home page when any trip opens.
// Exactly once: each message is queued under the subscriber's row lock with an outbox key per
// subscriber and trip, and the row is then removed, or, for someone who asked to hear about later
// trips, kept for any trip (and the key stops a second message about the same trip).
import { db } from '../db'
import { contactLines, renderEmail } from '../email/render'
import { enqueueEmail } from '../email/outbox'
import { log } from '../log'
import { getSiteSettings, type SiteSettings } from '../settings/site-settings'
import { registrationState, TRIP_LIFE_FIELDS } from '../trips/life-cycle'
import { UNSUBSCRIBE_LABEL, unsubscribeUrl, url, type Email } from './list'

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
