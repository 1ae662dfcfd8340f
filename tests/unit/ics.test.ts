// The calendar file parses with an independent parser (ical.js) and has the right times.
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { tripCalendarEvent, type IcsTrip } from '../../lib/email/ics'

const trip: IcsTrip = {
  slug: '2024-boras',
  title: 'Mjölbybussen 2024 – Borås',
  summary: 'Två dagar i Borås.',
  startDate: new Date('2024-10-17T00:00:00Z'),
  endDate: new Date('2024-10-18T00:00:00Z'),
  hostCityNames: ['Borås'],
  programme: [],
}

function parse(ics: string) {
  const component = new ICAL.Component(ICAL.parse(ics))
  return new ICAL.Event(component.getFirstSubcomponent('vevent')!)
}

describe('tripCalendarEvent', () => {
  it('without a programme: an all-day event over the trip’s days (end exclusive)', () => {
    const event = parse(tripCalendarEvent(trip, 7, 'https://example.se/anmalan/abc')!)
    expect(event.summary).toBe('Mjölbybussen 2024 – Borås')
    expect(event.location).toBe('Borås')
    expect(event.startDate.isDate).toBe(true)
    expect(event.startDate.toString()).toBe('2024-10-17')
    expect(event.endDate.toString()).toBe('2024-10-19')
    expect(event.uid).toBe('2024-boras-7@mjolbybussen')
    expect(event.description).toContain('https://example.se/anmalan/abc')
  })

  it('with a programme: from the first item to the end of the last, at the right instant', () => {
    const event = parse(
      tripCalendarEvent(
        {
          ...trip,
          programme: [
            { startsAt: new Date('2024-10-17T05:30:00Z'), endsAt: null }, // kl. 07.30 in Stockholm
            { startsAt: new Date('2024-10-18T12:00:00Z'), endsAt: new Date('2024-10-18T15:00:00Z') }, // kl. 17.00
          ],
        },
        7,
        'https://example.se/anmalan/abc',
      )!,
    )
    expect(event.startDate.isDate).toBe(false)
    expect(event.startDate.toJSDate().toISOString()).toBe('2024-10-17T05:30:00.000Z')
    expect(event.endDate.toJSDate().toISOString()).toBe('2024-10-18T15:00:00.000Z')
  })

  it('is left out while a trip has no dates', () => {
    expect(tripCalendarEvent({ ...trip, startDate: null, endDate: null }, 1, 'x')).toBeNull()
  })
})
