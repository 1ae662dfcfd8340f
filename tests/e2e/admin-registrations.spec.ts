// An organiser finds participants in a trip's table and downloads the lists.
import ExcelJS from 'exceljs'
import { createTestTrip } from '../support/factories'
import { adminTest as test, expect, expectNoAxeViolations, signInAsOrganiser } from './support/fixtures'

test('an organiser searches and filters the registrations and downloads the Excel list', async ({ page, db, organiser }) => {
  // Seven page loads, axe on three pages, an Excel file built and read back: 1.1 min measured with
  // the CPU shared by a dozen processes on two cores.
  test.setTimeout(120_000)
  const trip = await createTestTrip(db, { seats: 2, boardingStops: ['Mjölby', 'Mantorp'] })
  const [mjolby, mantorp] = trip.boardingStops
  const base = { tripId: trip.id, phone: '+46701234567', role: 'OTHER' as const, privacyAcceptedAt: new Date() }
  await db.registration.createMany({
    data: [
      { ...base, status: 'CONFIRMED', firstName: 'Åsa', lastName: 'Öberg', email: 'asa@example.se', organisation: 'Ärlig AB', boardingStopId: mantorp!.id },
      { ...base, status: 'CONFIRMED', firstName: 'Bo', lastName: 'Ek', email: 'bo@example.se', organisation: 'Mjölby kommun', boardingStopId: mjolby!.id },
      { ...base, status: 'WAITLISTED', firstName: 'Cia', lastName: 'Lind', email: 'cia@example.se', organisation: 'Mjölby kommun', boardingStopId: mjolby!.id },
    ],
  })

  await signInAsOrganiser(page, organiser)

  await page.goto(`/admin/resor/${trip.slug}`)
  await expect(page.getByText('2 av 2 platser bokade · 1 på reservlistan')).toBeVisible()
  await expect(page.getByRole('heading', { name: '3 anmälningar' })).toBeVisible()
  await expectNoAxeViolations(page)

  // Search and a filter, both kept in the URL.
  await page.getByLabel('Sök', { exact: true }).fill('mjölby kommun')
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Reservlista' })
  await page.getByRole('button', { name: 'Visa' }).click()
  await expect(page).toHaveURL(/q=mj%C3%B6lby\+kommun.*status=WAITLISTED|status=WAITLISTED.*q=mj/)
  await expect(page.getByRole('heading', { name: '1 anmälan' })).toBeVisible()
  await expect(page.getByRole('cell', { name: 'Lind, Cia' })).toBeVisible()

  // The participant list on screen (printable) has the same rows.
  await page.goto(`/admin/resor/${trip.slug}/listor/visa/deltagare`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Alla anmälda: ${trip.title}`)
  await expect(page.getByRole('row')).toHaveCount(4) // the header and three people
  await expectNoAxeViolations(page)
  await page.goto('/admin/logg')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ändringslogg')
  await expectNoAxeViolations(page)

  // The participant list as Excel from the trip's page of lists, read back with the library.
  await page.goto(`/admin/resor/${trip.slug}/listor`)
  const download = page.waitForEvent('download')
  await page.getByRole('listitem').filter({ hasText: 'Alla anmälda' }).getByRole('link', { name: 'Excel' }).click()
  const file = await (await download).path()
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(file)
  const sheet = book.getWorksheet('Alla anmälda')!
  const names = sheet.getColumn(3).values.filter((v) => typeof v === 'string')
  expect(names).toEqual(['Förnamn', 'Åsa', 'Bo', 'Cia'])
})

test('the lists are refused without a session', async ({ request }) => {
  const response = await request.get('/admin/resor/2024-boras/listor/deltagare?format=csv', { maxRedirects: 0 })
  expect(response.status()).toBe(401)
})

for (const javaScriptEnabled of [true, false]) {
  test(`an organiser sees the overview and writes to everyone confirmed (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({ browser, db, organiser }) => {
    test.slow() // sign-in, two pages, two posts, axe
    const context = await browser.newContext({ javaScriptEnabled })
    const page = await context.newPage()
    const trip = await createTestTrip(db, { seats: 1 })
    const base = { tripId: trip.id, phone: '+46701234567', role: 'CIVIL_SERVANT' as const, organisation: 'Mjölby kommun', privacyAcceptedAt: new Date() }
    await db.registration.createMany({
      data: [
        { ...base, status: 'CONFIRMED', firstName: 'Ada', lastName: 'A', email: `ada.${trip.slug}@example.se` },
        { ...base, status: 'WAITLISTED', firstName: 'Bea', lastName: 'B', email: `bea.${trip.slug}@example.se` },
      ],
    })
    await signInAsOrganiser(page, organiser)

    await page.goto(`/admin/resor/${trip.slug}/oversikt`)
    // The numbers behind the seats chart, folded under it (a <details>, so also without JavaScript).
    await page.locator('summary', { hasText: 'Visa som tabell' }).first().click()
    const seats = page.getByRole('table', { name: 'Platser' })
    await expect(seats.getByRole('row', { name: 'Bokade 1' })).toBeVisible()
    await expect(seats.getByRole('row', { name: 'Reservlista 1' })).toBeVisible()
    await expect(page.getByRole('img', { name: 'Roller (bokade och reservlista)' })).toBeVisible()
    if (javaScriptEnabled) await expectNoAxeViolations(page)

    await page.goto(`/admin/resor/${trip.slug}/meddelanden`)
    await page.getByRole('radiogroup', { name: 'Mottagare' }).getByLabel('Alla bekräftade').check()
    await page.getByLabel('Ämne', { exact: true }).fill('Ny avgångstid')
    await page.getByLabel('Meddelande', { exact: true }).fill('Bussen går kl. 07.30.')
    await page.getByRole('button', { name: 'Förhandsgranska' }).click()
    await expect(page.getByRole('heading', { name: 'Förhandsgranskning' })).toBeVisible()
    if (javaScriptEnabled) await expectNoAxeViolations(page)
    await page.getByRole('button', { name: 'Skicka till 1 bekräftad deltagare' }).click()
    await expect(page.getByRole('status')).toContainText('Meddelandet är på väg till 1 person.')
    const queued = await db.outboxMessage.findMany({ where: { kind: `message:${trip.id}` } })
    expect(queued.map((m) => m.toAddress)).toEqual([`ada.${trip.slug}@example.se`])
    await context.close()
  })
}
