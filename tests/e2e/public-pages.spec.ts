// Every public page renders in Swedish, carries the contact footer, and has no axe violation.
import { formatDateRange } from '../../lib/dates'
import { expect, expectNoAxeViolations, test } from './support/fixtures'

const pages = [
  { path: '/', heading: 'Mjölbybussen' },
  { path: '/resor', heading: 'Alla resor' },
  { path: '/resor/2024-boras', heading: 'Mjölbybussen 2024 – Borås' },
  { path: '/resor/2023-mora', heading: 'Mjölbybussen 2023 – Mora' },
  { path: '/resor/2022-gnosjo-hoganas', heading: 'Mjölbybussen 2022 – Gnosjö & Höganäs' },
  { path: '/resor/2024-boras/anmalan', heading: 'Anmälan till Mjölbybussen 2024 – Borås' },
  { path: '/resor/2023-mora/anmalan', heading: 'Anmälan till Mjölbybussen 2023 – Mora' },
  { path: '/resor/exempelresa', heading: 'Exempelresa – ändra eller ta bort den' },
  { path: '/resor/exempelresa/anmalan', heading: 'Anmälan till Exempelresa – ändra eller ta bort den' },
  { path: '/resor/2024-boras/lank', heading: 'Tappat länken till din anmälan?' },
  { path: '/resor/2024-boras/lank/skickad', heading: 'Länken är på väg' },
  { path: '/orter', heading: 'Orter vi har besökt' },
  { path: '/orter/boras', heading: 'Borås' },
  { path: '/orter/gnosjo', heading: 'Gnosjö' },
  { path: '/orter/mora', heading: 'Mora' },
  { path: '/orter/hoganas', heading: 'Höganäs' },
  { path: '/integritet', heading: 'Så hanterar vi dina personuppgifter' },
  { path: '/tillganglighet', heading: 'Tillgänglighet för Mjölbybussens webbplats' },
]

for (const { path, heading } of pages) {
  test(`${path} renders with no axe violations`, async ({ page }) => {
    const response = await page.goto(path)
    expect(response?.status()).toBe(200)
    await expect(page.locator('html')).toHaveAttribute('lang', 'sv')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading)
    await expect(page.getByRole('contentinfo').getByRole('heading', { name: 'Kontakt' })).toBeVisible()
    await expectNoAxeViolations(page)
  })
}

test('an unknown address gives a Swedish 404 with no axe violations', async ({ page }) => {
  const response = await page.goto('/resor/finns-inte')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sidan finns inte')
  await expectNoAxeViolations(page)
})

// Other tests add trips of their own (two months ahead) while this runs, and the cached home
// page catches up with trips added straight to the database within a minute, so the featured
// trip is read off the page and checked against the database.
test('the home page features a trip with its dates, seats and a signup call', async ({ page, db }) => {
  await page.goto('/')
  const current = page.locator('section.card--featured')
  const trip = await db.trip.findFirstOrThrow({ where: { title: (await current.getByRole('heading', { level: 2 }).textContent())! } })
  await expect(page.getByRole('region', { name: trip.title })).toContainText(formatDateRange(trip.startDate!, trip.endDate))
  await expect(current).toContainText(/\d+ platser? kvar|Fullbokad/)
  await current.getByRole('link', { name: /Anmäl dig|Ställ dig på reservlistan/ }).click()
  await expect(page).toHaveURL(new RegExp(`/resor/${trip.slug}/anmalan$`))
  await page.goto('/')
  const earlier = page.getByRole('region', { name: 'Tidigare resor' })
  for (const name of ['Mjölbybussen 2024 – Borås', 'Mjölbybussen 2023 – Mora', 'Mjölbybussen 2022 – Gnosjö & Höganäs', 'Alla resor']) {
    await expect(earlier.getByRole('link', { name, exact: true })).toBeVisible()
  }
})

test('past trips are listed under Tidigare resor, newest first, and say they were held, with no signup call', async ({ page }) => {
  const seeded = ['Mjölbybussen 2024 – Borås', 'Mjölbybussen 2023 – Mora', 'Mjölbybussen 2022 – Gnosjö & Höganäs']
  await page.goto('/resor')
  const past = page.getByRole('region', { name: 'Tidigare resor' })
  const headings = await past.getByRole('heading', { level: 3 }).allTextContents()
  expect(headings.filter((h) => seeded.includes(h))).toEqual(seeded)
  await expect(page.getByRole('region', { name: 'Kommande resor' }).getByRole('heading', { name: seeded[0] })).toHaveCount(0)
  await page.goto('/resor/2023-mora')
  await expect(page.getByText('Resan är genomförd.')).toBeVisible()
  await expect(page.getByRole('link', { name: /Anmäl dig|reservlistan/ })).toHaveCount(0)
  await expect(page.getByText('Programmet publiceras senare.')).toBeVisible()
  await page.goto('/resor/2023-mora/anmalan')
  await expect(page.getByRole('heading', { level: 2, name: 'Resan är genomförd' })).toBeVisible()
  await expect(page.getByRole('main').getByRole('link', { name: /@/ })).toBeVisible() // whom to ask
  await expect(page.getByLabel('Förnamn')).toHaveCount(0)
})

test('a host city links to the trips that went there', async ({ page }) => {
  await page.goto('/orter/hoganas')
  await expect(page.getByText('Skåne län')).toBeVisible()
  await page.getByRole('link', { name: 'Mjölbybussen 2022 – Gnosjö & Höganäs' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mjölbybussen 2022 – Gnosjö & Höganäs')
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('"Lost your link?" answers the same for any address and checks the input', async ({ page }) => {
    await page.goto('/resor/2024-boras')
    await page.getByRole('link', { name: 'Tappat länken? Få en ny.' }).click()
    await page.getByRole('button', { name: 'Skicka länken' }).click()
    await expect(page.getByRole('alert')).toContainText('E-post: Fyll i e-post.')
    await page.getByLabel('E-post', { exact: true }).fill('okand@example.se')
    await page.getByRole('button', { name: 'Skicka länken' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Länken är på väg')
  })

  for (const { path, heading } of pages) {
    test(`${path} renders`, async ({ page }) => {
      await page.goto(path)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading)
    })
  }
})
