// An organiser finds participants in a trip's table and downloads the lists.
import ExcelJS from 'exceljs'
import { createTestTrip } from '../support/factories'
import { adminTest as test, expect, expectNoAxeViolations } from './support/fixtures'

test('an organiser searches and filters the registrations and downloads the Excel list', async ({ page, db, organiser }) => {
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

  await page.goto('/admin/logga-in')
  await page.getByLabel('E-post', { exact: true }).fill(organiser.email)
  await page.getByLabel('Lösenord', { exact: true }).fill(organiser.password)
  await page.getByRole('button', { name: 'Logga in' }).click()
  await expect(page).toHaveURL(/\/admin$/)

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

  // The participant list as Excel, read back with the library.
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
