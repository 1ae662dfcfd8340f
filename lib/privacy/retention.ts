// Retention: personal data is kept no longer than the privacy notice says (/integritet), with the
// periods from the settings. Run daily by the worker (lib/jobs/worker.ts) and by hand with
// `npm run retention`; running it again changes nothing.
//
// - A trip's registrations are anonymised (./anonymise.ts) `retentionMonths` after the trip ends.
//   The rows stay, so the counts by status, role, overnight and boarding stop stay for statistics.
// - Dietary and allergy answers, which can be health data, go `dietaryRetentionDays` after it.
// - A new e-mail address that was never confirmed goes once its link has expired (48 hours).
// - Sent and failed e-mail loses its address, text and attachment `sentEmailRetentionDays` after
//   it was sent (or gave up). The row stays: what was sent when, and how it went.
//
// A trip ends at the end of its last day (Stockholm time), as its life cycle says
// (lib/trips/life-cycle.ts: lastDayKey, the one rule): the end date, or the start date for a
// day trip, or, for earlier trips with no dates, 31 December of its year, so that their data does
// not live forever. "12 months after" a trip that ended 18 October 2024 is kept through
// 18 October 2025 and anonymised from 19 October. A trip that has not been held (whatever its
// state: draft, open, closed) is never due, since its last day is not past.
import { db, LONG_TRANSACTION, type Tx } from '../db'
import type { PrismaClient } from '../generated/prisma/client'
import { stockholmDayKey } from '../dates'
import { log } from '../log'
import { lastDayKey } from '../trips/life-cycle'
import { lockTrip } from '../trips/lock'
import { anonymiseRegistrations, ERASED_VALUE, eraseAuditField } from './anonymise'

export type RetentionSettings = {
  retentionMonths: number
  dietaryRetentionDays: number
  sentEmailRetentionDays: number
}

export type RetentionFigures = {
  tripsAnonymised: number
  registrationsAnonymised: number
  dietaryCleared: number
  emailsPruned: number
}

/** The address an outbox row keeps once pruned (the registration's own, if any, is erased too). */
const PRUNED_ADDRESS = 'borttagen@invalid'
const ERASED_CHANGE = JSON.stringify({ from: ERASED_VALUE, to: ERASED_VALUE })

export async function runRetention(
  now: Date = new Date(),
  settings?: Partial<RetentionSettings>,
  prisma: PrismaClient = db(),
): Promise<RetentionFigures> {
  const periods = await retentionSettings(prisma, settings)
  const today = stockholmDayKey(now)
  // Trips with registrations left to act on, with what their last day is decided from.
  const trips = await prisma.trip.findMany({
    where: { registrations: { some: { anonymisedAt: null } } },
    select: { id: true, startDate: true, endDate: true, year: true },
    orderBy: { id: 'asc' },
  })

  // Registrations of ended trips, one transaction per trip under its lock, as cancellations and
  // the organisers' actions take it: none of them can act on a half-anonymised trip.
  const dueTrips = trips.filter((t) => addMonths(lastDayKey(t), periods.retentionMonths) < today)
  let tripsAnonymised = 0
  let registrationsAnonymised = 0
  for (const trip of dueTrips) {
    const count = await prisma.$transaction(
      async (tx) => {
        await lockTrip(tx, { id: trip.id })
        const rows = await tx.$queryRaw<{ id: number }[]>`
          SELECT id FROM "Registration" WHERE "tripId" = ${trip.id} AND "anonymisedAt" IS NULL`
        return anonymiseRegistrations(tx, rows.map((r) => r.id), now)
      },
      LONG_TRANSACTION,
    )
    if (count > 0) tripsAnonymised++
    registrationsAnonymised += count
  }

  const dietaryDue = trips.filter((t) => addDays(lastDayKey(t), periods.dietaryRetentionDays) < today).map((t) => t.id)
  const dietaryCleared = await prisma.$transaction(async (tx) => clearDietaryNeeds(tx, dietaryDue, now), LONG_TRANSACTION)

  // Addresses quoted in an SMTP answer ("550 <anna@…>: no such user") go too; the reason stays.
  const emailsPruned = await prisma.$executeRaw`
    UPDATE "OutboxMessage" SET
      "toAddress" = CASE WHEN "toAddress" LIKE '%@invalid' THEN "toAddress" ELSE ${PRUNED_ADDRESS} END,
      "textBody" = '', "htmlBody" = '', "icsAttachment" = NULL,
      "lastError" = regexp_replace("lastError", '[^[:space:]<>@]+@[^[:space:]<>@]+', '(adress borttagen)', 'g')
    WHERE status IN ('SENT', 'FAILED')
      AND COALESCE("sentAt", "updatedAt") < ${now}::timestamptz - make_interval(days => ${periods.sentEmailRetentionDays}::int)
      AND ("toAddress" NOT LIKE '%@invalid' OR "textBody" <> '' OR "htmlBody" <> '' OR "icsAttachment" IS NOT NULL
           OR "lastError" ~ '[^[:space:]<>@]+@[^[:space:]<>@]+')`

  // A new e-mail address not confirmed in time (lib/registrations/email-change.ts) goes too.
  await prisma.pendingEmailChange.deleteMany({ where: { expiresAt: { lt: now } } })

  const figures = { tripsAnonymised, registrationsAnonymised, dietaryCleared, emailsPruned }
  log.info('retention.done', { ...figures, ...periods })
  return figures
}

