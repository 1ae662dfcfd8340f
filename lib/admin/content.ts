// The organisers' content: trips (with boarding stops and host cities), programme items, host
// cities and the contact settings. Each save checks the form with zod (Swedish messages), writes
// in one transaction and records who changed what in the audit log. Testable without Next.js;
// the server actions in app/admin are thin shells over these functions.
import { z } from 'zod'
import { db, type Tx } from '../db'
import { formatDateRange } from '../dates'
import { changedFields, recordAudit } from './audit'
import { stockholmLocalToUtc } from './content-time'

export { stockholmLocalToUtc, utcToStockholmLocal } from './content-time'

/** What a form posts: text fields as strings; host cities as a list of ids. */
export type RawForm = Record<string, unknown>
export type FieldErrors = Record<string, string>

export type SaveResult<T> = { ok: true; value: T; warnings: string[] } | { ok: false; errors: FieldErrors }

/** A FormData as a plain object; keys that occur more than once (checkbox sets) become lists. */
export function formToRaw(formData: FormData, listKeys: readonly string[] = []): RawForm {
  const raw: RawForm = {}
  for (const key of new Set(formData.keys())) {
    if (key.startsWith('$')) continue // React's own fields for server actions
    const values = formData.getAll(key).filter((v): v is string => typeof v === 'string')
    raw[key] = listKeys.includes(key) ? values : values[0]
  }
  for (const key of listKeys) raw[key] ??= []
  return raw
}

// ---- Field schemas ----

// No control characters (C0, DEL, C1) nor bidirectional overrides; one-line fields no line breaks.
const FORBIDDEN_ALWAYS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/
const FORBIDDEN_ONE_LINE = /[\t\n\r]/
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

function text(label: string, max: number, multiline = false) {
  return z
    .string({ error: `Fyll i ${label}.` })
    .transform((s) => s.replace(/\r\n?/g, '\n').trim())
    .pipe(
      z
        .string()
        .max(max, { error: `${capitalise(label)} får vara högst ${max} tecken.` })
        .refine((s) => !FORBIDDEN_ALWAYS.test(s) && (multiline || !FORBIDDEN_ONE_LINE.test(s)), {
          error: `${capitalise(label)} innehåller otillåtna tecken.`,
        }),
    )
}
const requiredText = (label: string, max: number, multiline = false) =>
  text(label, max, multiline).pipe(z.string().min(1, { error: `Fyll i ${label}.` }))
const optionalText = (label: string, max: number, multiline = false) =>
  z
    .unknown()
    .optional()
    .transform((v) => (typeof v === 'string' ? v : ''))
    .pipe(text(label, max, multiline))
    .transform((s) => (s ? s : null))
const longText = (label: string, max: number) =>
  z
    .unknown()
    .optional()
    .transform((v) => (typeof v === 'string' ? v : ''))
    .pipe(text(label, max, true))

const checkbox = z
  .unknown()
  .optional()
  .transform((v) => v === 'on' || v === 'true' || v === true)

function integer(label: string, { min, max, required }: { min: number; max: number; required: boolean }) {
  return z
    .unknown()
    .optional()
    .transform((v, ctx) => {
      const s = (typeof v === 'string' ? v : '').replace(/\s/g, '')
      if (s === '') {
        if (required) ctx.addIssue({ code: 'custom', message: `Fyll i ${label}.` })
        return null
      }
      if (!/^-?\d+$/.test(s)) {
        ctx.addIssue({ code: 'custom', message: `${capitalise(label)} ska vara ett heltal.` })
        return null
      }
      const n = Number(s)
      if (n < min || n > max) {
        // As Swedes write numbers: "100 000" (with a no-break space, so it never wraps).
        const sv = (x: number) => x.toLocaleString('sv-SE')
        ctx.addIssue({ code: 'custom', message: `${capitalise(label)} ska vara mellan ${sv(min)} och ${sv(max)}.` })
        return null
      }
      return n
    })
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
function validDate(s: string): Date | null {
  const m = DATE.exec(s)
  if (!m) return null
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return d.toISOString().slice(0, 10) === s ? d : null
}

/** A calendar day (YYYY-MM-DD) as midnight UTC, as DATE columns store it; empty: null. */
function optionalDate(label: string) {
  return z
    .unknown()
    .optional()
    .transform((v, ctx) => {
      const s = typeof v === 'string' ? v.trim() : ''
      if (s === '') return null
      const d = validDate(s)
      if (!d) ctx.addIssue({ code: 'custom', message: `Skriv ${label} som ÅÅÅÅ-MM-DD, t.ex. 2027-05-20.` })
      return d
    })
}

/** A moment typed in Stockholm time (datetime-local: YYYY-MM-DDTHH:MM), as UTC; empty: null. */
function optionalMoment(label: string) {
  return z
    .unknown()
    .optional()
    .transform((v, ctx) => {
      const s = typeof v === 'string' ? v.trim().replace(' ', 'T') : ''
      if (s === '') return null
      const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2})?$/.exec(s)
      const moment = m && validDate(m[1]!) && validTime(m[2]!) ? stockholmLocalToUtc(m[1]!, m[2]!) : null
      if (!moment) ctx.addIssue({ code: 'custom', message: `Skriv ${label} som datum och klockslag, t.ex. 2027-04-30 23:59.` })
      return moment
    })
}

