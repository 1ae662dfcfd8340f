// The audit log: who changed what and when, written in the same transaction as the change.
// Only the fields that changed go in, with their old and new values. What the log page reads and
// how it words an entry: ./audit-log.ts and ./audit-wording.ts.
import type { Prisma } from '../generated/prisma/client'
import type { Tx } from '../db'

/** The actor of a participant's own change, made through their personal link. */
export const PARTICIPANT_ACTOR = 'deltagare'
/** The actor of what the site did by itself (a seat given from the waiting list after a cancellation). */
export const SITE_ACTOR = 'automatiskt'

export type AuditChanges = Record<string, { from: unknown; to: unknown }>

type AuditBase = {
  /** An organiser's e-mail, PARTICIPANT_ACTOR or SITE_ACTOR. */
  actor: string
  action: string
  entityId: string | number
  summary: string
  changes?: AuditChanges
}

/**
 * An entry; one that belongs to a trip says which (a trip's and a message's own id is the trip's),
 * so that the log can be filtered by trip.
 */
export type AuditInput = AuditBase &
  (
    | { entityType: 'registration' | 'programmeItem'; tripId: number }
    | { entityType: 'trip' | 'message' | 'hostCity' | 'settings'; tripId?: never }
  )

export async function recordAudit(tx: Tx, entry: AuditInput): Promise<void> {
  const tripId = entry.entityType === 'trip' || entry.entityType === 'message' ? Number(entry.entityId) : (entry.tripId ?? null)
  await tx.auditEntry.create({
    data: {
      actor: entry.actor,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      summary: entry.summary,
      tripId,
      changes: entry.changes ? (JSON.parse(JSON.stringify(entry.changes)) as Prisma.InputJsonValue) : undefined,
    },
  })
}

/** The fields of `after` whose values differ from `before`, as { field: { from, to } }. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const changes: AuditChanges = {}
  for (const [key, to] of Object.entries(after)) {
    const from = before[key]
    const same = from instanceof Date && to instanceof Date ? from.getTime() === to.getTime() : from === to
    if (!same) changes[key] = { from, to }
  }
  return changes
}
