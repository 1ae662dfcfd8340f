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
// A trip ends at the end of its last day (Stockholm time): the end date, or the start date for a
// day trip, or, for earlier trips with no dates, 31 December of its year, so that their data does
// not live forever. "12 months after" a trip that ended 18 October 2024 is kept through
// 18 October 2025 and anonymised from 19 October.
import { db, type Tx } from '../db'
import { Prisma, type PrismaClient } from '../generated/prisma/client'
import { log } from '../log'
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

const TRIP_LAST_DAY = Prisma.sql`COALESCE(t."endDate", t."startDate", make_date(t.year, 12, 31))`
const todayInStockholm = (now: Date) => Prisma.sql`(${now}::timestamptz AT TIME ZONE 'Europe/Stockholm')::date`
/** The address an outbox row keeps once pruned (the registration's own, if any, is erased too). */
const PRUNED_ADDRESS = 'borttagen@invalid'
const ERASED_CHANGE = JSON.stringify({ from: ERASED_VALUE, to: ERASED_VALUE })

export async function runRetention(
  now: Date = new Date(),
  settings?: Partial<RetentionSettings>,
  prisma: PrismaClient = db(),
): Promise<RetentionFigures> {
  const periods = await retentionSettings(prisma, settings)
  const today = todayInStockholm(now)

  // Registrations of ended trips, one transaction per trip under its lock, as cancellations and
  // the organisers' actions take it: none of them can act on a half-anonymised trip.
  const dueTrips = await prisma.$queryRaw<{ id: number }[]>`
    SELECT t.id FROM "Trip" t
    WHERE (${TRIP_LAST_DAY} + make_interval(months => ${periods.retentionMonths}::int))::date < ${today}
      AND EXISTS (SELECT 1 FROM "Registration" r WHERE r."tripId" = t.id AND r."anonymisedAt" IS NULL)
    ORDER BY t.id`
  let tripsAnonymised = 0
  let registrationsAnonymised = 0
  for (const trip of dueTrips) {
    const count = await prisma.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM "Trip" WHERE id = ${trip.id} FOR UPDATE`
        const rows = await tx.$queryRaw<{ id: number }[]>`
          SELECT id FROM "Registration" WHERE "tripId" = ${trip.id} AND "anonymisedAt" IS NULL`
        return anonymiseRegistrations(tx, rows.map((r) => r.id), now)
      },
      { maxWait: 60_000, timeout: 120_000 },
    )
    if (count > 0) tripsAnonymised++
    registrationsAnonymised += count
  }

  const dietaryCleared = await prisma.$transaction(async (tx) => clearDietaryNeeds(tx, today, periods.dietaryRetentionDays, now), {
    maxWait: 60_000,
    timeout: 120_000,
  })

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
async function clearDietaryNeeds(tx: Tx, today: Prisma.Sql, days: number, now: Date): Promise<number> {
  const due = await tx.$queryRaw<{ id: number; hasAnswer: boolean }[]>`
    SELECT r.id, r."dietaryNeeds" IS NOT NULL AS "hasAnswer"
    FROM "Registration" r JOIN "Trip" t ON t.id = r."tripId"
    WHERE (${TRIP_LAST_DAY} + make_interval(days => ${days}::int))::date < ${today}
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