function validTime(s: string): boolean {
  const m = /^(\d{2}):(\d{2})$/.exec(s)
  return Boolean(m && Number(m[1]) < 24 && Number(m[2]) < 60)
}
/** A clock time typed as HH:MM (or H.MM, as Swedes write it), normalised to HH:MM. */
function time(label: string, required: boolean) {
  return z
    .unknown()
    .optional()
    .transform((v, ctx) => {
      const s = (typeof v === 'string' ? v.trim() : '').replace('.', ':').replace(/^(\d):/, '0$1:')
      if (s === '') {
        if (required) ctx.addIssue({ code: 'custom', message: `Fyll i ${label}.` })
        return null
      }
      if (!validTime(s)) {
        ctx.addIssue({ code: 'custom', message: `Skriv ${label} som TT:MM, t.ex. 09:30.` })
        return null
      }
      return s
    })
}

const RESERVED_SLUGS = new Set(['ny'])
const slug = z
  .string({ error: 'Fyll i adressnamn.' })
  .trim()
  .min(1, { error: 'Fyll i adressnamn.' })
  .max(80, { error: 'Adressnamnet får vara högst 80 tecken.' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'Adressnamnet får bara innehålla små bokstäver a–z, siffror och enkla bindestreck (t.ex. 2027-boras).',
  })
  .refine((s) => !RESERVED_SLUGS.has(s), { error: 'Adressnamnet ”ny” är reserverat. Välj ett annat.' })

function firstErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form')
    errors[key] ??= issue.message
  }
  return errors
}

// ---- Trips ----

export const tripSchema = z
  .object({
    slug,
    year: integer('år', { min: 2000, max: 2100, required: true }),
    title: requiredText('rubrik', 200),
    summary: requiredText('sammanfattning', 500, true),
    description: longText('beskrivning', 20_000),
    startDate: optionalDate('första dagen'),
    endDate: optionalDate('sista dagen'),
    departureText: optionalText('avresa', 300),
    returnText: optionalText('hemresa', 300),
    priceSek: integer('pris', { min: 0, max: 1_000_000, required: false }),
    accommodation: optionalText('boende', 500, true),
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
    const confirmed = await tx.registration.count({ where: { tripId: trip.id, status: 'CONFIRMED' } })
    if (confirmed > trip.seats)
      warnings.push(
        `Resan har ${confirmed} bekräftade deltagare men bara ${trip.seats} platser. Ingen flyttas till reservlistan, men nya anmälningar hamnar där.`,
      )
    return { ok: true, value: { slug: trip.slug, id: trip.id }, warnings }
  })
}

// ---- Programme items ----

export const programmeItemSchema = z
  .object({
    day: z
      .unknown()
      .optional()
      .transform((v, ctx) => {
        const s = typeof v === 'string' ? v.trim() : ''
        if (!validDate(s)) ctx.addIssue({ code: 'custom', message: s ? 'Skriv dagen som ÅÅÅÅ-MM-DD, t.ex. 2027-05-20.' : 'Fyll i dag.' })
        return s
      }),
    startTime: time('starttid', true),
    endTime: time('sluttid', false),
    title: requiredText('rubrik', 200),
    place: optionalText('plats', 200),
    participants: optionalText('vilka som medverkar', 500, true),
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
      await recordAudit(tx, {
        actor,
        action: 'programme.item_added',
        entityType: 'programmeItem',
        entityId: item.id,
        summary: `Programpunkten ”${item.title}” lades till.`,
        changes: changedFields({}, { tripId: trip.id, ...data }),
      })
      return { ok: true, value: { id: item.id }, warnings: [] }
    }
    const before = await tx.programmeItem.findFirst({ where: { id: itemId, tripId: trip.id } })
    if (!before) return { ok: false, errors: { form: 'Programpunkten finns inte längre.' } }
    const item = await tx.programmeItem.update({ where: { id: itemId }, data })
    const changes = changedFields(before as unknown as Record<string, unknown>, data)
    if (Object.keys(changes).length > 0)
      await recordAudit(tx, {
        actor,
        action: 'programme.item_updated',
        entityType: 'programmeItem',
        entityId: item.id,
        summary: `Programpunkten ”${item.title}” ändrades.`,
        changes,
      })
    return { ok: true, value: { id: item.id }, warnings: [] }
  })
}

