// Dates as Swedes write them ("17–18 oktober 2024", "kl. 08.00"). Moments (programme items,
// deadlines) are shown in Europe/Stockholm time. Calendar days (a trip's dates) are stored as
// DATE columns, which arrive as midnight UTC, so they are read in UTC to keep the same day.
const TIME_ZONE = 'Europe/Stockholm'

type Parts = { weekday: string; day: string; month: string; year: string; hour: string; minute: string }

function parts(date: Date, timeZone: string): Parts {
  const out: Record<string, string> = {}
  for (const p of new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date)) {
    out[p.type] = p.value
  }
  return out as Parts
}

/** "17–18 oktober 2024", "30 september–2 oktober 2024", "17 oktober 2024". */
export function formatDateRange(start: Date, end?: Date | null): string {
  const a = parts(start, 'UTC')
  if (!end || end.getTime() === start.getTime()) return `${a.day} ${a.month} ${a.year}`
  const b = parts(end, 'UTC')
  if (a.year !== b.year) return `${a.day} ${a.month} ${a.year}–${b.day} ${b.month} ${b.year}`
  if (a.month !== b.month) return `${a.day} ${a.month}–${b.day} ${b.month} ${b.year}`
  return `${a.day}–${b.day} ${b.month} ${b.year}`
}

/** A calendar day: "17 oktober 2024". */
export function formatDate(date: Date): string {
  const p = parts(date, 'UTC')
  return `${p.day} ${p.month} ${p.year}`
}

/** "kl. 08.00" in Stockholm time. */
export function formatTime(moment: Date): string {
  const p = parts(moment, TIME_ZONE)
  return `kl. ${p.hour}.${p.minute}`
}

/** "kl. 08.00–09.30" in Stockholm time. */
export function formatTimeRange(start: Date, end?: Date | null): string {
  if (!end) return formatTime(start)
  const a = parts(start, TIME_ZONE)
  const b = parts(end, TIME_ZONE)
  return `kl. ${a.hour}.${a.minute}–${b.hour}.${b.minute}`
}

/** "15 september 2024 kl. 23.59" in Stockholm time. */
export function formatDateTime(moment: Date): string {
  const p = parts(moment, TIME_ZONE)
  return `${p.day} ${p.month} ${p.year} kl. ${p.hour}.${p.minute}`
}

/** A programme day's heading: "Torsdag 17 oktober". */
export function formatProgrammeDay(moment: Date): string {
  const p = parts(moment, TIME_ZONE)
  return `${p.weekday.charAt(0).toUpperCase()}${p.weekday.slice(1)} ${p.day} ${p.month}`
}

/** The Stockholm calendar day of a moment as YYYY-MM-DD, to group programme items by day. */
export function stockholmDayKey(moment: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, dateStyle: 'short' }).format(moment)
}

// ---- Moments typed by organisers are Stockholm wall-clock time; the database keeps UTC ----

/** Stockholm's offset from UTC, in minutes, at a moment. */
function offsetMinutes(moment: Date): number {
  const p: Record<string, number> = {}
  for (const part of new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(moment))
    if (part.type !== 'literal') p[part.type] = Number(part.value)
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!)
  return Math.round((asUtc - Math.floor(moment.getTime() / 60_000) * 60_000) / 60_000)
}

/** "2027-05-20" and "09:00" in Stockholm time as a UTC moment. */
export function stockholmLocalToUtc(day: string, time: string): Date {
  const [y, m, d] = day.split('-').map(Number)
  const [hh, mm] = time.split(':').map(Number)
  const wall = Date.UTC(y!, m! - 1, d!, hh!, mm!)
  // Two passes settle the offset on either side of a daylight-saving change.
  let moment = new Date(wall - offsetMinutes(new Date(wall)) * 60_000)
  moment = new Date(wall - offsetMinutes(moment) * 60_000)
  return moment
}

/** A UTC moment as Stockholm time in the form datetime-local wants: "2027-05-20T09:00". */
export function utcToStockholmLocal(moment: Date): string {
  const shifted = new Date(moment.getTime() + offsetMinutes(moment) * 60_000)
  return shifted.toISOString().slice(0, 16)
}

/** A calendar day in short form, as on a chart's axis: "3 nov" (Intl writes "3 nov."). */
export function formatShortDate(date: Date): string {
  const p = new Intl.DateTimeFormat('sv-SE', { timeZone: 'UTC', day: 'numeric', month: 'short' }).formatToParts(date)
  const part = (type: string) => p.find((x) => x.type === type)?.value ?? ''
  return `${part('day')} ${part('month').replace(/\.$/, '')}`
}
