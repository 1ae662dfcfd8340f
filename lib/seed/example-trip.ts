// The example trip the embedded default seeds so that a newcomer's first `npm start` has an
// upcoming trip to try every flow on (signup, waiting list, change, cancel, reminder, .ics).
// It is labelled as an example everywhere (title, banner, every programme item) and states no
// fact about a real place, company or person. Its dates are relative to the day the database is
// made: about seven weeks ahead, with the deadlines before it.
import { stockholmLocalToUtc } from '../dates'

export const EXAMPLE_TRIP_SLUG = 'exempelresa'
/** The SeedMarker key that says the example was seeded once (so it is never made again). */
export const EXAMPLE_SEEDED_MARKER = 'example-trip'
export const EXAMPLE_SEATS = 40 // a placeholder for the organisers to change

/** The calendar day `days` after `now`'s day (Stockholm), as YYYY-MM-DD. */
function dayAfter(now: Date, days: number): string {
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short' }).format(now)
  const d = new Date(`${today}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

export function exampleTrip(now: Date) {
  const first = dayAfter(now, 49)
  const second = dayAfter(now, 50)
  const at = (day: string, time: string) => stockholmLocalToUtc(day, time)
  const item = (day: string, start: string, end: string | null, title: string, place: string, participants: string) => ({
    startsAt: at(day, start),
    endsAt: end ? at(day, end) : null,
    title: `${title} (exempel)`,
    place: `${place} (exempel)`,
    participants: `${participants} (exempel)`,
  })
  return {
    trip: {
      slug: EXAMPLE_TRIP_SLUG,
      year: Number(first.slice(0, 4)),
      title: 'Exempelresa – ändra eller ta bort den',
      summary: 'En påhittad resa som visar hur en resa ser ut på webbplatsen. Arrangörerna ändrar eller tar bort den.',
      description: [
        'Det här är en **exempelresa**. Den finns för att du som är ny ska kunna prova allt på webbplatsen: anmäla dig, hamna på reservlistan, ändra och avboka din anmälan och få påminnelser och kalenderfil.',
        'Allt på sidan är påhittat: orten, programmet, tiderna och platserna. Arrangörerna ändrar resan till nästa riktiga resa, eller tar bort den, under Innehåll i administrationen.',
      ].join('\n\n'),
      startDate: new Date(`${first}T00:00:00Z`),
      endDate: new Date(`${second}T00:00:00Z`),
      departureText: 'Kl. 07.00 från påstigningsplats A (exempel)',
      returnText: 'Åter omkring kl. 18.00 dag två (exempel)',
      priceSek: null,
      accommodation: 'Ett hotell på exempelorten (exempel)',
      seats: EXAMPLE_SEATS,
      publishedAt: now,
      registrationOpen: true,
      registrationDeadline: at(dayAfter(now, 35), '23:59'),
      changesAllowedUntil: at(dayAfter(now, 42), '23:59'),
      reminderDaysBefore: 3,
      hasOvernight: true,
      isExample: true,
    },
    boardingStops: ['Påstigningsplats A (exempel)', 'Påstigningsplats B (exempel)'],
    programme: [
      item(first, '07:00', null, 'Avresa', 'Påstigningsplats A', 'Alla resenärer'),
      item(first, '10:00', '11:30', 'Studiebesök hos ett företag', 'Ett företag på exempelorten', 'Företagets ledning'),
      item(first, '12:00', '13:00', 'Lunch', 'En restaurang på exempelorten', 'Alla resenärer'),
      item(first, '13:30', '16:00', 'Samtal om samverkan mellan näringsliv och kommun', 'Exempelortens stadshus', 'Kommunens näringslivsenhet'),
      item(first, '19:00', null, 'Middag', 'Hotellet', 'Alla resenärer'),
      item(second, '08:30', '10:00', 'Föreläsning om ett nyskapande projekt', 'Hotellets konferenssal', 'Projektets ledare'),
      item(second, '10:30', '12:00', 'Rundvandring i centrum', 'Exempelortens centrum', 'En guide'),
      item(second, '12:15', '13:15', 'Lunch och sammanfattning', 'En restaurang på exempelorten', 'Alla resenärer'),
      item(second, '14:00', null, 'Hemresa', 'Exempelortens centrum', 'Alla resenärer'),
    ],
  }
}

/**
 * Whether to seed the example: on the embedded default unless SEED_EXAMPLE=0; with a
 * DATABASE_URL (a real site's database) only when SEED_EXAMPLE=1.
 */
export function wantsExample({ embedded, SEED_EXAMPLE }: { embedded: boolean; SEED_EXAMPLE?: '0' | '1' }): boolean {
  if (SEED_EXAMPLE === '1') return true
  if (SEED_EXAMPLE === '0') return false
  return embedded
}
