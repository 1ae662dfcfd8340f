// A trip's programme, as the organisers edit it: adding, changing and removing items (checked
// with the form kit, audited), and an item as its form shows it.
import { z } from 'zod'
import { changedFields, recordAudit } from '../admin/audit'
import { formatDateRange, stockholmLocalToUtc, utcToStockholmLocal } from '../dates'
import { db, type Tx } from '../db'
import { optionalText, requiredDay, requiredText, time, validDate } from '../forms/fields'
import { firstErrors, type RawForm, type SaveResult } from '../forms/form-state'

export const programmeItemSchema = z
  .object({
    day: requiredDay('dag'),
    startTime: time('starttid', true),
    endTime: time('sluttid', false),
    title: requiredText('rubrik', 200),
    place: optionalText('plats', 200),
    participants: optionalText('vilka som medverkar', 500, { multiline: true, normaliseLineBreaks: true }),
  })
  .superRefine((v, ctx) => {
    if (v.startTime && v.endTime && v.endTime <= v.startTime)
      ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'Sluttiden ska vara efter starttiden.' })
  })

/** Adds a programme item to the trip (itemId null) or changes one of its items. */
export async function saveProgrammeItem(
  actor: string,
  tripSlug: string,
  itemId: number | null,
  raw: RawForm,
): Promise<SaveResult<{ id: number }>> {
  const parsed = programmeItemSchema.safeParse(raw)
  if (!parsed.success) return { ok: false, errors: firstErrors(parsed.error) }
  const v = parsed.data
  const data = {
    startsAt: stockholmLocalToUtc(v.day, v.startTime!),
    endsAt: v.endTime ? stockholmLocalToUtc(v.day, v.endTime) : null,
    title: v.title,
    place: v.place,
    participants: v.participants,
  }
  return db().$transaction(async (tx): Promise<SaveResult<{ id: number }>> => {
    const trip = await tx.trip.findUnique({ where: { slug: tripSlug }, select: { id: true, startDate: true, endDate: true } })
    if (!trip) return { ok: false, errors: { form: 'Resan finns inte längre.' } }
    const day = validDate(v.day)!
    if (trip.startDate && (day < trip.startDate || day > (trip.endDate ?? trip.startDate)))
      return { ok: false, errors: { day: `Dagen ska vara under resan (${formatDateRange(trip.startDate, trip.endDate)}).` } }
    if (itemId === null) {
      const item = await tx.programmeItem.create({ data: { ...data, tripId: trip.id } })
      await auditItem(tx, actor, item, 'added', changedFields({}, { tripId: trip.id, ...data }))
      return { ok: true, value: { id: item.id }, warnings: [] }
    }
    const before = await tx.programmeItem.findFirst({ where: { id: itemId, tripId: trip.id } })
    if (!before) return { ok: false, errors: { form: 'Programpunkten finns inte längre.' } }
    const item = await tx.programmeItem.update({ where: { id: itemId }, data })
    const changes = changedFields(before as unknown as Record<string, unknown>, data)
    if (Object.keys(changes).length > 0) await auditItem(tx, actor, item, 'updated', changes)
    return { ok: true, value: { id: item.id }, warnings: [] }
  })
}

export async function deleteProgrammeItem(actor: string, tripSlug: string, itemId: number): Promise<SaveResult<{ title: string }>> {
  return db().$transaction(async (tx): Promise<SaveResult<{ title: string }>> => {
    const item = await tx.programmeItem.findFirst({ where: { id: itemId, trip: { slug: tripSlug } } })
    if (!item) return { ok: false, errors: { form: 'Programpunkten finns inte längre.' } }
    await tx.programmeItem.delete({ where: { id: item.id } })
    const { id: _id, ...fields } = item
    await auditItem(tx, actor, item, 'deleted', Object.fromEntries(Object.entries(fields).map(([k, from]) => [k, { from, to: null }])))
    return { ok: true, value: { title: item.title }, warnings: [] }
  })
}

const AUDIT_SUMMARY = { added: 'lades till', updated: 'ändrades', deleted: 'togs bort' } as const

/** The audit entry of one change to an item: `programme.item_added` and so on. */
function auditItem(tx: Tx, actor: string, item: { id: number; tripId: number; title: string }, what: keyof typeof AUDIT_SUMMARY, changes: Record<string, { from: unknown; to: unknown }>) {
  return recordAudit(tx, {
    actor,
    action: `programme.item_${what}`,
    entityType: 'programmeItem',
    entityId: item.id,
    tripId: item.tripId,
    summary: `Programpunkten ”${item.title}” ${AUDIT_SUMMARY[what]}.`,
    changes,
  })
}

export function programmeItemFormValues(
  item: { startsAt: Date; endsAt: Date | null; title: string; place: string | null; participants: string | null } | null,
  defaultDay = '',
): Record<string, string> {
  if (!item) return { day: defaultDay, startTime: '', endTime: '', title: '', place: '', participants: '' }
  const start = utcToStockholmLocal(item.startsAt)
  return {
    day: start.slice(0, 10),
    startTime: start.slice(11, 16),
    endTime: item.endsAt ? utcToStockholmLocal(item.endsAt).slice(11, 16) : '',
    title: item.title,
    place: item.place ?? '',
    participants: item.participants ?? '',
  }
}


/** One item of the trip with that slug, with the trip's title (null: no such item on that trip). */
export function getProgrammeItemForEdit(tripSlug: string, itemId: number) {
  return db().programmeItem.findFirst({ where: { id: itemId, trip: { slug: tripSlug } }, include: { trip: { select: { title: true } } } })
}
