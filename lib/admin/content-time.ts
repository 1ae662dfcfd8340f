// Moments typed by organisers are Stockholm wall-clock time; the database keeps UTC.
const TIME_ZONE = 'Europe/Stockholm'

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
