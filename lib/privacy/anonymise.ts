// The one way registrations are anonymised: by the participant's "cancel and remove my data"
// (lib/registrations/cancel.ts) and by the retention job (./retention.ts). The row stays, so a
// trip's counts by status, role, overnight choice and boarding stop stay right; everything that
// names or describes the person goes: the answers, the personal links, a pending change of
// e-mail address, unsent e-mail, the address
// and text of sent e-mail, and the old values that the audit log kept of their changes.
// Set-based statements over the ids, so a trip of thousands costs a handful of queries.
import type { Tx } from '../db'

/** What an erased value reads as in the audit log. */
export const ERASED_VALUE = '(borttaget)'

/**
 * Audit fields whose old and new values may stay: the anonymised row keeps them too, and they say
 * nothing about who the person was. Any other field's values (names, e-mail, phone, free text,
 * and fields added later) are erased.
 */
const KEPT_AUDIT_FIELDS = ['status', 'role', 'overnight', 'boardingStopId', 'showInParticipantList', 'checkedInAt', 'cancelledAt', 'tripId']

/** The summary an anonymised registration's audit entries get (summaries name the person). */
const SUMMARY_AFTER_ERASURE: Record<string, string> = {
  'registration.updated': 'Ändrade uppgifterna för en anmälan (personuppgifterna är borttagna)',
  'registration.confirmed': 'Bekräftade en anmälan (personuppgifterna är borttagna)',
  'registration.waitlisted': 'Flyttade en anmälan till reservlistan (personuppgifterna är borttagna)',
  'registration.cancelled': 'Avbokade en anmälan (personuppgifterna är borttagna)',
  'registration.promoted': 'En anmälan fick en plats från reservlistan (personuppgifterna är borttagna)',
  'registration.checked_in': 'Ändrade incheckningen för en anmälan (personuppgifterna är borttagna)',
  'registration.email_resent': 'Skickade ett mejl igen (personuppgifterna är borttagna)',
  'registration.reinstated': 'Återställde en avbokad anmälan (personuppgifterna är borttagna)',
  'registration.email_change_requested': 'Bad om att byta e-postadress (personuppgifterna är borttagna)',
  'registration.email_changed': 'Bytte e-postadress (personuppgifterna är borttagna)',
  'registration.erased': 'Personuppgifterna togs bort på deltagarens begäran',
}
const SUMMARY_FALLBACK = 'Ändring av en anmälan (personuppgifterna är borttagna)'
/** How another registration's entry refers to an anonymised person it named. */
const NAME_AFTER_ERASURE = 'en borttagen deltagare'

/**
 * Anonymises the registrations with these ids that are not anonymised yet; returns how many it
 * anonymised. Run it inside the transaction that decides the change (the caller holds the trip's
 * lock where counts matter).
 */
export async function anonymiseRegistrations(tx: Tx, ids: number[], now: Date = new Date()): Promise<number> {
  if (ids.length === 0) return 0
  const idTexts = ids.map(String)

  // Other registrations' entries of the same trip may name these people (entries written before
  // they referred to others by number: "… fick platsen när Anna Berg avbokades"): replace the name
  // there while it is still known. An entry naming two of them needs a second round, as one
  // UPDATE changes a row once.
  for (let round = 0; round < 5; round++) {
    const replaced = await tx.$executeRaw`
      WITH target AS (
        SELECT id, "tripId", btrim("firstName" || ' ' || "lastName") AS name
        FROM "Registration" WHERE id = ANY(${ids}::int[]) AND "anonymisedAt" IS NULL
      ), others AS (
        SELECT o.id::text AS "entityId" FROM "Registration" o
        WHERE o."tripId" IN (SELECT "tripId" FROM target) AND o.id NOT IN (SELECT id FROM target)
      )
      UPDATE "AuditEntry" a SET summary = replace(a.summary, n.name, ${NAME_AFTER_ERASURE})
      FROM target n, others
      WHERE a."entityType" = 'registration' AND a."entityId" = others."entityId"
        AND length(n.name) >= 3 AND strpos(a.summary, n.name) > 0`
    if (replaced === 0) break
  }

  // Their own entries: a summary without the name, and the values of personal fields erased.
  await tx.$executeRaw`
    UPDATE "AuditEntry" SET
      summary = COALESCE(${JSON.stringify(SUMMARY_AFTER_ERASURE)}::jsonb ->> action, ${SUMMARY_FALLBACK}),
      changes = CASE WHEN jsonb_typeof(changes) = 'object' THEN (
        SELECT COALESCE(jsonb_object_agg(
          key,
          CASE WHEN key = ANY(${KEPT_AUDIT_FIELDS}::text[]) THEN value
               ELSE jsonb_build_object('from', ${ERASED_VALUE}::text, 'to', ${ERASED_VALUE}::text) END
        ), '{}'::jsonb)
        FROM jsonb_each(changes)
      ) ELSE changes END
    WHERE "entityType" = 'registration' AND "entityId" = ANY(${idTexts}::text[])`

  const anonymised = await tx.$executeRaw`
    UPDATE "Registration" SET
      "firstName" = 'Borttagen', "lastName" = '', email = 'borttagen-' || id || '@invalid', phone = '',
      organisation = '', "dietaryNeeds" = NULL, "otherInfo" = NULL, "shareRoomWith" = NULL,
      "showInParticipantList" = false, "anonymisedAt" = ${now}, "updatedAt" = ${now}
    WHERE id = ANY(${ids}::int[]) AND "anonymisedAt" IS NULL`

  await tx.$executeRaw`DELETE FROM "RegistrationLink" WHERE "registrationId" = ANY(${ids}::int[])`
  await tx.$executeRaw`DELETE FROM "PendingEmailChange" WHERE "registrationId" = ANY(${ids}::int[])`
  // Unsent e-mail goes (its delivery job then finds no row and skips); sent e-mail, and one being
  // sent right now, stays as a record of what was sent, without the address or the text.
  await tx.$executeRaw`
    DELETE FROM "OutboxMessage" WHERE "registrationId" = ANY(${ids}::int[]) AND status IN ('QUEUED', 'FAILED')`
  await tx.$executeRaw`
    UPDATE "OutboxMessage" SET
      "toAddress" = 'borttagen-' || "registrationId" || '@invalid', "textBody" = '', "htmlBody" = '',
      "icsAttachment" = NULL, "lastError" = NULL
    WHERE "registrationId" = ANY(${ids}::int[]) AND status IN ('SENT', 'SENDING')`
  return anonymised
}

/**
 * Erases one field's old and new values from the audit entries of these registrations (the
 * retention job's early removal of dietary answers). Returns how many entries changed.
 */
export async function eraseAuditField(tx: Tx, ids: number[], field: string): Promise<number> {
  if (ids.length === 0) return 0
  const erased = JSON.stringify({ from: ERASED_VALUE, to: ERASED_VALUE })
  return tx.$executeRaw`
    UPDATE "AuditEntry" SET changes = jsonb_set(changes, ARRAY[${field}::text], ${erased}::jsonb)
    WHERE "entityType" = 'registration' AND "entityId" = ANY(${ids.map(String)}::text[])
      AND jsonb_typeof(changes) = 'object' AND changes -> ${field}::text IS NOT NULL
      AND changes -> ${field}::text <> ${erased}::jsonb`
}
