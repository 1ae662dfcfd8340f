// Organisers' text never runs as script (issue 9). An organiser stores every known class of hostile
// Markdown through the admin forms (a trip's description, summary and programme, a host city's
// portrait and what the trip looks at there), then every page that shows that text is visited in
// Chromium with JavaScript on: no dialog opens, the rendered Markdown holds only the allow-listed
// elements and attributes, no element anywhere has an event attribute or a javascript: link, and
// axe finds no violation.
import type { Page } from '@playwright/test'
import { createTestTrip } from '../support/factories'
import { MARKDOWN_PAYLOADS } from '../support/markdown-payloads'
import { adminTest as test, expect, expectNoAxeViolations, signInAsOrganiser } from './support/fixtures'

// The allow-list README's security section states, written out here rather than imported, so
// that the browser checks what the site promises, not what lib/markdown.ts happens to hold.
const ELEMENTS = ['P', 'BR', 'H2', 'H3', 'H4', 'UL', 'OL', 'LI', 'EM', 'STRONG', 'A', 'BLOCKQUOTE', 'HR']
const ATTRIBUTES: Record<string, string[]> = { A: ['href', 'title'], OL: ['start'] }

// The admin forms refuse control characters (the form kit, lib/forms/fields.ts), so the payloads that carry one
// are left to the unit tests.
const STORABLE = Object.values(MARKDOWN_PAYLOADS).filter((p) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/.test(p))
// Every payload, then links that must stay links, in one Markdown text.
const HOSTILE_MARKDOWN = [
  '## Om resan',
  ...STORABLE,
  '[Mjölby kommun](https://www.mjolby.se/ "Kommunen"), [mejla](mailto:info@mjolby.se), [ring](tel:+4614225000), [resorna](/resor).',
].join('\n\n')
// Plain-text fields (React escapes them): the same payloads squeezed onto one line.
const HOSTILE_LINE = (length: number) =>
  STORABLE.join(' ')
    .replace(/\s+/g, ' ')
    .slice(0, length)

type PageFindings = { markdownContainers: number; outsideAllowList: string[]; eventAttributes: string[]; scriptLinks: string[]; pwned: unknown }

/** What the page holds that it must not: read by Chromium from the live DOM. */
async function findings(page: Page): Promise<PageFindings> {
  return page.evaluate(
    ({ elements, attributes }) => {
      const outsideAllowList: string[] = []
      const containers = [...document.querySelectorAll('.markdown')]
      for (const container of containers) {
        for (const element of container.querySelectorAll('*')) {
          if (!elements.includes(element.tagName)) outsideAllowList.push(`<${element.tagName.toLowerCase()}>`)
          for (const attribute of element.getAttributeNames()) {
            if (!(attributes[element.tagName] ?? []).includes(attribute)) outsideAllowList.push(`${attribute} on <${element.tagName.toLowerCase()}>`)
          }
          if (element instanceof HTMLAnchorElement && !['http:', 'https:', 'mailto:', 'tel:'].includes(element.protocol)) {
            outsideAllowList.push(`a link to ${element.protocol}`)
          }
        }
      }
      const eventAttributes: string[] = []
      const scriptLinks: string[] = []
      for (const element of document.querySelectorAll('*')) {
        for (const attribute of element.getAttributeNames()) {
          if (attribute.toLowerCase().startsWith('on')) eventAttributes.push(`${attribute} on <${element.tagName.toLowerCase()}>`)
        }
        const url = element.getAttribute('href') ?? element.getAttribute('src') ?? element.getAttribute('action') ?? element.getAttribute('formaction')
        // The URL as the browser reads it: resolved, so entity and case tricks are undone.
        if (url !== null && URL.canParse(url, location.href)) {
          const protocol = new URL(url, location.href).protocol
          if (['javascript:', 'data:', 'vbscript:'].includes(protocol)) scriptLinks.push(`${element.tagName.toLowerCase()} → ${url}`)
        }
      }
      return {
        markdownContainers: containers.length,
        outsideAllowList,
        eventAttributes,
        scriptLinks,
        pwned: (window as unknown as { pwned?: unknown }).pwned,
      }
    },
    { elements: ELEMENTS, attributes: ATTRIBUTES },
  )
}

