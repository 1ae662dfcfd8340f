// The admin fits the screen, the phone and the paper: every admin page (found from the page.tsx
// files, so a new page is checked too) at 1280×800 and 390×844 passes axe and never scrolls
// sideways (a wide table only inside its own scroll box, which says so); the registrations table
// starts on the first screen with rows of one or two lines; check-in cards keep their button; the
// list of everyone prints on landscape pages as wide as the paper. Seeded with long, real-looking
// names and organisations.
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { LIST_KINDS } from '../../lib/admin/trip-lists'
import { adminTest as test, expect, expectNoAxeViolations, signInAsOrganiser } from './support/fixtures'
import { createTripWithLongData, LONG_NAME, LONG_ORGANISATION, LONG_WORD_ORGANISATION } from './support/long-admin-data'

// Making the organiser (a scrypt hash) and signing in alone took over 30 s on a loaded machine.
test.describe.configure({ timeout: 120_000 })

const ADMIN_DIR = path.resolve('app/admin')
const SIGN_IN = '/admin/logga-in'
const DESKTOP = { width: 1280, height: 800 }
const PHONE = { width: 390, height: 844 }
// A4 landscape less the named page's 10 mm margins: 277 mm at 96 CSS px per inch.
const LANDSCAPE_PRINT_WIDTH = Math.floor((277 / 25.4) * 96)

/** Every admin URL, from the page.tsx files, each [param] filled from samples keyed by folder/[param]. */
function adminUrls(samples: Record<string, string[]>): string[] {
  const files = (fs.readdirSync(ADMIN_DIR, { recursive: true }) as string[]).filter((f) => path.basename(f) === 'page.tsx')
  return files.flatMap((file) => {
    const segments = path.dirname(file).split(path.sep).filter((s) => s && s !== '.' && !/^\(.*\)$/.test(s))
    let urls = ['/admin']
    segments.forEach((segment, i) => {
      if (!segment.startsWith('[')) {
        urls = urls.map((u) => `${u}/${segment}`)
        return
      }
      const key = `${segments[i - 1] ?? 'admin'}/${segment}`
      const values = samples[key]
      if (!values) throw new Error(`no sample value for ${key} (app/admin/${file}): add one to the samples in this test`)
      urls = urls.flatMap((u) => values.map((v) => `${u}/${v}`))
    })
    return urls
  })
}

async function seedAndSampleUrls(db: Parameters<typeof createTripWithLongData>[0]) {
  const data = await createTripWithLongData(db)
  const city = await db.hostCity.findFirstOrThrow({ orderBy: { id: 'asc' } })
  const urls = adminUrls({
    'resor/[slug]': [data.trip.slug],
    'orter/[slug]': [city.slug],
    'anmalan/[id]': [String(data.registrations[0]!.id)],
    'program/[id]': [String(data.programmeItem.id)],
    'visa/[kind]': [...LIST_KINDS],
  })
  expect(urls).toEqual(expect.arrayContaining(['/admin', `/admin/resor/${data.trip.slug}`, `/admin/resor/${data.trip.slug}/incheckning`]))
  return { ...data, urls }
}

/** What scrolls sideways: the document, and any table wider than its box outside a scroll box. */
async function sidewaysOverflow(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement
    const tables = [...document.querySelectorAll('table')].flatMap((table) => {
      const box = table.parentElement!
      if (table.scrollWidth <= box.clientWidth) return []
      const scrolls = box.classList.contains('table-wrap') && ['auto', 'scroll'].includes(getComputedStyle(box).overflowX)
      const reachable = box.getAttribute('tabindex') === '0' && box.getAttribute('role') === 'region'
      return scrolls && reachable ? [] : [`a table ${table.scrollWidth} px wide in a box of ${box.clientWidth} px that does not scroll`]
    })
    return { document: root.scrollWidth - root.clientWidth, tables }
  })
}

/** The scroll cue above a table box: shown or not, and its text. */
async function scrollCue(page: Page, box: string) {
  return page.locator(box).evaluate((el) => {
    const before = getComputedStyle(el, '::before')
    return { shown: before.display !== 'none', text: before.content, canScroll: el.scrollWidth > el.clientWidth }
  })
}

