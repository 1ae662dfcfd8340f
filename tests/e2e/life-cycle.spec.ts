// Trips live in time (lib/trips/life-cycle.ts), in the browser: a fresh site features the seeded
// example trip as open and the 2024 trip under "Tidigare resor" with no signup call; signing up
// for the example works without JavaScript; the signup page of a trip that takes no signups says
// why and whom to ask; a draft is not found; organisers copy a trip and publish the copy.
// Every trip here is dated relative to today (tests/support/factories.ts), never a fixed year,
// and none before the example trip, which the home page features as the next one.
import { createTestTrip, dayFromToday } from '../support/factories'
import { adminTest, expect, expectNoAxeViolations, test, signInAsOrganiser, waitForMail } from './support/fixtures'
import { fillSignupForm, person } from './support/signup-form'

const EXAMPLE_TITLE = 'Exempelresa – ändra eller ta bort den'

test('a fresh site features the example trip as open and the 2024 trip under Tidigare resor, with no signup call', async ({ page }) => {
  await page.goto('/')
  const next = page.getByRole('region', { name: EXAMPLE_TITLE })
  await expect(next).toHaveClass(/card--featured/)
  await expect(next.getByRole('note')).toContainText('Detta är en exempelresa.')
  await expect(next).toContainText(/\d+ platser? kvar/)
  await expect(next.getByRole('link', { name: 'Anmäl dig' })).toHaveAttribute('href', '/resor/exempelresa/anmalan')
  const past = page.getByRole('region', { name: 'Tidigare resor' })
  await expect(past.getByRole('link', { name: 'Mjölbybussen 2024 – Borås', exact: true })).toBeVisible()
  await expect(past).toContainText('17–18 oktober 2024')
  await expect(past.getByRole('link', { name: /Anmäl|reservlistan/ })).toHaveCount(0)
  await expectNoAxeViolations(page)

  await past.getByRole('link', { name: 'Mjölbybussen 2024 – Borås', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mjölbybussen 2024 – Borås')
  await expect(page.getByText('Resan är genomförd.')).toBeVisible()
  await expect(page.getByRole('link', { name: /Anmäl|reservlistan/ })).toHaveCount(0)
  await expectNoAxeViolations(page)

  // The example's own page: the banner, two days of programme, each item an example.
  await page.goto('/resor/exempelresa')
  await expect(page.getByRole('note')).toContainText('Detta är en exempelresa.')
  await expect(page.getByRole('heading', { level: 3 })).toHaveCount(2)
  for (const item of await page.locator('.programme-day li').allTextContents()) expect(item).toContain('(exempel)')
  await expectNoAxeViolations(page)
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('signing up for the example trip from the home page works', async ({ page, db }) => {
    await page.goto('/')
    await page.getByRole('region', { name: EXAMPLE_TITLE }).getByRole('link', { name: 'Anmäl dig' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Anmälan till ${EXAMPLE_TITLE}`)
    await expect(page.getByRole('note')).toContainText('Detta är en exempelresa.')
    const p = person({ boardingStop: 'Påstigningsplats B (exempel)' })
    await fillSignupForm(page, p)
    await page.getByRole('button', { name: /Skicka anmälan|Anmäl mig till reservlistan/ }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tack för din anmälan!')
    const mail = await waitForMail(p.email)
    expect(mail.subject).toContain(EXAMPLE_TITLE)
    const stored = await db.registration.findFirstOrThrow({ where: { email: p.email }, include: { trip: true, boardingStop: true } })
    expect(stored.trip.slug).toBe('exempelresa')
    expect(stored.boardingStop?.name).toBe('Påstigningsplats B (exempel)')
  })
})

test('the signup page of a trip that takes no signups says why and whom to ask; a full one keeps the form for the waiting list', async ({ page, db }) => {
  const opensAt = new Date(dayFromToday(10).getTime() + 7 * 3_600_000)
  const notYet = await createTestTrip(db, { registrationOpen: false, registrationOpensAt: opensAt })
  const closed = await createTestTrip(db, { registrationOpen: false, registrationClosed: true })
  const full = await createTestTrip(db, { seats: 0 })
  const draft = await createTestTrip(db, { publishedAt: null })
  const settings = await db.siteSettings.findUniqueOrThrow({ where: { id: 1 } })

  await page.goto(`/resor/${notYet.slug}/anmalan`)
  await expect(page.getByRole('heading', { level: 2, name: 'Anmälan har inte öppnat än' })).toBeVisible()
  await expect(page.getByRole('main')).toContainText(/Anmälan öppnar \d+ \p{L}+ \d{4} kl\. \d\d\.\d\d\./u)
  await expect(page.getByRole('main').getByRole('link', { name: settings.email })).toBeVisible()
  await expect(page.getByLabel('Förnamn')).toHaveCount(0)
  await expectNoAxeViolations(page)
  await page.goto(`/resor/${notYet.slug}`)
  await expect(page.getByText('Anmälan har inte öppnat')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Anmäl dig' })).toHaveCount(0)

  await page.goto(`/resor/${closed.slug}/anmalan`)
  await expect(page.getByRole('heading', { level: 2, name: 'Anmälan är stängd' })).toBeVisible()
  await expect(page.getByRole('main')).toContainText('Arrangörerna har stängt anmälan.')
  await expect(page.getByRole('main').getByRole('link', { name: settings.email })).toBeVisible()
  await expectNoAxeViolations(page)

  await page.goto(`/resor/${full.slug}/anmalan`)
  await expect(page.getByText('Alla platser är bokade.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Anmäl mig till reservlistan' })).toBeVisible()

  expect((await page.goto(`/resor/${draft.slug}`))?.status()).toBe(404)
  expect((await page.goto(`/resor/${draft.slug}/anmalan`))?.status()).toBe(404)
  await expectNoAxeViolations(page)
})

adminTest('an organiser copies a trip into a draft and publishes it', async ({ page, db, organiser }) => {
  adminTest.slow() // several saves and page loads, each checked with axe
  const source = await createTestTrip(db, { seats: 33, boardingStops: ['Mjölby', 'Mantorp'] })
  await signInAsOrganiser(page, organiser)
  await page.goto(`/admin/resor/${source.slug}/redigera`)
  await expect(page.getByText('Läge: Öppen')).toBeVisible()
  await expectNoAxeViolations(page)

  const firstDay = dayFromToday(90).toISOString().slice(0, 10)
  const copyForm = page.locator('form').filter({ has: page.getByRole('button', { name: 'Kopiera resa' }) })
  await copyForm.getByLabel('Kopians första dag', { exact: true }).fill(firstDay)
  await copyForm.getByRole('button', { name: 'Kopiera resa' }).click()
  await expect(page.getByRole('status')).toContainText('Kopian är skapad som utkast.')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Redigera: Kopia av ${source.title}`)
  await expect(page.getByText('Läge: Utkast')).toBeVisible()
  await expectNoAxeViolations(page)
  const slug = new URL(page.url()).pathname.split('/')[3]!
  const copy = await db.trip.findUniqueOrThrow({ where: { slug }, include: { boardingStops: { orderBy: { position: 'asc' } } } })
  expect(copy).toMatchObject({ seats: 33, publishedAt: null, hasOvernight: true })
  expect(copy.startDate!.toISOString().slice(0, 10)).toBe(firstDay)
  expect(copy.boardingStops.map((s) => s.name)).toEqual(['Mjölby', 'Mantorp'])
  expect((await page.request.get(`/resor/${slug}`)).status()).toBe(404)

  const tripForm = page.locator('form').filter({ has: page.getByRole('button', { name: 'Spara resan' }) })
  await tripForm.getByLabel('Rubrik', { exact: true }).fill(`Nästa resa ${slug}`)
  await tripForm.getByLabel('Publicerad', { exact: true }).check()
  await tripForm.getByLabel('Anmälan är öppen', { exact: true }).check()
  await tripForm.getByRole('button', { name: 'Spara resan' }).click()
  await expect(page.getByRole('status')).toHaveText('Ändringarna är sparade och syns på den publika sidan.')
  await expect(page.getByText('Läge: Öppen')).toBeVisible()

  await page.goto(`/resor/${slug}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Nästa resa ${slug}`)
  await expect(page.getByText('33 platser kvar')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Anmäl dig' })).toBeVisible()
  await expectNoAxeViolations(page)
})