test('hostile Markdown stored by an organiser never becomes script on any page that shows it', async ({ page, db, organiser }) => {
  test.setTimeout(180_000)
  const dialogs: string[] = []
  page.on('dialog', async (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()} on ${page.url()}`)
    await dialog.dismiss()
  })
  const trip = await createTestTrip(db, { boardingStops: ['Mjölby'] })
  const city = await db.hostCity.create({
    data: { slug: `ort-${trip.slug}`, name: `Orten ${trip.slug}`, county: 'Jönköpings län', portrait: 'Ett porträtt.' },
  })
  await db.tripHostCity.create({ data: { tripId: trip.id, hostCityId: city.id, focus: HOSTILE_LINE(300) } })

  // Stored as an organiser stores it: through the admin forms, whose saves refresh the cached pages.
  await signInAsOrganiser(page, organiser)
  await page.goto(`/admin/resor/${trip.slug}/redigera`)
  const tripForm = page.locator('form').filter({ has: page.getByRole('button', { name: 'Spara resan' }) })
  await tripForm.getByLabel('Sammanfattning', { exact: true }).fill(HOSTILE_LINE(480))
  await tripForm.getByLabel('Beskrivning', { exact: true }).fill(HOSTILE_MARKDOWN)
  await tripForm.getByRole('button', { name: 'Spara resan' }).click()
  await expect(page.getByRole('status')).toHaveText('Ändringarna är sparade och syns på den publika sidan.')

  const add = page.locator('form').filter({ has: page.getByRole('button', { name: 'Lägg till programpunkten' }) })
  await add.getByLabel('Starttid', { exact: true }).fill('09:00')
  await add.getByLabel('Rubrik', { exact: true }).fill(HOSTILE_LINE(200))
  await add.getByLabel('Plats', { exact: true }).fill('<svg onload=alert(1)>')
  await add.getByLabel('Vilka medverkar', { exact: true }).fill('<img src=x onerror=alert(1)>')
  await add.getByRole('button', { name: 'Lägg till programpunkten' }).click()
  await expect(page.getByRole('status')).toHaveText('Programpunkten är tillagd.')

  await page.goto(`/admin/orter/${city.slug}`)
  await page.getByLabel('Porträtt', { exact: true }).fill(HOSTILE_MARKDOWN)
  await page.getByRole('button', { name: 'Spara orten' }).click()
  await expect(page.getByRole('status')).toHaveText('Ändringarna av orten är sparade.')

  // Every place the text is shown, public and admin.
  const places: { path: string; markdown: number }[] = [
    { path: `/resor/${trip.slug}`, markdown: 1 },
    { path: `/orter/${city.slug}`, markdown: 1 },
    { path: '/', markdown: 0 },
    { path: '/resor', markdown: 0 },
    { path: `/resor/${trip.slug}/anmalan`, markdown: 0 },
    { path: `/resor/${trip.slug}/lank`, markdown: 0 },
    { path: '/admin/innehall', markdown: 0 },
    { path: `/admin/resor/${trip.slug}`, markdown: 0 },
    { path: `/admin/resor/${trip.slug}/redigera`, markdown: 0 },
    { path: `/admin/orter/${city.slug}`, markdown: 0 },
  ]
  for (const { path, markdown } of places) {
    const response = await page.goto(path)
    expect(response?.status(), path).toBe(200)
    await expect(page.locator('next-route-announcer'), `${path}: the page's JavaScript ran`).toHaveCount(1)
    // The pointer over the organiser's text, for any handler that waits for it.
    for (const container of await page.locator('.markdown').all()) await container.hover()
    const found = await findings(page)
    expect(found.markdownContainers, path).toBe(markdown)
    expect(found.outsideAllowList, path).toEqual([])
    expect(found.eventAttributes, path).toEqual([])
    expect(found.scriptLinks, path).toEqual([])
    expect(found.pwned, path).toBeUndefined()
    await expectNoAxeViolations(page)
    expect(dialogs, path).toEqual([])
  }

  // The text is there, shown as text; the allowed links are links.
  await page.goto(`/resor/${trip.slug}`)
  const description = page.locator('.markdown')
  await expect(description.getByRole('heading', { level: 2, name: 'Om resan' })).toBeVisible()
  await expect(description).toContainText('Se <kbd>Ctrl</kbd> <img src=x onerror=alert(1)>')
  await expect(description).toContainText('<kbd>Text <kbd onmouseover=alert(1) <img src=x onerror=alert(1)>')
  await expect(description).toContainText('[klick](javascript:alert(1))')
  await expect(description.getByRole('link', { name: 'Mjölby kommun' })).toHaveAttribute('href', 'https://www.mjolby.se/')
  await expect(description.getByRole('link', { name: 'mejla' })).toHaveAttribute('href', 'mailto:info@mjolby.se')
  await expect(description.getByRole('link', { name: 'ring' })).toHaveAttribute('href', 'tel:+4614225000')
  await expect(description.getByRole('link', { name: 'resorna' })).toHaveAttribute('href', '/resor')
  await expect(page.getByRole('listitem').filter({ hasText: 'Plats: <svg onload=alert(1)>' })).toContainText('Medverkar: <img src=x onerror=alert(1)>')
  await page.goto(`/orter/${city.slug}`)
  await expect(page.locator('.markdown')).toContainText('<svg onload=alert(1)><circle r=1 /></svg>')
  expect(dialogs).toEqual([])
})