for (const [label, viewport] of [
  ['1280×800', DESKTOP],
  ['390×844', PHONE],
] as const) {
  test(`every admin page at ${label} passes axe and does not scroll sideways`, async ({ page, db, organiser, browser }) => {
    test.setTimeout(420_000) // some twenty pages, axe on each: 2.5 min measured on a loaded machine
    const { urls } = await seedAndSampleUrls(db)
    await page.setViewportSize(viewport)
    await signInAsOrganiser(page, organiser)
    for (const url of urls.filter((u) => u !== SIGN_IN)) {
      const response = await page.goto(url)
      expect(response?.status(), url).toBe(200)
      expect(new URL(page.url()).pathname, `${url} stays where it is, signed in`).toBe(url)
      expect(await sidewaysOverflow(page), url).toEqual({ document: 0, tables: [] })
      await expectNoAxeViolations(page)
    }
    // The sign-in page is seen signed out (signed in, it sends to /admin).
    const signedOutContext = await browser.newContext({ viewport })
    const signedOut = await signedOutContext.newPage()
    await signedOut.goto(SIGN_IN)
    await expect(signedOut.getByRole('heading', { level: 1 })).toHaveText('Logga in')
    expect(await sidewaysOverflow(signedOut)).toEqual({ document: 0, tables: [] })
    await expectNoAxeViolations(signedOut)
    await signedOutContext.close()
  })
}

test('at 1280×800 the registrations table starts on the first screen, fits, and keeps each row to two lines', async ({ page, db, organiser }) => {
  const { trip, registrations } = await createTripWithLongData(db)
  await page.setViewportSize(DESKTOP)
  await signInAsOrganiser(page, organiser)
  await page.goto(`/admin/resor/${trip.slug}`)
  const table = page.getByRole('table', { name: `${registrations.length} anmälningar` })
  await expect(table.getByRole('link', { name: `${LONG_NAME.lastName}, ${LONG_NAME.firstName}` })).toBeVisible()
  await expect(table.getByRole('cell', { name: LONG_ORGANISATION })).toBeVisible()

  const firstRow = await table.locator('tbody tr').first().boundingBox()
  expect(firstRow!.y + firstRow!.height, 'the first row ends within the first screen').toBeLessThanOrEqual(DESKTOP.height)
  // Every column in sight: the table is no wider than its box (nothing scrolled away, as "Påstigning" was).
  const fit = await page.locator('.table-wrap').evaluate((box) => ({ table: box.scrollWidth, box: box.clientWidth }))
  expect(fit.table).toBeLessThanOrEqual(fit.box)
  expect(await scrollCue(page, '.table-wrap')).toMatchObject({ shown: false, canScroll: false })

  // Each row's tallest cell, in lines of its own text.
  const lines = await table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => {
      const cells = [...row.querySelectorAll('td')].map((td) => {
        const style = getComputedStyle(td)
        const content = td.getBoundingClientRect().height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom) - parseFloat(style.borderTopWidth) - parseFloat(style.borderBottomWidth)
        return content / parseFloat(style.lineHeight)
      })
      return { row: row.textContent!.slice(0, 40), lines: Math.round(Math.max(...cells)) }
    }),
  )
  expect(lines).toHaveLength(registrations.length)
  for (const row of lines) expect(row.lines, row.row).toBeLessThanOrEqual(2)
})

test('at 390×844 the filters fold into a few rows, the table scrolls in its own box and says so', async ({ page, db, organiser }) => {
  const { trip } = await createTripWithLongData(db)
  await page.setViewportSize(PHONE)
  await signInAsOrganiser(page, organiser)
  await page.goto(`/admin/resor/${trip.slug}`)
  // The bar aligns its controls to the bottom of their row (a label may take two lines), so a
  // row is the set of controls that share a bottom edge.
  const controls = await page.locator('.filter-bar > *').evaluateAll((items) => new Set(items.map((i) => Math.round(i.getBoundingClientRect().bottom))).size)
  expect(controls, 'rows of the filter bar').toBeLessThanOrEqual(3)
  expect(await sidewaysOverflow(page)).toEqual({ document: 0, tables: [] })
  const cue = await scrollCue(page, '.table-wrap')
  expect(cue).toMatchObject({ shown: true, canScroll: true })
  expect(cue.text).toContain('Dra i sidled för att se fler kolumner')
  await expect(page.getByRole('region', { name: /anmälningar/ })).toHaveAttribute('tabindex', '0')

  // The GET form works without JavaScript's help: a search narrows the table.
  await page.getByLabel('Sök', { exact: true }).fill('Wahlström')
  await page.getByRole('button', { name: 'Visa' }).click()
  await expect(page.getByRole('heading', { name: '1 anmälan' })).toBeVisible()
})

