// WCAG 2.1 AA beyond axe, on every page type, public and admin: usable with the keyboard alone
// (the skip link comes first and works, every stop in the tab order shows a visible focus ring, no
// positive tabindex reorders it), text at 200 % and a 320 px wide screen without the page
// scrolling sideways (data tables may scroll in their own box). And the accessibility statement's
// report form, which reaches the organisers by e-mail, with JavaScript on and off.
import type { Page } from '@playwright/test'
import type { PrismaClient } from '../../lib/generated/prisma/client'
import { newLinkToken } from '../../lib/registrations/links'
import { createTestTrip } from '../support/factories'
import { adminTest as test, expect, expectNoAxeViolations, signInAsOrganiser, waitForMail } from './support/fixtures'

const PUBLIC_PAGES = [
  '/',
  '/resor',
  '/resor/2024-boras',
  '/resor/2024-boras/anmalan', // a held trip: why there is no form, and whom to ask
  '/resor/exempelresa',
  '/resor/exempelresa/anmalan', // the form
  '/resor/2024-boras/lank',
  '/orter',
  '/orter/boras',
  '/integritet',
  '/tillganglighet',
  '/tillganglighet/tack',
  '/finns-inte',
]

/** A trip with one registration and its personal link, for the participant's and the admin's pages. */
async function arrange(db: PrismaClient) {
  const trip = await createTestTrip(db, { seats: 5, boardingStops: ['Mjölby', 'Mantorp'] })
  const registration = await db.registration.create({
    data: {
      tripId: trip.id,
      status: 'CONFIRMED',
      firstName: 'Tove',
      lastName: 'Tangent',
      email: `tove.${trip.slug}@example.se`,
      phone: '+46701234567',
      // One long word, as some organisations' names are: it must wrap, not push the page sideways.
      organisation: 'Mjölbyslättensföretagarsamverkansförening',
      role: 'OTHER',
      boardingStopId: trip.boardingStops[0]!.id,
      privacyAcceptedAt: new Date(),
    },
  })
  const link = newLinkToken()
  await db.registrationLink.create({ data: { registrationId: registration.id, tokenHash: link.tokenHash } })
  const adminTrip = `/admin/resor/${trip.slug}`
  return {
    participantPages: [`/anmalan/${link.token}`, `/anmalan/${link.token}/avboka`],
    adminPages: [
      '/admin',
      adminTrip,
      `${adminTrip}/anmalan/${registration.id}`,
      `${adminTrip}/incheckning`,
      `${adminTrip}/oversikt`,
      `${adminTrip}/meddelanden`,
      `${adminTrip}/listor`,
      `${adminTrip}/listor/visa/deltagare`,
      `${adminTrip}/redigera`,
      '/admin/resor/ny',
      '/admin/innehall',
      '/admin/orter/boras',
      '/admin/orter/ny',
      '/admin/installningar',
      '/admin/logg',
    ],
  }
}

/** Tabs through the page from the top: the skip link first, then every stop with a visible focus ring. */
async function expectKeyboardUsable(page: Page, path: string) {
  await page.goto(path)
  expect(await page.locator('[tabindex]:not([tabindex="0"]):not([tabindex="-1"])').count(), `${path}: positive tabindex`).toBe(0)
  await page.keyboard.press('Tab')
  const first = await page.evaluate(() => document.activeElement?.textContent?.trim())
  expect(first, `${path}: the first Tab stop`).toBe('Hoppa till innehållet')
  for (let stop = 0; stop < 60; stop++) {
    const focus = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null
      if (!el || el === document.body) return null
      const style = getComputedStyle(el)
      const rect = el.getBoundingClientRect()
      return {
        what: `${el.tagName.toLowerCase()}[type=${el.getAttribute('type')}][name=${el.getAttribute('name')}] "${(el.textContent ?? '').trim().slice(0, 40)}"`,
        ring: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none',
        onScreen: rect.width > 0 && rect.height > 0,
      }
    })
    if (!focus) break // past the last stop: focus left the document
    expect(focus.ring, `${path}: no visible focus on ${focus.what}`).toBe(true)
    expect(focus.onScreen, `${path}: focus on an invisible ${focus.what}`).toBe(true)
    await page.keyboard.press('Tab')
  }
  // The skip link takes focus past the header, into the main content.
  await page.goto(path)
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  expect(await page.evaluate(() => document.activeElement?.id), `${path}: the skip link's target`).toBe('innehall')
}

