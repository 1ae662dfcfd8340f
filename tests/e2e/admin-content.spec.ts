// An organiser edits a trip's programme and description and sees them on the public trip page
// at once (the save revalidates it); the content pages have no axe violations.
import { messageSchema } from '../../lib/admin/messages'
import { formatProgrammeDay, stockholmLocalToUtc } from '../../lib/dates'
import { hostCitySchema } from '../../lib/trips/host-city-edit'
import { createTestTrip, dayFromToday } from '../support/factories'
import { textFieldsOf, VALID_HOST_CITY, VALID_MESSAGE, withCharacter } from '../support/text-fields'
import { adminTest as test, expect, expectNoAxeViolations, signInAsOrganiser } from './support/fixtures'

test('an organiser adds a programme item and writes the description in Markdown; the public page shows both', async ({ page, db, organiser }) => {
  test.slow() // sign-in, three saves and the edit page (now with the copy and delete forms) checked with axe twice
  const trip = await createTestTrip(db, { boardingStops: ['Mjölby'] })
  await signInAsOrganiser(page, organiser)
  await page.getByRole('link', { name: /^Innehåll/ }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Innehåll')
  await page.getByRole('link', { name: trip.title }).click()
  await expect(page).toHaveURL(new RegExp(`/admin/resor/${trip.slug}/redigera$`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Redigera: ${trip.title}`)
  await expectNoAxeViolations(page)

  // The public page, rendered and cached before the changes.
  await page.goto(`/resor/${trip.slug}`)
  await expect(page.getByText('Programmet publiceras senare.')).toBeVisible()
  await page.goBack()

  // A programme item, with an error first.
  const add = page.locator('form').filter({ has: page.getByRole('button', { name: 'Lägg till programpunkten' }) })
  const firstDay = trip.startDate!.toISOString().slice(0, 10)
  await expect(add.getByLabel('Dag', { exact: true })).toHaveValue(firstDay)
  await add.getByLabel('Starttid', { exact: true }).fill('09:00')
  await add.getByLabel('Sluttid', { exact: true }).fill('10:00')
  await add.getByRole('button', { name: 'Lägg till programpunkten' }).click()
  await expect(page.getByRole('alert').getByRole('link', { name: 'Rubrik: Fyll i rubrik.' })).toBeVisible()
  await expect(add.getByLabel('Rubrik', { exact: true })).toHaveAttribute('aria-invalid', 'true')
  await expect(add.getByLabel('Starttid', { exact: true })).toHaveValue('09:00')
  await add.getByLabel('Rubrik', { exact: true }).fill('Besök på Textilmuseet')
  await add.getByLabel('Plats', { exact: true }).fill('Textilens hus')
  await add.getByLabel('Vilka medverkar', { exact: true }).fill('Museichefen')
  await add.getByRole('button', { name: 'Lägg till programpunkten' }).click()
  await expect(page.getByRole('status')).toHaveText('Programpunkten är tillagd.')
  await expect(page.getByRole('listitem').filter({ hasText: 'Besök på Textilmuseet' })).toContainText(`${formatProgrammeDay(stockholmLocalToUtc(firstDay, '09:00'))} kl. 09.00–10.00`)

  // The description, in Markdown (with HTML that must come out as text).
  const tripForm = page.locator('form').filter({ has: page.getByRole('button', { name: 'Spara resan' }) })
  await tripForm
    .getByLabel('Beskrivning', { exact: true })
    .fill('## Dagens höjdpunkt\n\nVi besöker **Textilmuseet**.\n\n- Kaffe i bussen\n- Lunch på museet\n\n<img src=x onerror="window.pwned=1">')
  await tripForm.getByRole('button', { name: 'Spara resan' }).click()
  await expect(page.getByRole('status')).toHaveText('Ändringarna är sparade och syns på den publika sidan.')

  await page.goto(`/resor/${trip.slug}`)
  const day = page.locator('section').filter({ has: page.getByRole('heading', { level: 3, name: formatProgrammeDay(stockholmLocalToUtc(firstDay, '09:00')) }) })
  await expect(day.getByRole('listitem')).toHaveText('kl. 09.00–10.00 Besök på Textilmuseet · Plats: Textilens hus · Medverkar: Museichefen')
  await expect(page.getByRole('heading', { level: 2, name: 'Dagens höjdpunkt' })).toBeVisible()
  await expect(page.locator('.markdown strong')).toHaveText('Textilmuseet')
  await expect(page.locator('.markdown li')).toHaveText(['Kaffe i bussen', 'Lunch på museet'])
  await expect(page.getByText('<img src=x onerror="window.pwned=1">')).toBeVisible()
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined()
})

test('the contact settings page shows errors beside the fields and has no axe violations', async ({ page, organiser }) => {
  test.slow() // sign-in, three pages, axe on each
  await signInAsOrganiser(page, organiser)
  await page.goto('/admin/innehall')
  await expectNoAxeViolations(page)
  await page.getByRole('link', { name: 'Ändra kontaktuppgifterna' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inställningar')
  await expectNoAxeViolations(page)
  // Errors, not a save: the settings are shared by every test.
  await page.getByLabel('Telefon', { exact: true }).fill('0142-1')
  await page.getByLabel('E-post', { exact: true }).fill('inte en adress')
  await page.getByRole('button', { name: 'Spara kontaktuppgifterna' }).click()
  await expect(page.getByRole('alert').getByRole('link')).toHaveText([
    'Telefon: Skriv ett svenskt telefonnummer, t.ex. 0142-851 00 eller 070-123 45 67.',
    'E-post: Skriv en giltig e-postadress, t.ex. namn@exempel.se.',
  ])
  await expect(page.getByLabel('Telefon', { exact: true })).toHaveValue('0142-1')
  await expect(page.getByLabel('E-post', { exact: true })).toHaveValue('inte en adress')
  await expectNoAxeViolations(page)
})

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false })

  test('the content forms work as plain form posts: a new trip with an error first, a programme item, a host city', async ({ page, db, organiser }) => {
    test.slow() // sign-in, eleven page loads and posts
    await signInAsOrganiser(page, organiser)
    const slug = `js-av-${Date.now()}`
    const firstDay = dayFromToday(70).toISOString().slice(0, 10)
    const year = firstDay.slice(0, 4)

    await page.goto('/admin/resor/ny')
    await page.getByLabel('Rubrik', { exact: true }).fill('Resan utan skript')
    await page.getByLabel('Adressnamn', { exact: true }).fill('Inte Giltigt!')
    await page.getByLabel('År', { exact: true }).fill(year)
    await page.getByLabel('Sammanfattning', { exact: true }).fill('En resa skapad utan JavaScript.')
    await page.getByLabel('Första dagen', { exact: true }).fill(firstDay)
    await page.getByLabel('Antal platser', { exact: true }).fill('30')
    // Published and open, like the other tests' trips (a new trip is a draft until published).
    await page.getByLabel('Publicerad', { exact: true }).check()
    await page.getByLabel('Anmälan är öppen', { exact: true }).check()
    await page.getByRole('button', { name: 'Skapa resan' }).click()
    // The server's answer: an error summary, the field marked, every value kept.
    await expect(page.getByRole('alert').getByRole('link', { name: /^Adressnamn: / })).toBeVisible()
    await expect(page.getByLabel('Adressnamn', { exact: true })).toHaveAttribute('aria-invalid', 'true')
    await expect(page.getByLabel('Rubrik', { exact: true })).toHaveValue('Resan utan skript')
    await expect(page.getByLabel('Anmälan är öppen', { exact: true })).toBeChecked()
    await page.getByLabel('Adressnamn', { exact: true }).fill(slug)
    await page.getByRole('button', { name: 'Skapa resan' }).click()
    await expect(page).toHaveURL(new RegExp(`/admin/resor/${slug}/redigera\\?status=resa-skapad$`))
    expect(await db.trip.findUnique({ where: { slug } })).toMatchObject({ title: 'Resan utan skript', seats: 30, year: Number(year), registrationOpen: true })

    const add = page.locator('form').filter({ has: page.getByRole('button', { name: 'Lägg till programpunkten' }) })
    await add.getByLabel('Starttid', { exact: true }).fill('08:30')
    await add.getByLabel('Rubrik', { exact: true }).fill('Avresa från Mjölby')
    await add.getByRole('button', { name: 'Lägg till programpunkten' }).click()
    await expect(page.getByRole('status')).toHaveText('Programpunkten är tillagd.')
    await page.goto(`/resor/${slug}`)
    await expect(page.getByText('kl. 08.30 Avresa från Mjölby')).toBeVisible()

    const citySlug = `ort-${Date.now()}`
    await page.goto('/admin/orter/ny')
    await page.getByLabel('Namn', { exact: true }).fill('Skriptlösa')
    await page.getByLabel('Adressnamn', { exact: true }).fill(citySlug)
    await page.getByLabel('Län', { exact: true }).fill('Östergötlands län')
    await page.getByRole('button', { name: 'Lägg till orten' }).click()
    await expect(page).toHaveURL(new RegExp(`/admin/orter/${citySlug}\\?status=ort-skapad$`))
    expect(await db.hostCity.findUnique({ where: { slug: citySlug } })).toMatchObject({ name: 'Skriptlösa', county: 'Östergötlands län' })
    await page.goto(`/orter/${citySlug}`)
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Skriptlösa')
  })
})

// Over HTTP, through the browser: a control character (a browser can send one; a half of a
// surrogate pair it sends as U+FFFD, so that case is in tests/integration/forbidden-characters.test.ts)
// in each text field of an admin form, found from the form's schema, is refused in Swedish beside
// the field, and nothing is stored or sent.
test('the host city and message forms refuse a control character in each text field, in Swedish, and store nothing', async ({ page, db, organiser }) => {
  test.slow() // sign-in and a post per field
  const trip = await createTestTrip(db)
  await db.registration.create({
    data: { tripId: trip.id, status: 'CONFIRMED', firstName: 'Ada', lastName: 'A', email: `ada.${trip.slug}@example.se`, phone: '+46701234567', role: 'CIVIL_SERVANT', organisation: 'Mjölby kommun', privacyAcceptedAt: new Date() },
  })
  await signInAsOrganiser(page, organiser)

  const citySlug = `styrtecken-${Date.now()}`
  const city = { ...VALID_HOST_CITY, slug: citySlug }
  const cityFields = textFieldsOf(hostCitySchema, city)
  expect(cityFields.map((f) => f.name)).toEqual(['name', 'county', 'portrait'])
  await page.goto('/admin/orter/ny')
  for (const { name } of cityFields) {
    for (const [field, value] of Object.entries(city)) await page.locator(`[name="${field}"]`).fill(name === field ? withCharacter(city, field, '\u0007') : value)
    await page.getByRole('button', { name: 'Lägg till orten' }).click()
    await expect(page.getByRole('alert').getByRole('link')).toHaveText(/^[^:]+: [A-ZÅÄÖ][^:]* innehåller otillåtna tecken\.$/)
    await expect(page.locator(`[name="${name}"]`)).toHaveAttribute('aria-invalid', 'true')
  }
  expect(await db.hostCity.count({ where: { slug: citySlug } })).toBe(0)

  const messageFields = textFieldsOf(messageSchema, VALID_MESSAGE)
  expect(messageFields.map((f) => f.name)).toEqual(['subject', 'body'])
  await page.goto(`/admin/resor/${trip.slug}/meddelanden`)
  for (const { name } of messageFields) {
    await page.getByRole('radiogroup', { name: 'Mottagare' }).getByLabel('Alla bekräftade').check()
    for (const field of ['subject', 'body'] as const) {
      await page.locator(`[name="${field}"]`).fill(field === name ? withCharacter(VALID_MESSAGE, field, '\u0007') : VALID_MESSAGE[field])
    }
    await page.getByRole('button', { name: 'Förhandsgranska' }).click()
    await expect(page.getByRole('alert', { name: 'Formuläret innehåller ett fel' })).toContainText(name === 'subject' ? 'Ämnesraden innehåller otillåtna tecken.' : 'Meddelandet innehåller otillåtna tecken.')
    await expect(page.getByRole('heading', { name: 'Förhandsgranskning' })).toHaveCount(0)
  }
  expect(await db.outboxMessage.count({ where: { kind: `message:${trip.id}` } })).toBe(0)
})
