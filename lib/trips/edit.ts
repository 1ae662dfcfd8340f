// An organiser creating or changing a trip (/admin/resor/ny, /admin/resor/[slug]/redigera): the
// form's check (with the form kit), the save in one transaction with its audit entry, and the
// stored trip as the form shows it.
import { z } from 'zod'
import { changedFields, recordAudit } from '../admin/audit'
import { db } from '../db'
import { confirmedCount, isOverbooked } from './availability'
import { checkbox, integer, longText, optionalDate, optionalMoment, optionalText, requiredText, slug } from '../forms/fields'
import { asFormText, firstErrors, type RawForm, type SaveResult } from '../forms/form-state'

export const tripSchema = z
  .object({
    slug,
    year: integer('år', { min: 2000, max: 2100, required: true }),
    title: requiredText('rubrik', 200),
    summary: requiredText('sammanfattning', 500, { multiline: true, normaliseLineBreaks: true }),
    description: longText('beskrivning', 20_000),
    startDate: optionalDate('första dagen'),
    endDate: optionalDate('sista dagen'),
    departureText: optionalText('avresa', 300),
    returnText: optionalText('hemresa', 300),
    priceSek: integer('pris', { min: 0, max: 1_000_000, required: false }),
    accommodation: optionalText('boende', 500, { multiline: true, normaliseLineBreaks: true }),
    seats: integer('antal platser', { min: 0, max: 10_000, required: true }),
    published: checkbox,
    registrationOpen: checkbox,
    registrationClosed: checkbox,
    registrationOpensAt: optionalMoment('när anmälan öppnar'),
    registrationDeadline: optionalMoment('sista anmälningsdag'),
    changesAllowedUntil: optionalMoment('sista dag för ändringar'),
    reminderDaysBefore: integer('dagar före avresa för påminnelsen', { min: 0, max: 60, required: true }),
    hasOvernight: checkbox,
    boardingStops: longText('påstigningsplatser', 5000).transform((s, ctx) => {
      const names = s
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
      const seen = new Set<string>()
      for (const name of names) {
        if (name.length > 100) ctx.addIssue({ code: 'custom', message: `Påstigningsplatsen ”${name.slice(0, 30)}…” är för lång (högst 100 tecken).` })
        const key = name.toLocaleLowerCase('sv')
        if (seen.has(key)) ctx.addIssue({ code: 'custom', message: `Påstigningsplatsen ”${name}” står med två gånger.` })
        seen.add(key)
      }
      return names
    }),
    hostCityIds: z
      .unknown()
      .optional()
      .transform((v, ctx) => {
        const list = Array.isArray(v) ? v : typeof v === 'string' ? [v] : []
        const ids = list.map((x) => Number(x))
        if (ids.some((id) => !Number.isInteger(id) || id <= 0)) ctx.addIssue({ code: 'custom', message: 'Välj orter ur listan.' })
        return [...new Set(ids.filter((id) => Number.isInteger(id) && id > 0))]
      }),
  })
  .superRefine((t, ctx) => {
    if (t.endDate && !t.startDate) ctx.addIssue({ code: 'custom', path: ['startDate'], message: 'Fyll i första dagen när sista dagen är ifylld.' })
    if (t.startDate && t.endDate && t.endDate < t.startDate)
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'Sista dagen kan inte vara före första dagen.' })
    if (t.startDate && t.year !== null && t.startDate.getUTCFullYear() !== t.year)
      ctx.addIssue({ code: 'custom', path: ['year'], message: 'Året ska vara samma som första dagens år.' })
    if (t.registrationOpen && t.registrationClosed)
      ctx.addIssue({ code: 'custom', path: ['registrationClosed'], message: 'Anmälan kan inte vara både öppen och stängd. Kryssa i en av dem.' })
    if (t.registrationOpensAt && t.registrationDeadline && t.registrationDeadline < t.registrationOpensAt)
      ctx.addIssue({ code: 'custom', path: ['registrationDeadline'], message: 'Sista anmälningsdag kan inte vara före den tid då anmälan öppnar.' })
  })

