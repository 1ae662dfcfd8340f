// The audit log: who changed what and when, written in the same transaction as the change.
// Only the fields that changed go in, with their old and new values.
import type { Prisma } from '../generated/prisma/client'
import { db, type Tx } from '../db'

export type AuditInput = {
  actor: string
  action: string
  entityType: 'registration' | 'trip' | 'hostCity' | 'programmeItem' | 'settings' | 'message'
  entityId: string | number
  summary: string
  changes?: Record<string, { from: unknown; to: unknown }>
}

export async function recordAudit(tx: Tx, entry: AuditInput): Promise<void> {
  await tx.auditEntry.create({
    data: {
      ...entry,
      entityId: String(entry.entityId),
      changes: entry.changes ? (JSON.parse(JSON.stringify(entry.changes)) as Prisma.InputJsonValue) : undefined,
    },
  })
}

/** The fields of `after` whose values differ from `before`, as { field: { from, to } }. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const changes: Record<string, { from: unknown; to: unknown }> = {}
  for (const [key, to] of Object.entries(after)) {
    const from = before[key]
    const same = from instanceof Date && to instanceof Date ? from.getTime() === to.getTime() : from === to
    if (!same) changes[key] = { from, to }
  }
  return changes
}

export async function listAudit(filter: { entityType?: string; entityId?: string } = {}, take = 100) {
  return db().auditEntry.findMany({ where: filter, orderBy: { at: 'desc' }, take })
}