/** Clears the dietary answers of trips past their period, and their values in the audit log. */
async function clearDietaryNeeds(tx: Tx, tripIds: number[], now: Date): Promise<number> {
  if (tripIds.length === 0) return 0
  const due = await tx.$queryRaw<{ id: number; hasAnswer: boolean }[]>`
    SELECT r.id, r."dietaryNeeds" IS NOT NULL AS "hasAnswer"
    FROM "Registration" r
    WHERE r."tripId" = ANY(${tripIds}::int[])
      AND (r."dietaryNeeds" IS NOT NULL OR EXISTS (
        SELECT 1 FROM "AuditEntry" a
        WHERE a."entityType" = 'registration' AND a."entityId" = r.id::text
          AND a.changes -> 'dietaryNeeds' IS NOT NULL AND a.changes -> 'dietaryNeeds' <> ${ERASED_CHANGE}::jsonb))`
  if (due.length === 0) return 0
  await eraseAuditField(tx, due.map((r) => r.id), 'dietaryNeeds')
  const withAnswer = due.filter((r) => r.hasAnswer).map((r) => r.id)
  if (withAnswer.length === 0) return 0
  return tx.$executeRaw`
    UPDATE "Registration" SET "dietaryNeeds" = NULL, "updatedAt" = ${now}
    WHERE id = ANY(${withAnswer}::int[]) AND "dietaryNeeds" IS NOT NULL`
}

/** The periods: those given, the rest from the settings row. */
export async function retentionSettings(prisma: PrismaClient, given: Partial<RetentionSettings> = {}): Promise<RetentionSettings> {
  if (given.retentionMonths !== undefined && given.dietaryRetentionDays !== undefined && given.sentEmailRetentionDays !== undefined)
    return given as RetentionSettings
  const row = await prisma.siteSettings.findUnique({
    where: { id: 1 },
    select: { retentionMonths: true, dietaryRetentionDays: true, sentEmailRetentionDays: true },
  })
  if (!row) throw new Error('Inställningarna saknas i databasen: kör seed (npm start gör det).')
  return { ...row, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) }
}

/** A YYYY-MM-DD day plus whole months, as PostgreSQL adds them: 31 August + 6 months is 28 February. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const first = new Date(Date.UTC(y, m - 1 + months, 1))
  const lastOfMonth = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate()
  first.setUTCDate(Math.min(d, lastOfMonth))
  return first.toISOString().slice(0, 10)
}

/** A YYYY-MM-DD day plus whole days. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}