/** Neither at 320 px nor with text at 200 % does the page itself scroll sideways. */
async function expectReflow(page: Page, path: string) {
  const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  await page.setViewportSize({ width: 320, height: 640 })
  await page.goto(path)
  expect(await sideways(), `${path} at 320 px`).toBeLessThanOrEqual(0)
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(path)
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'))
  expect(await sideways(), `${path} with text at 200 %`).toBeLessThanOrEqual(0)
  // No text is cut off: no element that clips its overflow holds more text than it shows.
  const clipped = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main *, header *, footer *')]
      .filter((el) => {
        const style = getComputedStyle(el)
        // Hidden on purpose: text for screen readers only (clipped to 1 px) and the bots' honeypot.
        const hiddenByDesign = el.closest('[aria-hidden="true"]') !== null || style.clipPath !== 'none' || (style.clip !== 'auto' && style.clip !== '')
        const clips = ['hidden', 'clip'].includes(style.overflowX) || ['hidden', 'clip'].includes(style.overflowY)
        return clips && !hiddenByDesign && el.offsetParent !== null && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)
      })
      .map((el) => el.className || el.tagName),
  )
  expect(clipped, `${path}: text cut off at 200 %`).toEqual([])
}

test('every public page works with the keyboard alone and reflows at 320 px and 200 % text', async ({ page, db }) => {
  test.setTimeout(360_000) // three loads of each of some twenty pages: 2.6 min measured on a loaded machine
  const { participantPages } = await arrange(db)
  for (const path of [...PUBLIC_PAGES, ...participantPages]) {
    await expectKeyboardUsable(page, path)
    await expectReflow(page, path)
  }
})

test('every admin page works with the keyboard alone and reflows at 320 px and 200 % text', async ({ page, db, organiser }) => {
  test.setTimeout(600_000) // three loads of each of some twenty pages rendered per request: over 4 min on a loaded machine
  const { adminPages } = await arrange(db)
  await expectKeyboardUsable(page, '/admin/logga-in')
  await expectReflow(page, '/admin/logga-in')
  await signInAsOrganiser(page, organiser)
  for (const path of adminPages) {
    await expectKeyboardUsable(page, path)
    await expectReflow(page, path)
  }
})

test('the accessibility statement names the supervising authority and a report reaches the organisers', async ({ page, db }) => {
  test.slow() // two posts, an e-mail, axe on three states
  await page.goto('/tillganglighet')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tillgänglighet för Mjölbybussens webbplats')
  for (const heading of ['Hur tillgänglig är webbplatsen?', 'Rapportera brister i webbplatsens tillgänglighet', 'Tillsyn', 'Hur vi testat webbplatsen']) {
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible()
  }
  await expect(page.getByRole('link', { name: 'kontakta Digg och påtala det' })).toHaveAttribute('href', 'https://www.digg.se/tdosanmalan')
  await expectNoAxeViolations(page)

  // An empty description first: the error is announced and tied to its field.
  await page.getByRole('button', { name: 'Skicka rapporten' }).click()
  await expect(page.getByRole('alert').getByRole('link')).toHaveText('Beskriv problemet: Fyll i en beskrivning av problemet.')
  await expect(page.getByLabel('Beskriv problemet')).toHaveAttribute('aria-invalid', 'true')
  await expectNoAxeViolations(page)

  const description = `Fokus syns inte i sidfoten (${Date.now()}).`
  await page.getByLabel('Beskriv problemet').fill(description)
  await page.getByLabel('Var på webbplatsen?').fill('Sidfoten')
  await page.getByLabel('Din e-postadress').fill('rapportor@example.se')
  await page.getByRole('button', { name: 'Skicka rapporten' }).click()
  await expect(page).toHaveURL(/\/tillganglighet\/tack$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tack för din rapport')
  await expectNoAxeViolations(page)

  const { email } = await db.siteSettings.findUniqueOrThrow({ where: { id: 1 } })
  const mail = await waitForMail(email, { matches: (m) => Boolean(m.text?.includes(description)) })
  expect(mail.subject).toBe('Rapport om tillgängligheten på Mjölbybussens webbplats')
  expect(mail.text).toContain(description)
  expect(mail.text).toContain('rapportor@example.se')
})

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false })

  test('the report form works as a plain form post, with errors and values kept', async ({ page, db }) => {
    await page.goto('/tillganglighet')
    await page.getByLabel('Din e-postadress').fill('fel adress')
    await page.getByRole('button', { name: 'Skicka rapporten' }).click()
    await expect(page.getByRole('alert').getByRole('link')).toHaveText([
      'Beskriv problemet: Fyll i en beskrivning av problemet.',
      'Din e-postadress: Skriv en giltig e-postadress, t.ex. namn@exempel.se, eller lämna fältet tomt.',
    ])
    await expect(page.getByLabel('Din e-postadress')).toHaveValue('fel adress')
    const description = `Utan skript: tabellen går inte att läsa (${Date.now()}).`
    await page.getByLabel('Beskriv problemet').fill(description)
    await page.getByLabel('Din e-postadress').fill('')
    await page.getByRole('button', { name: 'Skicka rapporten' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tack för din rapport')
    const { email } = await db.siteSettings.findUniqueOrThrow({ where: { id: 1 } })
    const mail = await waitForMail(email, { matches: (m) => Boolean(m.text?.includes(description)) })
    expect(mail.text).toContain('lämnade ingen e-postadress')
  })
})
