// How the audit log words an entry for the organisers: who did it, the Swedish name of each field
// that changed, and its old and new values as people read them ("Platser: 40 → 45"). Pure
// functions: the names of things the values refer to (boarding stops, host towns, organisers)
// come from the caller, read from the database (./audit-log.ts).
import { formatDate, formatDateTime } from '../dates'
import { formatPhone } from '../phone'
import { ERASED_VALUE } from '../privacy/anonymise'
import { OVERNIGHT_OPTIONS, ROLE_OPTIONS, SIGNUP_LABELS, STATUS_LABEL } from '../registrations/schema'
import { RATE_LIMIT_SETTINGS } from '../settings/keys'
import { PARTICIPANT_ACTOR, SITE_ACTOR, type AuditChanges } from './audit'

type ValueKind = 'text' | 'long' | 'date' | 'moment' | 'yesno' | 'list' | 'status' | 'role' | 'overnight' | 'stop' | 'hostCities' | 'phone'
type FieldSpec = { label: string; kind?: ValueKind; empty?: string }
/** A field the log leaves out: it says nothing the entry's object does not already name. */
const HIDDEN = null

export const REGISTRATION_AUDIT_FIELDS: Record<string, FieldSpec | typeof HIDDEN> = {
  firstName: { label: SIGNUP_LABELS.firstName },
  lastName: { label: SIGNUP_LABELS.lastName },
  email: { label: SIGNUP_LABELS.email },
  phone: { label: SIGNUP_LABELS.phone, kind: 'phone' },
  organisation: { label: SIGNUP_LABELS.organisation },
  role: { label: SIGNUP_LABELS.role, kind: 'role' },
  dietaryNeeds: { label: SIGNUP_LABELS.dietaryNeeds, kind: 'long' },
  overnight: { label: SIGNUP_LABELS.overnight, kind: 'overnight' },
  shareRoomWith: { label: SIGNUP_LABELS.shareRoomWith },
  boardingStopId: { label: SIGNUP_LABELS.boardingStopId, kind: 'stop' },
  otherInfo: { label: SIGNUP_LABELS.otherInfo, kind: 'long' },
  showInParticipantList: { label: SIGNUP_LABELS.showInParticipantList, kind: 'yesno' },
  status: { label: 'Status', kind: 'status' },
  checkedInAt: { label: 'Incheckad', kind: 'moment', empty: 'Nej' },
  cancelledAt: { label: 'Avbokad', kind: 'moment', empty: 'Nej' },
  tripId: HIDDEN,
}

/** A trip's or host town's photo (lib/photos/store.ts): its texts, and the picture itself as words. */
const PHOTO_AUDIT_FIELDS: Record<string, FieldSpec> = {
  photo: { label: 'Bild' },
  altText: { label: 'Bildens beskrivning (alt-text)' },
  credit: { label: 'Fotograf' },
}

export const TRIP_AUDIT_FIELDS: Record<string, FieldSpec | typeof HIDDEN> = {
  slug: { label: 'Adressnamn' },
  year: { label: 'År' },
  title: { label: 'Rubrik' },
  summary: { label: 'Sammanfattning', kind: 'long' },
  description: { label: 'Beskrivning', kind: 'long' },
  startDate: { label: 'Första dagen', kind: 'date' },
  endDate: { label: 'Sista dagen', kind: 'date' },
  departureText: { label: 'Avresa' },
  returnText: { label: 'Hemresa' },
  priceSek: { label: 'Pris i kronor', empty: 'Inte bestämt' },
  accommodation: { label: 'Boende', kind: 'long' },
  seats: { label: 'Platser' },
  publishedAt: { label: 'Publicerad', kind: 'moment', empty: 'Nej (utkast)' },
  registrationOpen: { label: 'Anmälan är öppen', kind: 'yesno' },
  registrationClosed: { label: 'Anmälan är stängd', kind: 'yesno' },
  registrationOpensAt: { label: 'Anmälan öppnar', kind: 'moment' },
  registrationDeadline: { label: 'Sista anmälningsdag', kind: 'moment' },
  changesAllowedUntil: { label: 'Sista dag för ändringar', kind: 'moment' },
  reminderDaysBefore: { label: 'Påminnelse, dagar före avresa' },
  hasOvernight: { label: 'Övernattning', kind: 'yesno' },
  isExample: { label: 'Exempelresa', kind: 'yesno' },
  boardingStops: { label: 'Påstigningsplatser', kind: 'list' },
  hostCities: { label: 'Orter som besöks', kind: 'hostCities' },
  copiedFrom: { label: 'Kopierad från (adressnamn)' },
  ...PHOTO_AUDIT_FIELDS,
}

export const PROGRAMME_ITEM_AUDIT_FIELDS: Record<string, FieldSpec | typeof HIDDEN> = {
  startsAt: { label: 'Börjar', kind: 'moment' },
  endsAt: { label: 'Slutar', kind: 'moment' },
  title: { label: 'Rubrik' },
  place: { label: 'Plats' },
  participants: { label: 'Vilka medverkar', kind: 'long' },
  tripId: HIDDEN,
}

export const HOST_CITY_AUDIT_FIELDS: Record<string, FieldSpec | typeof HIDDEN> = {
  slug: { label: 'Adressnamn' },
  name: { label: 'Namn' },
  county: { label: 'Län' },
  population: { label: 'Invånare' },
  portrait: { label: 'Porträtt', kind: 'long' },
  ...PHOTO_AUDIT_FIELDS,
}

