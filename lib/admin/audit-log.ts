// The audit log page (/admin/logg): entries newest first, filtered by trip, by who did it and by
// participant, a page at a time, each with its object named and its changes worded
// (./audit-wording.ts). The filters live in the URL (a plain GET form).
//
// Privacy: a registration is named from its row as it is now, never from a copy kept in the log.
// Once its data is erased (by the participant, or by the retention job) the row says so, and the
// log shows "Anmälan nr 9 (personuppgifterna är borttagna)"; the participant filter searches only
// rows that still hold a name, so an erased person cannot be found by it either.
import { z } from 'zod'
import { db } from '../db'
import type { AuditEntry, Prisma } from '../generated/prisma/client'
import { PARTICIPANT_ACTOR, SITE_ACTOR } from './audit'
import { actorLabel, describeChanges, type AuditNames, type ChangeLine } from './audit-wording'

export const AUDIT_PAGE_SIZE = 50
/** The most registrations a participant search filters by; more, and the page asks for more of the name. */
export const PARTICIPANT_MATCH_LIMIT = 500

// Characters PostgreSQL cannot take in a text (NUL) and other control characters: a search never holds them.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g

/** The log's filters as read from the URL (resa, vem, deltagare, sida); anything malformed is ignored. */
const auditQuerySchema = z.object({
  resa: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
  vem: z.string().trim().min(1).max(200).optional().catch(undefined),
  deltagare: z
    .string()
    .transform((s) => s.replace(CONTROL_CHARACTERS, ' ').trim())
    .pipe(z.string().max(100))
    .optional()
    .catch(undefined),
  sida: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
})
export type AuditQuery = z.infer<typeof auditQuerySchema>

export function parseAuditQuery(params: Record<string, string | string[] | undefined>): AuditQuery {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]))
  const query = auditQuerySchema.parse(flat)
  return { ...query, vem: query.vem || undefined, deltagare: query.deltagare || undefined }
}

export const isFiltered = (q: AuditQuery) => q.resa !== undefined || q.vem !== undefined || q.deltagare !== undefined

/** What the entry is about: its words, and the admin page of it when there is one. */
export type AuditObject = { text: string; href?: string }
export type AuditRow = {
  id: number
  at: Date
  actor: string
  object: AuditObject
  summary: string
  changes: ChangeLine[]
}

export type AuditPage = {
  rows: AuditRow[]
  total: number
  page: number
  pages: number
  /** The participant search matched more registrations than are filtered by. */
  tooManyParticipants: boolean
}

export async function auditLogPage(query: AuditQuery): Promise<AuditPage> {
  const { where, tooManyParticipants } = await whereFor(query)
  const total = await db().auditEntry.count({ where })
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE))
  const page = Math.min(query.sida, pages)
  const entries = await db().auditEntry.findMany({
    where,
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
  })
  const rows = await describeEntries(entries)
  return { rows, total, page, pages, tooManyParticipants }
}

async function whereFor(query: AuditQuery): Promise<{ where: Prisma.AuditEntryWhereInput; tooManyParticipants: boolean }> {
  const where: Prisma.AuditEntryWhereInput = { tripId: query.resa, actor: query.vem }
  if (!query.deltagare) return { where, tooManyParticipants: false }
  const words = query.deltagare.split(' ').filter(Boolean)
  const matches = await db().registration.findMany({
    where: {
      anonymisedAt: null,
      tripId: query.resa,
      AND: words.map((word) => ({
        OR: [
          { firstName: { contains: word, mode: 'insensitive' as const } },
          { lastName: { contains: word, mode: 'insensitive' as const } },
          { email: { contains: word, mode: 'insensitive' as const } },
        ],
      })),
    },
    orderBy: { id: 'desc' },
    select: { id: true },
    take: PARTICIPANT_MATCH_LIMIT + 1,
  })
  const ids = matches.slice(0, PARTICIPANT_MATCH_LIMIT).map((r) => String(r.id))
  return {
    where: { ...where, entityType: 'registration', entityId: { in: ids } },
    tooManyParticipants: matches.length > PARTICIPANT_MATCH_LIMIT,
  }
}