export async function deleteProgrammeItem(actor: string, tripSlug: string, itemId: number): Promise<SaveResult<{ title: string }>> {
  return db().$transaction(async (tx): Promise<SaveResult<{ title: string }>> => {
    const item = await tx.programmeItem.findFirst({ where: { id: itemId, trip: { slug: tripSlug } } })
    if (!item) return { ok: false, errors: { form: 'Programpunkten finns inte längre.' } }
    await tx.programmeItem.delete({ where: { id: item.id } })
    const { id: _id, ...fields } = item
    await recordAudit(tx, {
      actor,
      action: 'programme.item_deleted',
      entityType: 'programmeItem',
      entityId: item.id,
      summary: `Programpunkten ”${item.title}” togs bort.`,
      changes: Object.fromEntries(Object.entries(fields).map(([k, from]) => [k, { from, to: null }])),
    })
    return { ok: true, value: { title: item.title }, warnings: [] }
  })
}

// ---- Host cities ----

export const hostCitySchema = z.object({
  slug,
  name: requiredText('namn', 100),
  county: requiredText('län', 100),
  population: integer('invånare', { min: 0, max: 10_000_000, required: false }),
  portrait: longText('porträtt', 20_000),
})

export async function saveHostCity(actor: string, slugOrNull: string | null, raw: RawForm): Promise<SaveResult<{ slug: string; id: number }>> {
  const parsed = hostCitySchema.safeParse(raw)
  if (!parsed.success) return { ok: false, errors: firstErrors(parsed.error) }
  const data = parsed.data
  return db().$transaction(async (tx): Promise<SaveResult<{ slug: string; id: number }>> => {
    const existing = slugOrNull ? await tx.hostCity.findUnique({ where: { slug: slugOrNull } }) : null
    if (slugOrNull && !existing) return { ok: false, errors: { form: 'Orten finns inte längre.' } }
    if (data.slug !== slugOrNull && (await tx.hostCity.findUnique({ where: { slug: data.slug }, select: { id: true } })))
      return { ok: false, errors: { slug: 'Det finns redan en ort med det adressnamnet.' } }
    const city = existing ? await tx.hostCity.update({ where: { id: existing.id }, data }) : await tx.hostCity.create({ data })
    const changes = changedFields((existing ?? {}) as Record<string, unknown>, data)
    if (!existing || Object.keys(changes).length > 0)
      await recordAudit(tx, {
        actor,
        action: existing ? 'hostCity.updated' : 'hostCity.created',
        entityType: 'hostCity',
        entityId: city.id,
        summary: existing ? `Orten ${city.name} ändrades.` : `Orten ${city.name} lades till.`,
        changes,
      })
    return { ok: true, value: { slug: city.slug, id: city.id }, warnings: [] }
  })
}

// ---- Contact settings ----

export const siteSettingsSchema = z.object({
  organiserName: requiredText('arrangör', 200),
  phone: requiredText('telefon', 50),
  phoneHours: requiredText('telefontider', 200),
  email: z
    .string({ error: 'Fyll i e-post.' })
    .trim()
    .min(1, { error: 'Fyll i e-post.' })
    .max(254, { error: 'E-postadressen är för lång.' })
    .pipe(z.email({ error: 'Skriv en giltig e-postadress, t.ex. namn@exempel.se.' })),
  postalAddress: requiredText('postadress', 300, true),
  visitingAddress: optionalText('besöksadress', 300, true),
})

