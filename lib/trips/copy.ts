// The organisers make next year's trip by copying an earlier one ("Kopiera resa"), and can
// delete a trip nobody has signed up for (or the seeded example, with its try-out signups).
// Both write the audit log; the admin's server actions are thin shells over these.
import { recordAudit } from '../admin/audit'
import { stockholmDayKey, stockholmLocalToUtc, utcToStockholmLocal } from '../dates'
import { db, QUEUED_TRANSACTION } from '../db'
import { anonymiseRegistrations } from '../privacy/anonymise'
import { lockTrip } from './lock'

export type CopyResult = { ok: true; slug: string } | { ok: false; error: string }

/**
 * A draft copy of the trip `sourceSlug`: its texts, seat count, boarding stops, overnight stay and
 * reminder carried over; its dates, deadlines, host cities and programme left for the organisers
 * to set (they belong to one year). With `firstDay` (YYYY-MM-DD) the copy gets that first day,
 * the same number of days, and the deadlines the same number of days before it as the original
 * had; without it, no dates. Never published, never open.
 */
export async function copyTrip(actor: string, sourceSlug: string, firstDay: string | null, now: Date = new Date()): Promise<CopyResult> {
  const start = firstDay ? parseDay(firstDay) : null
  if (firstDay && !start) return { ok: false, error: 'Skriv första dagen som ÅÅÅÅ-MM-DD, t.ex. 2027-05-20.' }
  return db().$transaction(async (tx) => {
    const source = await tx.trip.findUnique({
      where: { slug: sourceSlug },
      include: { boardingStops: { orderBy: { position: 'asc' } } },
    })
    if (!source) return { ok: false, error: 'Resan finns inte längre.' } as const

    // The deadlines as offsets from the original's first day, moved to the new one: whole days on
    // the Stockholm calendar at the same wall-clock time (23.59 stays 23.59 across summer time).
    const shiftDays = start && source.startDate ? Math.round((start.getTime() - source.startDate.getTime()) / 86_400_000) : null
    const moved = (d: Date | null) => {
      if (!d || shiftDays === null) return null
      const [day, time] = utcToStockholmLocal(d).split('T') as [string, string]
      const movedDay = new Date(Date.parse(`${day}T00:00:00Z`) + shiftDays * 86_400_000).toISOString().slice(0, 10)
      return stockholmLocalToUtc(movedDay, time)
    }
    const endDate = start ? (source.startDate && source.endDate ? new Date(start.getTime() + (source.endDate.getTime() - source.startDate.getTime())) : null) : null
    const thisYear = Number(stockholmDayKey(now).slice(0, 4))
    const year = start ? start.getUTCFullYear() : Math.max(source.year + 1, thisYear)

    const base = `${year}-${source.slug.replace(/^\d{4}-/, '')}`.slice(0, 70)
    let slug = base === source.slug ? `${base}-kopia` : base
    for (let n = 2; await tx.trip.findUnique({ where: { slug }, select: { id: true } }); n++) slug = `${base}-kopia-${n}`

    const copy = await tx.trip.create({
      data: {
        slug,
        year,
        title: `Kopia av ${source.title}`.slice(0, 200),
        summary: source.summary,
        description: source.description,
        startDate: start,
        endDate,
        departureText: source.departureText,
        returnText: source.returnText,
        priceSek: source.priceSek,
        accommodation: source.accommodation,
        seats: source.seats,
        publishedAt: null,
        registrationOpen: false,
        registrationClosed: false,
        registrationOpensAt: moved(source.registrationOpensAt),
        registrationDeadline: moved(source.registrationDeadline),
        changesAllowedUntil: moved(source.changesAllowedUntil),
        reminderDaysBefore: source.reminderDaysBefore,
        hasOvernight: source.hasOvernight,
        // A copy is the organisers' own trip, never an example (whose signups may be deleted).
        isExample: false,
        boardingStops: { create: source.boardingStops.map((s) => ({ name: s.name, position: s.position })) },
      },
    })
    await recordAudit(tx, {
      actor,
      action: 'trip.copied',
      entityType: 'trip',
      entityId: copy.id,
      summary: `Resan ”${copy.title}” skapades som utkast, kopierad från ”${source.title}”.`,
      changes: { copiedFrom: { from: null, to: source.slug } },
    })
    return { ok: true, slug: copy.slug } as const
  })
}

export type DeleteResult = { ok: true; title: string } | { ok: false; error: string }

/**
 * Deletes a trip that nobody has signed up for. The seeded example may be deleted with its
 * signups, which were try-outs: they are anonymised first (links, e-mails, audit values gone,
 * as for any erased registration), then removed.
 */
export async function deleteTrip(actor: string, slug: string, now: Date = new Date()): Promise<DeleteResult> {
  return db().$transaction(async (tx) => {
    const locked = await lockTrip(tx, { slug })
    if (!locked) return { ok: false, error: 'Resan finns inte längre.' } as const
    const registrations = await tx.registration.findMany({ where: { tripId: locked.id }, select: { id: true } })
    const refusal = deletionRefusal(registrations.length, locked.isExample)
    if (refusal) return { ok: false, error: refusal } as const
    if (registrations.length > 0) {
      const ids = registrations.map((r) => r.id)
      await anonymiseRegistrations(tx, ids, now)
      await tx.registration.deleteMany({ where: { id: { in: ids } } })
    }
    await tx.trip.delete({ where: { id: locked.id } })
    await recordAudit(tx, {
      actor,
      action: 'trip.deleted',
      entityType: 'trip',
      entityId: locked.id,
      summary: `Resan ”${locked.title}” togs bort${registrations.length ? ` med ${registrations.length} provanmälningar` : ''}.`,
    })
    return { ok: true, title: locked.title } as const
  }, QUEUED_TRANSACTION) // it waits its turn on the trip's lock, as signups do
}

/** Why a trip with `registrations` signups cannot be deleted, or null when it can (the one rule). */
export function deletionRefusal(registrations: number, isExample: boolean): string | null {
  if (registrations === 0 || isExample) return null
  return `Resan har ${registrations} ${registrations === 1 ? 'anmälan' : 'anmälningar'} och kan inte tas bort. Avpublicera den i stället om den inte ska synas.`
}

/**
 * What deleting the trip would do, for the organiser's confirmation step: its title, how many
 * signups (try-outs, on the example) go with it, or why it cannot be deleted. Null if no such trip.
 */
export async function tripDeletionPreview(slug: string) {
  const trip = await db().trip.findUnique({ where: { slug }, select: { title: true, isExample: true, _count: { select: { registrations: true } } } })
  if (!trip) return null
  const registrations = trip._count.registrations
  return { title: trip.title, isExample: trip.isExample, registrations, refusal: deletionRefusal(registrations, trip.isExample) }
}

function parseDay(s: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim())
  if (!m) return null
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return d.toISOString().slice(0, 10) === s.trim() ? d : null
}