test('at 390×844 a long organisation name stays inside its check-in card, with "Checka in" in it', async ({ page, db, organiser }) => {
  const { trip } = await createTripWithLongData(db)
  await page.setViewportSize(PHONE)
  await signInAsOrganiser(page, organiser)
  await page.goto(`/admin/resor/${trip.slug}/incheckning`)
  await expect(page.getByText(LONG_WORD_ORGANISATION)).toBeVisible()
  const cards = await page.locator('.checkin-button').evaluateAll((buttons) =>
    buttons.map((button) => {
      const card = button.getBoundingClientRect()
      const inside = (el: Element | null) => {
        const r = el!.getBoundingClientRect()
        return r.left >= card.left && r.right <= card.right && r.top >= card.top && r.bottom <= card.bottom
      }
      return {
        name: button.querySelector('.checkin-name')!.textContent,
        cardInScreen: card.left >= 0 && card.right <= document.documentElement.clientWidth,
        stateInCard: inside(button.querySelector('.checkin-state')),
        nameInCard: inside(button.querySelector('.checkin-name')),
      }
    }),
  )
  expect(cards).toHaveLength(4) // the four confirmed
  for (const card of cards) expect(card, card.name!).toMatchObject({ cardInScreen: true, stateInCard: true, nameInCard: true })
  expect(await sidewaysOverflow(page)).toEqual({ document: 0, tables: [] })
  await page.getByRole('button', { name: new RegExp(LONG_WORD_ORGANISATION) }).click()
  await expect(page.getByText('1 av 4 incheckade')).toBeVisible()
})

test('at 1280 the list of everyone shows all its columns; printed, on landscape pages as wide as the paper', async ({ page, db, organiser }) => {
  const { trip } = await createTripWithLongData(db)
  await page.setViewportSize(DESKTOP)
  await signInAsOrganiser(page, organiser)
  await page.goto(`/admin/resor/${trip.slug}/listor/visa/deltagare`)
  const table = page.getByRole('table', { name: 'Alla anmälda' })
  const headers = table.getByRole('columnheader')
  await expect(headers).toHaveCount(13) // every column of the Excel file
  for (const header of await headers.all()) await expect(header).toBeInViewport()
  const fit = await page.locator('.table-wrap').evaluate((box) => ({ table: box.scrollWidth, box: box.clientWidth }))
  expect(fit.table).toBeLessThanOrEqual(fit.box)

  await page.emulateMedia({ media: 'print' })
  await page.setViewportSize({ width: LANDSCAPE_PRINT_WIDTH, height: 700 })
  await expect(page.locator('header').first()).toBeHidden()
  for (const nav of await page.locator('nav').all()) await expect(nav).toBeHidden()
  await expect(page.getByRole('link', { name: 'Excel' })).toBeHidden()
  const printed = await table.evaluate((el) => ({
    right: el.getBoundingClientRect().right,
    width: el.scrollWidth,
    page: document.documentElement.clientWidth,
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    thead: getComputedStyle(el.querySelector('thead')!).display,
    rowBreak: getComputedStyle(el.querySelector('tbody tr')!).breakInside,
    pageName: getComputedStyle(el.closest('.list-view')!).page,
  }))
  expect(printed).toMatchObject({ overflow: 0, thead: 'table-header-group', rowBreak: 'avoid', pageName: 'wide-list' })
  expect(printed.right).toBeLessThanOrEqual(printed.page)

  // The PDF Chromium prints: A4 landscape pages (842 × 595 points).
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1')
  const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))])
  expect(boxes.length).toBeGreaterThan(0)
  for (const box of boxes) expect(box).toEqual([842, 595])
})

test('an invalid field is marked beyond its colour, and form controls take the site’s colour', async ({ page, organiser }) => {
  await signInAsOrganiser(page, organiser)
  await page.goto('/admin/resor/ny')
  await page.getByRole('button', { name: 'Skapa resan' }).click()
  const invalid = page.locator('.field--invalid').first()
  await expect(invalid).toBeVisible()
  const mark = await invalid.evaluate((field) => {
    const control = field.querySelector('input:not([type=checkbox]):not([type=radio]), textarea, select')!
    const message = field.querySelector('.field-error')!
    return {
      bar: getComputedStyle(field).borderLeftWidth,
      border: getComputedStyle(control).borderTopWidth,
      invalid: control.getAttribute('aria-invalid'),
      icon: getComputedStyle(message, '::before').content,
    }
  })
  expect(mark).toEqual({ bar: '4px', border: '3px', invalid: 'true', icon: '"⚠ "' })
  await expectNoAxeViolations(page)
  // A checkbox in the site's accent colour, in the admin and on the public signup form.
  const accent = 'rgb(11, 79, 108)'
  expect(await page.locator('input[type=checkbox]').first().evaluate((el) => getComputedStyle(el).accentColor)).toBe(accent)
  await page.goto('/resor/exempelresa/anmalan')
  expect(await page.locator('input[type=radio]').first().evaluate((el) => getComputedStyle(el).accentColor)).toBe(accent)
})