export type TripValues = z.output<typeof tripSchema>

/**
 * Creates a trip (slugOrNull null) or updates the trip with that slug: every field, the boarding
 * stops (one per line, in order) and the host cities. Boarding stops are matched by name; the
 * remaining old and new lines are paired in order as renames, so a stop that registrations use
 * keeps them when renamed. One that registrations use cannot be removed. Fewer seats than
 * confirmed participants is allowed, with a warning.
 */
export async function saveTrip(
  actor: string,
  slugOrNull: string | null,
  raw: RawForm,
  now: Date = new Date(),
): Promise<SaveResult<{ slug: string; id: number }>> {
  const parsed = tripSchema.safeParse(raw)
  if (!parsed.success) return { ok: false, errors: firstErrors(parsed.error) }
  const values = parsed.data
  const { boardingStops, hostCityIds } = values
  const data = {
    slug: values.slug,
    year: values.year!,
    title: values.title,
    summary: values.summary,
    description: values.description,
    startDate: values.startDate,
    endDate: values.endDate,
    departureText: values.departureText,
    returnText: values.returnText,
    priceSek: values.priceSek,
    accommodation: values.accommodation,
    seats: values.seats!,
    registrationOpen: values.registrationOpen,
    registrationClosed: values.registrationClosed,
    registrationOpensAt: values.registrationOpensAt,
    registrationDeadline: values.registrationDeadline,
    changesAllowedUntil: values.changesAllowedUntil,
    reminderDaysBefore: values.reminderDaysBefore!,
    hasOvernight: values.hasOvernight,
  }

  return db().$transaction(async (tx): Promise<SaveResult<{ slug: string; id: number }>> => {
    const existing = slugOrNull
      ? await tx.trip.findUnique({
          where: { slug: slugOrNull },
          include: { boardingStops: { orderBy: { position: 'asc' } }, hostCities: { orderBy: { position: 'asc' } } },
        })
      : null
    if (slugOrNull && !existing) return { ok: false, errors: { form: 'Resan finns inte längre.' } }

    if (data.slug !== slugOrNull) {
      const taken = await tx.trip.findUnique({ where: { slug: data.slug }, select: { id: true } })
      if (taken) return { ok: false, errors: { slug: 'Det finns redan en resa med det adressnamnet.' } }
    }
    const cities = await tx.hostCity.findMany({ where: { id: { in: hostCityIds } }, select: { id: true, slug: true } })
    if (cities.length !== hostCityIds.length) return { ok: false, errors: { hostCityIds: 'Välj orter ur listan.' } }

    // Boarding stops: kept by name, renamed in order, removed, added.
    const oldStops = existing?.boardingStops ?? []
    const byName = new Map(oldStops.map((s) => [s.name, s]))
    const keptIds = new Set(boardingStops.filter((n) => byName.has(n)).map((n) => byName.get(n)!.id))
    const unmatchedOld = oldStops.filter((s) => !keptIds.has(s.id))
    const unmatchedNew = boardingStops.filter((n) => !byName.has(n))
    const renames = new Map<number, string>() // stop id → new name
    unmatchedOld.slice(0, unmatchedNew.length).forEach((s, i) => renames.set(s.id, unmatchedNew[i]!))
    const removed = unmatchedOld.slice(unmatchedNew.length)
    const added = unmatchedNew.slice(unmatchedOld.length)
    if (removed.length > 0) {
      const used = await tx.registration.groupBy({
        by: ['boardingStopId'],
        where: { boardingStopId: { in: removed.map((s) => s.id) } },
        _count: true,
      })
      if (used.length > 0) {
        const messages = used.map((u) => {
          const stop = removed.find((s) => s.id === u.boardingStopId)!
          return `Påstigningsplatsen ”${stop.name}” kan inte tas bort: ${u._count} ${u._count === 1 ? 'anmälan använder' : 'anmälningar använder'} den. Du kan byta namn på den i stället.`
        })
        return { ok: false, errors: { boardingStops: messages.join(' ') } }
      }
    }

    // Published keeps its first moment; unticked makes the trip a draft again (admin only).
    const publishedAt = values.published ? (existing?.publishedAt ?? now) : null
    const trip = existing
      ? // Saved by an organiser, the example trip becomes theirs: no banner, and its signups are real
        // (lib/trips/copy.ts deletes an example's signups as try-outs).
        await tx.trip.update({ where: { id: existing.id }, data: { ...data, publishedAt, isExample: false } })
      : await tx.trip.create({ data: { ...data, publishedAt } })

    if (removed.length > 0) await tx.boardingStop.deleteMany({ where: { id: { in: removed.map((s) => s.id) } } })
    // (A new name is never an old one, which would have matched by name: no clashes on rename.)
    for (const [position, name] of boardingStops.entries()) {
      const kept = byName.get(name)
      const renamedId = [...renames].find(([, n]) => n === name)?.[0]
      if (kept) await tx.boardingStop.update({ where: { id: kept.id }, data: { position } })
      else if (renamedId !== undefined) await tx.boardingStop.update({ where: { id: renamedId }, data: { name, position } })
      else if (added.includes(name)) await tx.boardingStop.create({ data: { tripId: trip.id, name, position } })
    }

    // Host cities: the ticked set; those that stay keep their focus text and order.
    const oldCities = existing?.hostCities ?? []
    const oldCityIds = oldCities.map((c) => c.hostCityId)
    const droppedCities = oldCityIds.filter((id) => !hostCityIds.includes(id))
    if (droppedCities.length > 0) await tx.tripHostCity.deleteMany({ where: { tripId: trip.id, hostCityId: { in: droppedCities } } })
    let nextPosition = Math.max(-1, ...oldCities.map((c) => c.position)) + 1
    for (const id of hostCityIds.filter((id) => !oldCityIds.includes(id)))
      await tx.tripHostCity.create({ data: { tripId: trip.id, hostCityId: id, position: nextPosition++ } })

    const changes = existing
      ? changedFields(existing as unknown as Record<string, unknown>, { ...data, publishedAt })
      : changedFields({}, { ...data, publishedAt })
    const oldStopNames = oldStops.map((s) => s.name)
    if (JSON.stringify(oldStopNames) !== JSON.stringify(boardingStops)) changes.boardingStops = { from: oldStopNames, to: boardingStops }
    const slugOf = async (ids: number[]) => {
      const rows = await tx.hostCity.findMany({ where: { id: { in: ids } }, select: { id: true, slug: true } })
      return ids.map((id) => rows.find((r) => r.id === id)?.slug ?? String(id)).sort()
    }
    const fromCities = await slugOf(oldCityIds)
    const toCities = cities.map((c) => c.slug).sort()
    if (JSON.stringify(fromCities) !== JSON.stringify(toCities)) changes.hostCities = { from: fromCities, to: toCities }

    if (!existing || Object.keys(changes).length > 0) {
      await recordAudit(tx, {
        actor,
        action: existing ? 'trip.updated' : 'trip.created',
        entityType: 'trip',
        entityId: trip.id,
        summary: existing ? `Resan ”${trip.title}” ändrades.` : `Resan ”${trip.title}” skapades.`,
        changes,
      })
    }

    const warnings: string[] = []
    const confirmed = await confirmedCount(tx, trip.id)
    if (isOverbooked(trip.seats, confirmed))
      warnings.push(
        `Resan har ${confirmed} bekräftade deltagare men bara ${trip.seats} platser. Ingen flyttas till reservlistan, men nya anmälningar hamnar där.`,
      )
    return { ok: true, value: { slug: trip.slug, id: trip.id }, warnings }
  })
}
