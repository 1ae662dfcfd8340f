// A trip's overview as an organiser reads it (charts with text alternatives, their numbers folded
// into tables, dates in Swedish), and the lists as files opened with a spreadsheet library: phone
// numbers as Swedes write them, a name that looks like a formula kept as text.
import ExcelJS from 'exceljs'
import { createTestTrip } from '../support/factories'
import { adminTest as test, expect, expectNoAxeViolations, signInAsOrganiser } from './support/fixtures'

const DAY_MS = 24 * 60 * 60 * 1000

/** Noon UTC `daysAgo` days back: the same calendar day in Stockholm, whatever the season. */
const noonDaysAgo = (daysAgo: number) => {
  const now = new Date()
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 12) - daysAgo * DAY_MS)
}
const longDate = (d: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(d)

test('the overview shows seats, signups over time and roles as charts with text alternatives, the tables folded', async ({ page, db, organiser }) => {
  test.slow() // sign-in, one page at two widths, axe twice
  const trip = await createTestTrip(db, { seats: 3, boardingStops: ['Mjölby', 'Mantorp'] })
  const [mjolby, mantorp] = trip.boardingStops
  const base = { tripId: trip.id, phone: '+46701234567', organisation: 'Mjölby kommun', privacyAcceptedAt: new Date() }
  const person = (n: number) => ({ firstName: `Person${n}`, lastName: 'Test', email: `p${n}.${trip.slug}@example.se` })
  await db.registration.createMany({
    data: [
      { ...base, ...person(1), status: 'CONFIRMED', role: 'BUSINESS_OWNER', boardingStopId: mjolby!.id, createdAt: noonDaysAgo(6) },
      { ...base, ...person(2), status: 'CONFIRMED', role: 'BUSINESS_OWNER', boardingStopId: mjolby!.id, createdAt: noonDaysAgo(3) },
      { ...base, ...person(3), status: 'CONFIRMED', role: 'CIVIL_SERVANT', boardingStopId: mantorp!.id, createdAt: noonDaysAgo(3) },
      { ...base, ...person(4), status: 'CANCELLED', role: 'OTHER', boardingStopId: mantorp!.id, createdAt: noonDaysAgo(3), cancelledAt: new Date() },
      { ...base, ...person(5), status: 'WAITLISTED', role: 'CIVIL_SERVANT', boardingStopId: mjolby!.id, createdAt: noonDaysAgo(0) },
    ],
  })
  await signInAsOrganiser(page, organiser)
  await page.goto(`/admin/resor/${trip.slug}/oversikt`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Översikt: ${trip.title}`)

  // Each chart is a picture with a text alternative that says what it shows.
  await expect(page.getByRole('img', { name: 'Platser: 3 av 3 bokade, 0 lediga. 1 på reservlistan. 1 avbokade.', exact: true })).toBeVisible()
  const [first, busiest, today] = [noonDaysAgo(6), noonDaysAgo(3), noonDaysAgo(0)].map(longDate)
  await expect(
    page.getByRole('img', { name: `Anmälningar över tid: 5 anmälningar från ${first} till ${today}, flest den ${busiest} (3).`, exact: true }),
  ).toBeVisible()
  await expect(page.getByRole('img', { name: 'Roller (bokade och reservlista): Företagare 2, Tjänsteperson 2.', exact: true })).toBeVisible()
  await expect(page.getByRole('img', { name: 'Påstigning (bokade och reservlista): Mjölby 3, Mantorp 1.', exact: true })).toBeVisible()

  // The line runs over every day from the first signup to the last, dated "3 nov" on its axis.
  const line = page.locator('figure', { hasText: 'Anmälningar över tid' }).locator('svg')
  const shortDate = (d: Date) => `${d.getUTCDate()} ${new Intl.DateTimeFormat('sv-SE', { timeZone: 'UTC', month: 'short' }).format(d).replace(/\.$/, '')}`
  await expect(line.locator('text').filter({ hasText: shortDate(noonDaysAgo(6)) })).toHaveCount(1)
  await expect(line.locator('text').filter({ hasText: shortDate(noonDaysAgo(0)) })).toHaveCount(1)
  await expect(line.locator('circle')).toHaveCount(3) // the three days with signups
  // Nowhere a date as 2026-11-29, folded tables included.
  expect(await page.locator('main').textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}/)

  // The numbers are there as tables, folded: none is shown until asked for.
  const toggles = page.locator('summary', { hasText: 'Visa som tabell' })
  await expect(toggles).toHaveCount(4)
  await expect(page.getByRole('table')).toHaveCount(0)
  await expectNoAxeViolations(page)
  await toggles.first().click()
  const seats = page.getByRole('table', { name: 'Platser' })
  await expect(seats.getByRole('row', { name: 'Bokade 3' })).toBeVisible()
  await expect(seats.getByRole('row', { name: 'Reservlista 1' })).toBeVisible()
  await expect(seats.getByRole('row', { name: 'Platser på resan 3' })).toBeVisible()
  await toggles.nth(1).click()
  const days = page.getByRole('table', { name: 'Anmälningar över tid' })
  await expect(days.getByRole('row')).toHaveText([/Dag/, `${first}11`, `${busiest}34`, `${today}15`])
  await expectNoAxeViolations(page)

  // On a phone the charts shrink with the page: nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 })
  await page.reload()
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
})

test('the lists as Excel and CSV read phone numbers as 070-123 45 67, and keep a formula-like name as text', async ({ page, db, organiser }) => {
  test.slow() // sign-in and four files built
  const trip = await createTestTrip(db, { boardingStops: ['Mjölby'] })
  const base = { tripId: trip.id, status: 'CONFIRMED' as const, role: 'OTHER' as const, organisation: 'Mjölby kommun', boardingStopId: trip.boardingStops[0]!.id, privacyAcceptedAt: new Date() }
  await db.registration.createMany({
    data: [
      { ...base, firstName: 'Åsa', lastName: 'Öberg', email: `asa.${trip.slug}@example.se`, phone: '+46701234567' },
      { ...base, firstName: '=1+1', lastName: 'Ek', email: `bo.${trip.slug}@example.se`, phone: '+46739876543' },
    ],
  })
  await signInAsOrganiser(page, organiser)

  const workbook = async (kind: string) => {
    const response = await page.request.get(`/admin/resor/${trip.slug}/listor/${kind}?format=xlsx`)
    expect(response.status()).toBe(200)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await response.body()) as unknown as ArrayBuffer)
    return book.worksheets[0]!
  }
  const column = (sheet: ExcelJS.Worksheet, heading: string) => {
    const headings = sheet.getRow(1).values as unknown[]
    return sheet.getColumn(headings.indexOf(heading)).values.slice(2)
  }

  const everyone = await workbook('deltagare')
  expect(column(everyone, 'Mobilnummer')).toEqual(['070-123 45 67', '073-987 65 43'])
  expect(column(everyone, 'Förnamn')).toEqual(['Åsa', '=1+1'])
  everyone.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)))
  const bus = await workbook('buss')
  expect(column(bus, 'Mobilnummer')).toEqual(['073-987 65 43', '070-123 45 67']) // by name: Ek before Öberg
  expect(column(bus, 'Namn')).toEqual(['=1+1 Ek', 'Åsa Öberg'])
  const checkIn = await workbook('incheckning')
  expect(column(checkIn, 'Mobilnummer')).toEqual(['073-987 65 43', '070-123 45 67'])

  // In CSV, which a spreadsheet reads as it likes, the formula gets its apostrophe; the phone not.
  const csv = await (await page.request.get(`/admin/resor/${trip.slug}/listor/buss?format=csv`)).text()
  expect(csv).toContain("Mjölby;'=1+1 Ek;073-987 65 43;Mjölby kommun")
  expect(csv).toContain('Mjölby;Åsa Öberg;070-123 45 67;Mjölby kommun')
})
