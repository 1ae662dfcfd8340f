// "Meddela mig när anmälan öppnar" in Chromium, with JavaScript on and off: leaving an address on
// the signup page of a trip not yet open, the confirmation e-mail from the SMTP capture and its
// page's button, the trip opening (by an organiser, or by its set time and the scheduled job),
// the one opening e-mail with the form's link, and the unsubscribe link's page. The home page
// shows the same form between trips, which this site (with its upcoming example trip) never is.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { createTestTrip, dayFromToday } from '../support/factories'
import { readActionForm } from '../support/form-post'
import { adminTest, expect, expectNoAxeViolations, signInAsOrganiser, waitForMail } from './support/fixtures'
import { E2E_PORT } from './support/paths'

function linkIn(text: string | undefined, path: RegExp): string {
  const match = text?.match(new RegExp(`https?://\\S+${path.source}`))
  if (!match) throw new Error(`no link ${path} in the e-mail`)
  return new URL(match[0]).pathname
}

async function subscribeOnSignupPage(page: Page, slug: string, email: string, { axe }: { axe: boolean }) {
  await page.goto(`/resor/${slug}/anmalan`)
  await expect(page.getByRole('heading', { level: 2, name: 'Anmälan har inte öppnat än' })).toBeVisible()
  const form = page.getByRole('form', { name: 'Meddela mig när anmälan öppnar' })
  await expect(form.getByLabel('Meddela mig även om kommande resor')).not.toBeChecked()
  if (axe) await expectNoAxeViolations(page)

  // A mistake: a Swedish answer, and what was typed is kept.
  await form.getByLabel('E-post', { exact: true }).fill('inte en adress')
  await form.getByLabel('Meddela mig även om kommande resor').check()
  await form.getByRole('button', { name: 'Meddela mig' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Formuläret innehåller' }).getByRole('link')).toHaveText([
    'E-post: Skriv en giltig e-postadress, t.ex. namn@exempel.se.',
  ])
  const again = page.getByRole('form', { name: 'Meddela mig när anmälan öppnar' })
  await expect(again.getByLabel('E-post', { exact: true })).toHaveValue('inte en adress')
  await expect(again.getByLabel('Meddela mig även om kommande resor')).toBeChecked()
  if (axe) await expectNoAxeViolations(page)

  await again.getByLabel('E-post', { exact: true }).fill(email)
  await again.getByRole('button', { name: 'Meddela mig' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kolla din e-post')
  if (axe) await expectNoAxeViolations(page)
}

async function confirmFromMail(page: Page, email: string, db: import('../../lib/generated/prisma/client').PrismaClient, { axe }: { axe: boolean }) {
  const mail = await waitForMail(email, { matches: (m) => m.subject === 'Bekräfta att du vill få besked när anmälan öppnar' })
  expect(mail.text).toContain('/meddela-mig/avsluta/')
  const confirmPath = linkIn(mail.text, /\/meddela-mig\/bekrafta\/[A-Za-z0-9_-]{22}/)
  await page.goto(confirmPath)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bekräfta din e-postadress')
  // Opening the link confirmed nothing.
  expect((await db.interestSubscription.findUniqueOrThrow({ where: { email } })).confirmedAt).toBeNull()
  if (axe) await expectNoAxeViolations(page)
  await page.getByRole('button', { name: 'Bekräfta e-postadressen' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Adressen är bekräftad')
  if (axe) await expectNoAxeViolations(page)
  expect((await db.interestSubscription.findUniqueOrThrow({ where: { email } })).confirmedAt).not.toBeNull()
  // The used link no longer works, and says so.
  await page.goto(confirmPath)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Länken fungerar inte')
}

async function followOpeningMail(page: Page, email: string, trip: { slug: string; title: string }, db: import('../../lib/generated/prisma/client').PrismaClient, { axe, timeoutMs }: { axe: boolean; timeoutMs: number }) {
  const opening = await waitForMail(email, { matches: (m) => m.subject === `Nu är anmälan öppen: ${trip.title}`, timeoutMs })
  const signupPath = linkIn(opening.text, new RegExp(`/resor/${trip.slug}/anmalan`))
  // The signup page is cached for up to a minute (ISR): a set opening time shows on it within that.
  await expect(async () => {
    await page.goto(signupPath)
    await expect(page.getByLabel('Förnamn', { exact: true })).toBeVisible({ timeout: 1000 })
  }).toPass({ timeout: 90_000, intervals: [2000] })

  // Asked about later trips too: still on the list, until the unsubscribe link's button.
  expect(await db.interestSubscription.count({ where: { email } })).toBe(1)
  await page.goto(linkIn(opening.text, /\/meddela-mig\/avsluta\/[0-9]+\.[A-Za-z0-9_-]{43}/))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ta bort din e-postadress från listan')
  expect(await db.interestSubscription.count({ where: { email } })).toBe(1) // opening removed nothing
  if (axe) await expectNoAxeViolations(page)
  await page.getByRole('button', { name: 'Ta bort min adress' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Adressen är borttagen')
  if (axe) await expectNoAxeViolations(page)
  expect(await db.interestSubscription.count({ where: { email } })).toBe(0)
  // Exactly one opening e-mail about this trip.
  expect(await db.outboxMessage.count({ where: { kind: 'interest-opened', toAddress: email, subject: `Nu är anmälan öppen: ${trip.title}` } })).toBe(1)
}

for (const javaScriptEnabled of [true, false]) {
  adminTest.describe(`with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    adminTest.use({ javaScriptEnabled })
    const axe = javaScriptEnabled // axe runs scripts in the page

    adminTest('subscribe, confirm, the organiser opens the trip, the opening e-mail arrives, unsubscribe', async ({ page, db, organiser }) => {
      adminTest.setTimeout(180_000) // many page loads, axe and three e-mails on a busy machine
      const trip = await createTestTrip(db, { registrationOpen: false, startDate: dayFromToday(70) })
      const email = `intresse.${javaScriptEnabled ? 'js' : 'nojs'}.${Date.now()}@example.se`
      await subscribeOnSignupPage(page, trip.slug, email, { axe })
      await confirmFromMail(page, email, db, { axe })

      await signInAsOrganiser(page, organiser)
      await page.goto(`/admin`)
      await expect(page.getByText(/\d+ bekräftade? e-postadress(er)? väntar på besked/)).toBeVisible()
      await expect(page.getByText(email)).toHaveCount(0) // never the addresses
      await page.goto(`/admin/resor/${trip.slug}/redigera`)
      const tripForm = page.locator('form').filter({ has: page.getByRole('button', { name: 'Spara resan' }) })
      await tripForm.getByLabel('Anmälan är öppen', { exact: true }).check()
      await tripForm.getByRole('button', { name: 'Spara resan' }).click()
      await expect(page.getByRole('status')).toHaveText('Ändringarna är sparade och syns på den publika sidan.')

      await followOpeningMail(page, email, trip, db, { axe, timeoutMs: 30_000 })
    })

    adminTest('a trip whose set opening time passes is announced by the scheduled job', async ({ page, db }) => {
      adminTest.setTimeout(300_000) // the job runs once a minute
      const trip = await createTestTrip(db, {
        registrationOpen: false,
        registrationOpensAt: new Date(Date.now() + 3_600_000),
        startDate: dayFromToday(75),
      })
      const email = `intresse.tid.${javaScriptEnabled ? 'js' : 'nojs'}.${Date.now()}@example.se`
      await subscribeOnSignupPage(page, trip.slug, email, { axe })
      await confirmFromMail(page, email, db, { axe })
      // The opening time comes (moved into the past, as the calendar would).
      await db.trip.update({ where: { id: trip.id }, data: { registrationOpensAt: new Date(Date.now() - 1000) } })
      await followOpeningMail(page, email, trip, db, { axe, timeoutMs: 180_000 })
    })
  })
}

adminTest('the interest list\'s pages are valid HTML (Nu Html Checker), in every state a person meets', async ({ request, db }) => {
  adminTest.setTimeout(120_000) // one Java run
  const SITE = `http://127.0.0.1:${E2E_PORT}`
  const trip = await createTestTrip(db, { registrationOpen: false, startDate: dayFromToday(80) })
  const pages = new Map<string, string>()
  const get = async (url: string) => {
    const response = await request.get(url)
    expect(response.status(), url).toBe(200)
    pages.set(url, await response.text())
  }
  await get(`/resor/${trip.slug}/anmalan`)
  const form = readActionForm(pages.get(`/resor/${trip.slug}/anmalan`)!, 'laterTrips')
  const post = (email: string) =>
    request.post(`/resor/${trip.slug}/anmalan`, { multipart: { ...Object.fromEntries(form.hidden), email, laterTrips: 'on' }, headers: { origin: SITE }, maxRedirects: 0 })
  const withError = await post('inte en adress')
  expect(withError.status()).toBe(200)
  pages.set('the form with its error', await withError.text())
  const email = `intresse.html.${Date.now()}@example.se`
  const sent = await post(email)
  expect(sent.status()).toBe(303)
  expect(sent.headers().location).toBe('/meddela-mig/skickad')
  const mail = await waitForMail(email)
  for (const url of [
    linkIn(mail.text, /\/meddela-mig\/bekrafta\/[A-Za-z0-9_-]{22}/),
    linkIn(mail.text, /\/meddela-mig\/avsluta\/[0-9]+\.[A-Za-z0-9_-]{43}/),
    `/meddela-mig/bekrafta/${'A'.repeat(22)}`,
    `/meddela-mig/avsluta/1.${'A'.repeat(43)}`,
    '/meddela-mig/skickad',
    '/meddela-mig/bekraftad',
    '/meddela-mig/avslutad',
  ])
    await get(url)

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mjolbybussen-vnu-'))
  try {
    const files = [...pages].map(([label, markup], i) => {
      const file = path.join(dir, `${i}.html`)
      fs.writeFileSync(file, markup)
      return [`file:${file}`, label] as [string, string]
    })
    const labels = new Map(files)
    const run = spawnSync('java', ['-jar', path.resolve('node_modules/vnu-jar/build/dist/vnu.jar'), '--errors-only', '--format', 'json', ...files.map(([f]) => f.slice(5))], { encoding: 'utf8' })
    expect(run.error, 'java (for the Nu Html Checker) must be installed').toBeUndefined()
    const { messages } = JSON.parse(run.stderr || run.stdout) as { messages: { type: string; url: string; lastLine?: number; message: string }[] }
    expect(messages.filter((m) => m.type !== 'info').map((m) => `${labels.get(m.url)} (line ${m.lastLine}): ${m.message}`)).toEqual([])
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
})