/** The entries with their objects named and their changes worded: a handful of reads per page. */
async function describeEntries(entries: AuditEntry[]): Promise<AuditRow[]> {
  const idsOf = (type: string) => [...new Set(entries.filter((e) => e.entityType === type).map((e) => Number(e.entityId)))].filter(Number.isSafeInteger)
  const tripIds = [...new Set(entries.map((e) => e.tripId).filter((id): id is number => id !== null))]
  const stopIds = new Set<number>()
  for (const e of entries) {
    const stop = (e.changes as Record<string, { from?: unknown; to?: unknown }> | null)?.boardingStopId
    for (const v of [stop?.from, stop?.to]) if (typeof v === 'number') stopIds.add(v)
  }
  const organiserEmails = [...new Set(entries.map((e) => e.actor))].filter((a) => a.includes('@'))
  const [registrations, trips, items, cities, stops, organisers] = await Promise.all([
    db().registration.findMany({
      where: { id: { in: idsOf('registration') } },
      select: { id: true, firstName: true, lastName: true, anonymisedAt: true },
    }),
    db().trip.findMany({ where: { id: { in: tripIds } }, select: { id: true, slug: true, title: true } }),
    db().programmeItem.findMany({ where: { id: { in: idsOf('programmeItem') } }, select: { id: true, title: true } }),
    db().hostCity.findMany({ select: { id: true, slug: true, name: true } }),
    db().boardingStop.findMany({ where: { id: { in: [...stopIds] } }, select: { id: true, name: true } }),
    db().user.findMany({ where: { email: { in: organiserEmails } }, select: { email: true, name: true } }),
  ])
  const names: AuditNames = {
    boardingStops: new Map(stops.map((s) => [s.id, s.name])),
    hostCitiesBySlug: new Map(cities.map((c) => [c.slug, c.name])),
    organisers: new Map(organisers.map((o) => [o.email, o.name])),
  }
  const registrationById = new Map(registrations.map((r) => [String(r.id), r]))
  const tripById = new Map(trips.map((t) => [t.id, t]))
  const itemById = new Map(items.map((i) => [String(i.id), i]))
  const cityById = new Map(cities.map((c) => [String(c.id), c]))

  return entries.map((e) => {
    const trip = e.tripId === null ? undefined : tripById.get(e.tripId)
    const onTrip = trip ? `, ${trip.title}` : ''
    let object: AuditObject
    switch (e.entityType) {
      case 'registration': {
        const r = registrationById.get(e.entityId)
        object = !r
          ? { text: `Anmälan nr ${e.entityId} (finns inte längre)${onTrip}` }
          : r.anonymisedAt
            ? { text: `Anmälan nr ${r.id} (personuppgifterna är borttagna)${onTrip}` }
            : { text: `Anmälan: ${`${r.firstName} ${r.lastName}`.trim()}${onTrip}`, href: trip && `/admin/resor/${trip.slug}/anmalan/${r.id}` }
        break
      }
      case 'trip':
        object = trip ? { text: `Resa: ${trip.title}`, href: `/admin/resor/${trip.slug}/redigera` } : { text: `Resa nr ${e.entityId} (borttagen)` }
        break
      case 'programmeItem': {
        const item = itemById.get(e.entityId)
        const recorded = (e.changes as Record<string, { from?: unknown }> | null)?.title?.from
        const title = item?.title ?? (typeof recorded === 'string' ? `${recorded} (borttagen)` : `nr ${e.entityId} (borttagen)`)
        object = { text: `Programpunkt: ${title}${onTrip}`, href: item && trip ? `/admin/resor/${trip.slug}/redigera/program/${item.id}` : undefined }
        break
      }
      case 'hostCity': {
        const city = cityById.get(e.entityId)
        object = city ? { text: `Ort: ${city.name}`, href: `/admin/orter/${city.slug}` } : { text: `Ort nr ${e.entityId} (borttagen)` }
        break
      }
      case 'settings':
        object = { text: 'Inställningar', href: '/admin/installningar' }
        break
      case 'message':
        object = trip ? { text: `Utskick: ${trip.title}`, href: `/admin/resor/${trip.slug}/meddelanden` } : { text: 'Utskick (resan är borttagen)' }
        break
      default:
        object = { text: `${e.entityType} ${e.entityId}` }
    }
    return {
      id: e.id,
      at: e.at,
      actor: actorLabel(e.actor, names.organisers),
      object,
      summary: e.summary,
      changes: describeChanges(e.entityType, e.changes, names),
    }
  })
}

/** The choices of the filter form: every trip, and everyone who has done something or may. */
export async function auditFilterOptions() {
  const [trips, actors, users] = await Promise.all([
    db().trip.findMany({ orderBy: [{ year: 'desc' }, { startDate: 'desc' }, { id: 'desc' }], select: { id: true, title: true } }),
    db().auditEntry.groupBy({ by: ['actor'], where: { actor: { notIn: [PARTICIPANT_ACTOR, SITE_ACTOR] } } }),
    db().user.findMany({ select: { email: true, name: true } }),
  ])
  const organisers = new Map(users.map((u) => [u.email, u.name]))
  const emails = [...new Set([...actors.map((a) => a.actor), ...organisers.keys()])]
  return {
    trips: trips.map((t) => ({ value: String(t.id), label: t.title })),
    actors: [
      { value: PARTICIPANT_ACTOR, label: actorLabel(PARTICIPANT_ACTOR) },
      { value: SITE_ACTOR, label: actorLabel(SITE_ACTOR) },
      ...emails.map((email) => ({ value: email, label: actorLabel(email, organisers) })).sort((a, b) => a.label.localeCompare(b.label, 'sv')),
    ],
  }
}
