// The trip as an iCalendar event, attached to confirmations so Google Calendar, Outlook and Apple
// Calendar can add it. Built with the `ics` library. With a programme, the event runs from the
// first item to the end of the last (in UTC, which calendars show in local time); without one,
// it covers the trip's days as an all-day event (DTEND is the day after, as the format wants).
import { createEvent, type DateArray, type EventAttributes } from 'ics'

export type IcsTrip = {
  slug: string
  title: string
  summary: string
  startDate: Date | null
  endDate: Date | null
  hostCityNames: string[]
  programme: { startsAt: Date; endsAt: Date | null }[]
}

const dayParts = (d: Date): DateArray => [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]
const momentParts = (d: Date): DateArray => [
  d.getUTCFullYear(),
  d.getUTCMonth() + 1,
  d.getUTCDate(),
  d.getUTCHours(),
  d.getUTCMinutes(),
]

/** The event, or null when the trip has no dates yet. */
export function tripCalendarEvent(trip: IcsTrip, registrationId: number, manageUrl: string): string | null {
  if (!trip.startDate) return null
  const common = {
    uid: `${trip.slug}-${registrationId}@mjolbybussen`,
    title: trip.title,
    description: `${trip.summary}\n\nDin anmälan: ${manageUrl}`,
    location: trip.hostCityNames.join(', '),
    url: manageUrl,
    productId: 'mjolbybussen/anmalan',
    calName: 'Mjölbybussen',
    method: 'PUBLISH' as const,
    status: 'CONFIRMED' as const,
  }
  let event: EventAttributes
  if (trip.programme.length > 0) {
    const first = trip.programme[0]!.startsAt
    const last = trip.programme.reduce((end, i) => Math.max(end, (i.endsAt ?? i.startsAt).getTime()), first.getTime())
    event = {
      ...common,
      start: momentParts(first),
      startInputType: 'utc',
      startOutputType: 'utc',
      end: momentParts(new Date(last)),
      endInputType: 'utc',
      endOutputType: 'utc',
    }
  } else {
    const lastDay = trip.endDate ?? trip.startDate
    event = { ...common, start: dayParts(trip.startDate), end: dayParts(new Date(lastDay.getTime() + 86_400_000)) }
  }
  const { error, value } = createEvent(event)
  if (error || !value) throw error ?? new Error('could not build the calendar event')
  return value
}
