// Rate limits in the browser, with JavaScript on and off: a person whose e-mail address has been
// used for as many signups as the hour allows (the default setting, 5) is told so in Swedish at
// the top of the form, with focus on the message and everything typed still in place, and
// nothing more is stored or sent; "lost your link?" from a network that has asked 60 times in
// the hour says when to try again; a registration saved more often than the hour allows (20) is
// told so, with what was typed kept. (Each limit's numbers and windows:
// tests/integration/rate-limits.test.ts and participant-email.test.ts.)
import type { Browser } from '@playwright/test'
import { createTestTrip } from '../support/factories'
import { expect, expectNoAxeViolations, test } from './support/fixtures'
import { fillSignupForm, person, signUpAndGetLink } from './support/signup-form'

const SIGNUPS_PER_EMAIL = 5 // the settings' defaults
const LINK_REQUESTS_PER_ADDRESS = 60
const SAVES_PER_REGISTRATION = 20
const EMAILS_PER_INBOX = 10

/** Asks for links from `address` as a browser without JavaScript posts the form, `count` times. */
async function askForLinks(browser: Browser, slug: string, address: string, count: number) {
  const baseURL = test.info().project.use.baseURL!
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false, extraHTTPHeaders: { 'x-forwarded-for': address } })
  try {
    const page = await context.newPage()
    await page.goto(`/resor/${slug}/lank`)
    // The server action's id and bound arguments, as the form sends them.
    const hidden = await page
      .locator('form input[type="hidden"][name^="$ACTION"]')
      .evaluateAll((inputs) => inputs.map((i) => [(i as HTMLInputElement).name, (i as HTMLInputElement).value] as const))
    for (let i = 0; i < count; i++) {
      const answer = await context.request.post(`/resor/${slug}/lank`, {
        multipart: { ...Object.fromEntries(hidden), email: `fraga.${i}@example.se` },
        headers: { origin: baseURL },
        maxRedirects: 0,
      })
      expect(answer.headers()['location']).toBe(`/resor/${slug}/lank/skickad`)
    }
  } finally {
    await context.close()
  }
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    // An address of our own (the test site trusts one proxy in front, TRUST_PROXY=1, so the last
    // X-Forwarded-For entry counts), so these requests are not counted against 127.0.0.1, which
    // the rest of the suite signs up from.
    const network = javaScriptEnabled ? '198.51.100.201' : '198.51.100.202'
    test.use({ javaScriptEnabled, extraHTTPHeaders: { 'x-forwarded-for': network } })

    test('over the per-e-mail limit: a Swedish message at the top, every value kept, nothing sent', async ({ page, db }) => {
      test.slow() // six signups in the browser
      const trip = await createTestTrip(db, { boardingStops: ['Mjölby resecentrum', 'Mantorp'] })
      const p = person({
        boardingStop: 'Mantorp',
        overnight: 'Dela dubbelrum',
        shareRoomWith: 'Kalle Ek',
        dietaryNeeds: 'Glutenfritt',
        showInList: true,
      })
      // The first signup, then the same address again and again (each sends the link again).
      for (let i = 0; i < SIGNUPS_PER_EMAIL; i++) {
        await page.goto(`/resor/${trip.slug}/anmalan`)
        await fillSignupForm(page, p)
        await page.getByRole('button', { name: 'Skicka anmälan' }).click()
        await expect(page.getByRole('heading', { name: i === 0 ? 'Tack för din anmälan!' : 'Du är redan anmäld' })).toBeVisible()
      }

      await page.goto(`/resor/${trip.slug}/anmalan`)
      await fillSignupForm(page, p)
      await page.getByLabel('Övrigt', { exact: true }).fill('Kommer med tåget.')
      await page.getByRole('button', { name: 'Skicka anmälan' }).click()

      const message = page.getByRole('alert').filter({ hasText: 'Anmälan är inte skickad' })
      await expect(message).toBeVisible()
      await expect(message).toBeFocused()
      await expect(message).toContainText(
        'Den här e-postadressen har använts till många anmälningar den senaste timmen, så vi tar inte emot fler med den just nu.',
      )
      await expect(message).toContainText(/Försök igen om \d+ minuter\. Det du har fyllt i finns kvar nedan\./)

      // Everything typed is still there.
      const field = (label: string) => page.getByLabel(label, { exact: true })
      await expect(field('Förnamn')).toHaveValue(p.firstName)
      await expect(field('Efternamn')).toHaveValue(p.lastName)
      await expect(field('E-post')).toHaveValue(p.email)
      await expect(field('Mobilnummer')).toHaveValue(p.phone)
      await expect(field('Organisation')).toHaveValue(p.organisation)
      await expect(field('Specialkost eller allergier')).toHaveValue('Glutenfritt')
      await expect(field('Dela rum med')).toHaveValue('Kalle Ek')
      await expect(field('Övrigt')).toHaveValue('Kommer med tåget.')
      await expect(page.getByRole('radiogroup', { name: 'Roll' }).getByLabel(p.role, { exact: true })).toBeChecked()
      await expect(page.getByRole('radiogroup', { name: 'Övernattning' }).getByLabel('Dela dubbelrum', { exact: true })).toBeChecked()
      await expect(page.getByRole('radiogroup', { name: 'Påstigning' }).getByLabel('Mantorp', { exact: true })).toBeChecked()
      await expect(page.getByLabel('Visa mitt namn och min organisation i listan över deltagare')).toBeChecked()
      await expect(page.getByLabel('Jag har läst integritetsmeddelandet')).toBeChecked()
      if (javaScriptEnabled) await expectNoAxeViolations(page)

      // One registration, and the five e-mails the limit allows (a confirmation, four links).
      expect(await db.registration.count({ where: { email: p.email } })).toBe(1)
      expect(await db.outboxMessage.count({ where: { toAddress: p.email } })).toBe(SIGNUPS_PER_EMAIL)
    })

    test('saving one\'s registration more often than the hour allows: a Swedish message, every value kept, nothing stored', async ({ page, db }) => {
      test.slow() // a signup and 21 saves
      const trip = await createTestTrip(db)
      const p = person()
      const path = await signUpAndGetLink(page, trip.slug, p)
      const field = (label: string) => page.getByLabel(label, { exact: true })
      const stored = async () => (await db.registration.findFirstOrThrow({ where: { tripId: trip.id } })).organisation
      for (let i = 1; i <= SAVES_PER_REGISTRATION; i++) {
        await page.goto(path)
        await field('Organisation').fill(`Företag ${i} AB`)
        await page.getByRole('button', { name: 'Spara ändringar' }).click()
        await expect.poll(stored).toBe(`Företag ${i} AB`)
      }
      await page.goto(path)
      await field('Organisation').fill('Ett för mycket AB')
      await field('Specialkost eller allergier').fill('Nötallergi')
      await page.getByRole('button', { name: 'Spara ändringar' }).click()

      const message = page.getByRole('alert').filter({ hasText: 'Ändringarna är inte sparade' })
      await expect(message).toBeVisible()
      await expect(message).toBeFocused()
      await expect(message).toContainText('Din anmälan har ändrats många gånger den senaste timmen, så vi tar inte emot fler ändringar av den just nu.')
      await expect(message).toContainText(/Försök igen om \d+ minuter\. Det du har fyllt i finns kvar nedan\./)
      await expect(field('Organisation')).toHaveValue('Ett för mycket AB')
      await expect(field('Specialkost eller allergier')).toHaveValue('Nötallergi')
      if (javaScriptEnabled) await expectNoAxeViolations(page)
      expect(await db.registration.findFirstOrThrow({ where: { tripId: trip.id } })).toMatchObject({
        organisation: `Företag ${SAVES_PER_REGISTRATION} AB`,
        dietaryNeeds: null,
      })
      // The inbox got the confirmation and 'changed' e-mails up to its daily ceiling, no more.
      expect(await db.outboxMessage.count({ where: { toAddress: p.email } })).toBe(EMAILS_PER_INBOX)
    })

    test('"lost your link?" from a network over its limit says when to try again, and keeps the address', async ({ page, db, browser }) => {
      test.slow() // 60 requests first
      const trip = await createTestTrip(db)
      await askForLinks(browser, trip.slug, network, LINK_REQUESTS_PER_ADDRESS)

      await page.goto(`/resor/${trip.slug}/lank`)
      await page.getByLabel('E-post', { exact: true }).fill('min.adress@example.se')
      await page.getByRole('button', { name: 'Skicka länken' }).click()
      await expect(page.getByRole('alert').filter({ hasText: 'Formuläret innehåller ett fel' })).toContainText(
        /E-post: Vi har fått väldigt många förfrågningar från ditt nätverk på kort tid\. Försök igen om \d+ minuter\./,
      )
      await expect(page.getByLabel('E-post', { exact: true })).toHaveValue('min.adress@example.se')
      if (javaScriptEnabled) await expectNoAxeViolations(page)

      // Another network is not affected (so the site counts by the forwarded address).
      await page.setExtraHTTPHeaders({ 'x-forwarded-for': javaScriptEnabled ? '203.0.113.201' : '203.0.113.202' })
      await page.goto(`/resor/${trip.slug}/lank`)
      await page.getByLabel('E-post', { exact: true }).fill('min.adress@example.se')
      await page.getByRole('button', { name: 'Skicka länken' }).click()
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Länken är på väg')
    })
  })
}