/** Saves the contact block; from then on the footer no longer calls it a placeholder. */
export async function saveSiteSettings(actor: string, raw: RawForm): Promise<SaveResult<null>> {
  const parsed = siteSettingsSchema.safeParse(raw)
  if (!parsed.success) return { ok: false, errors: firstErrors(parsed.error) }
  const data = { ...parsed.data, isPlaceholder: false }
  return db().$transaction(async (tx: Tx): Promise<SaveResult<null>> => {
    const before = await tx.siteSettings.findUnique({ where: { id: 1 } })
    await tx.siteSettings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data })
    const changes = changedFields((before ?? {}) as Record<string, unknown>, data)
    if (Object.keys(changes).length > 0)
      await recordAudit(tx, { actor, action: 'settings.updated', entityType: 'settings', entityId: 1, summary: 'Kontaktuppgifterna ändrades.', changes })
    return { ok: true, value: null, warnings: [] }
  })
}

// ---- Privacy notice, retention and rate limits ----
// Each is a form of its own on the settings page, saved on its own: a mistake in one does not
// hold back the others.

export const privacySettingsSchema = z.object({
  privacyController: optionalText('personuppgiftsansvarig', 200),
  dataProtectionContact: optionalText('dataskyddsombud', 500, true),
  privacyLegalBasis: requiredText('rättslig grund', 2000, true),
  privacyRecipients: requiredText('vilka som får uppgifterna', 2000, true),
})

// Dietary answers go earlier than the rest, never later (a month counted as 31 days).
export const retentionSettingsSchema = z
  .object({
    retentionMonths: integer('antal månader', { min: 1, max: 120, required: true }),
    dietaryRetentionDays: integer('antal dagar för specialkost', { min: 1, max: 365, required: true }),
    sentEmailRetentionDays: integer('antal dagar för skickad e-post', { min: 1, max: 365, required: true }),
  })
  .superRefine((v, ctx) => {
    if (v.retentionMonths !== null && v.dietaryRetentionDays !== null && v.dietaryRetentionDays > v.retentionMonths * 31)
      ctx.addIssue({
        code: 'custom',
        path: ['dietaryRetentionDays'],
        message: `Svaren om specialkost kan inte sparas längre än anmälningarna: välj högst ${v.retentionMonths * 31} dagar.`,
      })
  })

const limit = (label: string) => integer(label, { min: 1, max: 100_000, required: true })
export const rateLimitSettingsSchema = z.object({
  signupsPerAddress: limit('antal anmälningar per klientadress'),
  signupsPerEmail: limit('antal anmälningar per e-postadress'),
  linkRequestsPerAddress: limit('antal beställda länkar per klientadress'),
  linkRequestsPerEmail: limit('antal beställda länkar per e-postadress'),
  signInsPerAddress: limit('antal misslyckade inloggningar per klientadress'),
  signInsPerEmail: limit('antal misslyckade inloggningar per e-postadress'),
  reportsPerAddress: limit('antal felanmälningar per klientadress'),
  savesPerRegistration: limit('antal sparade ändringar per anmälan'),
  savesPerAddress: limit('antal sparade ändringar per klientadress'),
  emailsPerInbox: limit('antal mejl till samma inkorg'),
})

export const savePrivacySettings = (actor: string, raw: RawForm) =>
  saveSettingsSection(actor, privacySettingsSchema, raw, 'Integritetsmeddelandet ändrades.')
export const saveRetentionSettings = (actor: string, raw: RawForm) =>
  saveSettingsSection(actor, retentionSettingsSchema, raw, 'Lagringstiderna ändrades.')
export const saveRateLimitSettings = (actor: string, raw: RawForm) =>
  saveSettingsSection(actor, rateLimitSettingsSchema, raw, 'Gränserna mot missbruk ändrades.')

async function saveSettingsSection(
  actor: string,
  schema: z.ZodType<Record<string, string | number | null>, unknown>,
  raw: RawForm,
  summary: string,
): Promise<SaveResult<null>> {
  const parsed = schema.safeParse(raw)
  if (!parsed.success) return { ok: false, errors: firstErrors(parsed.error) }
  const data = parsed.data
  return db().$transaction(async (tx: Tx): Promise<SaveResult<null>> => {
    const before = await tx.siteSettings.findUnique({ where: { id: 1 } })
    if (!before) return { ok: false, errors: { form: 'Inställningarna saknas i databasen. Starta om sajten, så läggs de in.' } }
    await tx.siteSettings.update({ where: { id: 1 }, data })
    const changes = changedFields(before as unknown as Record<string, unknown>, data)
    if (Object.keys(changes).length > 0)
      await recordAudit(tx, { actor, action: 'settings.updated', entityType: 'settings', entityId: 1, summary, changes })
    return { ok: true, value: null, warnings: [] }
  })
}
