// Reminders before departure: each confirmed participant gets one, with the programme, a set
// number of days (per trip) before the start. The outbox's unique key per registration makes it
// exactly one even when the job runs twice or two workers run it at once.
import { db } from '../db'
import { log } from '../log'
import { queueRegistrationEmail } from './notifications'

const DAY = 86_400_000

/** Queues the reminders that are due at `now`; returns how many were queued. */
export async function sendDueReminders(now: Date = new Date()): Promise<number> {
  // Published trips (a draft is the admin's only: lib/trips/life-cycle.ts, isPublic) whose start
  // date is still ahead and whose reminder day has come.
  const trips = await db().trip.findMany({
    where: { startDate: { gt: now }, publishedAt: { not: null } },
    select: { id: true, startDate: true, reminderDaysBefore: true },
  })
  const due = trips.filter((t) => t.startDate!.getTime() - t.reminderDaysBefore * DAY <= now.getTime())
  let queued = 0
  for (const trip of due) {
    const registrations = await db().registration.findMany({
      where: { tripId: trip.id, status: 'CONFIRMED', emails: { none: { kind: 'reminder' } } },
      select: { id: true },
    })
    for (const { id } of registrations) {
      const messageId = await db().$transaction((tx) =>
        queueRegistrationEmail(tx, id, 'reminder', { dedupeKey: `reminder:${id}`, onlyIf: ['CONFIRMED'] }),
      )
      if (messageId) queued++
    }
  }
  if (queued) log.info('reminders.queued', { count: queued })
  return queued
}