export const SETTINGS_AUDIT_FIELDS: Record<string, FieldSpec | typeof HIDDEN> = {
  organiserName: { label: 'Arrangör' },
  phone: { label: 'Telefon', kind: 'phone' },
  phoneHours: { label: 'Telefontider' },
  email: { label: 'E-post' },
  postalAddress: { label: 'Postadress', kind: 'long' },
  visitingAddress: { label: 'Besöksadress', kind: 'long' },
  isPlaceholder: { label: 'Platshållare för kontaktuppgifterna', kind: 'yesno' },
  privacyController: { label: 'Personuppgiftsansvarig' },
  dataProtectionContact: { label: 'Dataskyddsombud', kind: 'long' },
  privacyLegalBasis: { label: 'Rättslig grund', kind: 'long' },
  privacyRecipients: { label: 'Vilka som får uppgifterna', kind: 'long' },
  retentionMonths: { label: 'Avidentifiera anmälningarna, månader efter resan' },
  dietaryRetentionDays: { label: 'Ta bort svaren om specialkost, dagar efter resan' },
  sentEmailRetentionDays: { label: 'Rensa skickad e-post, dagar efter utskicket' },
  ...Object.fromEntries(Object.entries(RATE_LIMIT_SETTINGS).map(([key, label]) => [key, { label }])),
}

const FIELDS_BY_ENTITY: Record<string, Record<string, FieldSpec | typeof HIDDEN>> = {
  registration: REGISTRATION_AUDIT_FIELDS,
  trip: TRIP_AUDIT_FIELDS,
  programmeItem: PROGRAMME_ITEM_AUDIT_FIELDS,
  hostCity: HOST_CITY_AUDIT_FIELDS,
  settings: SETTINGS_AUDIT_FIELDS,
}

/** Names the values refer to by id or slug, read for the entries being shown. */
export type AuditNames = {
  boardingStops: Map<number, string>
  hostCitiesBySlug: Map<string, string>
  organisers: Map<string, string>
}

export type ChangeLine = { field: string; label: string; from: string; to: string }

/** The changes of an entry as lines to show, in the order of the fields above (its form's order). */
export function describeChanges(entityType: string, changes: unknown, names: AuditNames): ChangeLine[] {
  if (!changes || typeof changes !== 'object' || Array.isArray(changes)) return []
  const specs = FIELDS_BY_ENTITY[entityType] ?? {}
  const lines: ChangeLine[] = []
  // jsonb keeps an object's keys in its own order (shortest first), not the order written.
  const order = Object.keys(specs)
  const position = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length)
  const fields = Object.entries(changes as AuditChanges).sort(([a], [b]) => position(a) - position(b))
  for (const [field, change] of fields) {
    const spec = specs[field]
    if (spec === HIDDEN) continue
    // Nothing to nothing (a new item's empty fields) says nothing.
    if (isEmpty(change?.from) && isEmpty(change?.to)) continue
    // A field not named here (added later): its name as stored rather than nothing.
    const known = spec ?? { label: field }
    lines.push({ field, label: known.label, from: showValue(known, change?.from, names), to: showValue(known, change?.to, names) })
  }
  return lines
}

const isEmpty = (value: unknown) => value === null || value === undefined || value === ''

/** Longer texts are cut: the log says what changed, the page itself holds the text. */
const MAX_SHOWN = { text: 120, long: 80 }

function showValue(spec: FieldSpec, value: unknown, names: AuditNames): string {
  if (value === ERASED_VALUE) return ERASED_VALUE
  if (isEmpty(value)) return spec.empty ?? '(tomt)'
  switch (spec.kind) {
    case 'date':
      return asDate(value, formatDate)
    case 'moment':
      return asDate(value, formatDateTime)
    case 'yesno':
      return value === true ? 'Ja' : value === false ? 'Nej' : String(value)
    case 'status':
      return STATUS_LABEL[value as keyof typeof STATUS_LABEL] ?? String(value)
    case 'role':
      return ROLE_OPTIONS.find((o) => o.role === value)?.label ?? String(value)
    case 'overnight':
      return OVERNIGHT_OPTIONS.find((o) => o.overnight === value)?.label ?? String(value)
    case 'stop':
      return names.boardingStops.get(Number(value)) ?? `plats nr ${String(value)} (borttagen)`
    case 'list':
      return Array.isArray(value) ? (value.length ? value.map(String).join(', ') : '(inga)') : String(value)
    case 'hostCities':
      return Array.isArray(value)
        ? value.length
          ? value.map((slug) => names.hostCitiesBySlug.get(String(slug)) ?? String(slug)).join(', ')
          : '(inga)'
        : String(value)
    case 'phone':
      return formatPhone(asText(value))
    case 'long':
      return shorten(asText(value), MAX_SHOWN.long)
    default:
      return shorten(asText(value), MAX_SHOWN.text)
  }
}

function asDate(value: unknown, format: (d: Date) => string): string {
  const date = new Date(String(value))
  return Number.isNaN(date.getTime()) ? String(value) : format(date)
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value)
}

/** One line, at most `max` characters, cut at a word where it can be. */
export function shorten(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim()
  if (line.length <= max) return line
  const cut = line.slice(0, max - 1)
  const atWord = cut.lastIndexOf(' ')
  return `${(atWord > max / 2 ? cut.slice(0, atWord) : cut).trimEnd()}…`
}

/** Who did it: "Deltagaren själv", "Automatiskt", or the organiser's name and address. */
export function actorLabel(actor: string, organisers: Map<string, string> = new Map()): string {
  if (actor === PARTICIPANT_ACTOR) return 'Deltagaren själv'
  if (actor === SITE_ACTOR) return 'Automatiskt'
  const name = organisers.get(actor)
  return name ? `${name} (${actor})` : actor
}
