// Photos: an organiser uploads a photo (made here with sharp) with its description for a trip, and
// for a host town without JavaScript; the public pages show it responsive with that alt text, the
// image's address answers WebP cached for a year, a missing description is refused in Swedish
// and keeps nothing, and nothing scrolls sideways at 390 px. Axe on the pages (with JavaScript:
// axe is a script).
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import type { Page } from '@playwright/test'
import { createTestTrip } from '../support/factories'
import { adminTest as test, expect, expectNoAxeViolations, signInAsOrganiser } from './support/fixtures'

/** A JPEG as a phone makes one, with the camera and a position in its EXIF. */
async function photoJpeg(width: number, height: number, colour: string) {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    .composite([{ input: { create: { width: Math.floor(width / 2), height: Math.floor(height / 3), channels: 3, background: '#f2c14e' } } }])
    .withExif({ IFD0: { Make: 'Provkamera' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '58/1 19/1 0/1' } })
    .jpeg({ quality: 85 })
    .toBuffer()
}

/** The Nu Html Checker's errors on each page's markup as served (as tests/e2e/html-validity.spec.ts runs it). */
function htmlErrors(pages: Map<string, string>): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mjolbybussen-vnu-photos-'))
  try {
    const files = new Map([...pages].map(([label, markup], i) => [path.join(dir, `${i}.html`), { label, markup }]))
    for (const [file, { markup }] of files) fs.writeFileSync(file, markup)
    const run = spawnSync('java', ['-jar', path.resolve('node_modules/vnu-jar/build/dist/vnu.jar'), '--errors-only', '--format', 'json', ...files.keys()], { encoding: 'utf8' })
    expect(run.error, 'java (for the Nu Html Checker) must be installed').toBeUndefined()
    const { messages } = JSON.parse(run.stderr || run.stdout) as { messages: { type: string; url: string; message: string; extract?: string }[] }
    return messages.filter((m) => m.type !== 'info').map((m) => `${files.get(m.url.replace(/^file:/, ''))?.label}: ${m.message} [${m.extract}]`)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

test('an organiser adds a photo to a trip; the public trip page shows it responsive with its alt text, cached for a year', async ({ page, db, organiser, request }) => {
  test.setTimeout(300_000) // sign-in, two uploads (one refused), the public page at two widths, axe four times, one Java run: minutes on a loaded machine
  const trip = await createTestTrip(db, { boardingStops: ['Mjölby'] })
  const jpeg = await photoJpeg(2400, 1600, '#2b6c9e')

  // The public page as it was, cached before the photo.
  await page.goto(`/resor/${trip.slug}`)
  await expect(page.locator('main img')).toHaveCount(0)

  await signInAsOrganiser(page, organiser)
  await page.goto(`/admin/resor/${trip.slug}/redigera`)
  const section = page.getByRole('region', { name: 'Bild' })
  await expect(section).toContainText('Resan har ingen bild.')
  const form = section.locator('form').filter({ has: page.getByRole('button', { name: 'Ladda upp bilden' }) })

  // No description: refused in Swedish, nothing kept.
  await form.getByLabel('Bild', { exact: true }).setInputFiles({ name: 'buss.jpg', mimeType: 'image/jpeg', buffer: jpeg })
  await form.getByRole('button', { name: 'Ladda upp bilden' }).click()
  await expect(page.getByRole('alert').getByRole('link', { name: /^Beskrivning av bilden: Beskriv vad bilden visar/ })).toBeVisible()
  await expect(form.getByLabel('Beskrivning av bilden', { exact: true })).toHaveAttribute('aria-invalid', 'true')
  await expectNoAxeViolations(page)
  expect(await db.photo.count({ where: { tripId: trip.id } })).toBe(0)

  await form.getByLabel('Bild', { exact: true }).setInputFiles({ name: 'buss.jpg', mimeType: 'image/jpeg', buffer: jpeg })
  await form.getByLabel('Beskrivning av bilden', { exact: true }).fill('Bussen parkerad framför stadshuset i solsken')
  await form.getByLabel('Fotograf', { exact: true }).fill('Anna Berg')
  await form.getByRole('button', { name: 'Ladda upp bilden' }).click()
  await expect(page.getByRole('status')).toHaveText('Bilden är sparad och syns på den publika sidan.')
  await expect(section.getByRole('img', { name: 'Bussen parkerad framför stadshuset i solsken' })).toBeVisible()
  await expect(section.getByRole('button', { name: 'Ta bort bilden' })).toBeVisible()
  await expectNoAxeViolations(page)

  // The public page shows it at once (the save revalidates it).
  await page.goto(`/resor/${trip.slug}`)
  const img = page.getByRole('img', { name: 'Bussen parkerad framför stadshuset i solsken' })
  await expect(img).toBeVisible()
  const srcset = (await img.getAttribute('srcset')) ?? ''
  expect(srcset.split(', ').map((candidate) => candidate.split(' ')[1])).toEqual(['480w', '960w', '1600w'])
  await expect(img).toHaveAttribute('sizes', /61\.5rem/)
  await expect(img).toHaveAttribute('width', '1600')
  await expect(img).toHaveAttribute('height', '1067')
  await expect(img).toHaveAttribute('loading', 'eager') // the page's first image
  await expect(page.locator('figure figcaption')).toHaveText('Foto: Anna Berg')
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0)
  await expectNoAxeViolations(page)

  // Each address answers WebP, cached for a year; the photo holds none of the camera's data.
  for (const url of srcset.split(', ').map((candidate) => candidate.split(' ')[0]!)) {
    const response = await request.get(url)
    expect(response.status(), url).toBe(200)
    expect(response.headers()['content-type']).toBe('image/webp')
    expect(response.headers()['cache-control']).toBe('public, max-age=31536000, immutable')
    const body = await response.body()
    expect((await sharp(body).metadata()).exif, url).toBeUndefined()
    expect(body.toString('latin1')).not.toContain('Provkamera')
  }
  const first = srcset.split(' ')[0]!
  expect((await request.get(first.replace(/\/\d+\.webp$/, '/700.webp'))).status()).toBe(404)
  expect((await request.get(first.replace(/\/bilder\/[^/]+\//, '/bilder/AAAAAAAAAAAAAAAA/'))).status()).toBe(404)

  // On a phone: the photo fits, nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 })
  await page.reload()
  await expect(img).toBeVisible()
  expect(await sideways(page)).toBe(0)
  const box = await img.boundingBox()
  expect(box!.width).toBeLessThanOrEqual(390 - 2 * 16)
  await expectNoAxeViolations(page)

  // Listed under "Kommande resor" with the photo too.
  await page.goto('/resor')
  await expect(page.getByRole('listitem').filter({ hasText: trip.title }).getByRole('img', { name: 'Bussen parkerad framför stadshuset i solsken' })).toBeVisible()
  expect(await sideways(page)).toBe(0)

  // Valid HTML, as served, on the pages that now carry the photo (the organiser's session for the admin's).
  const served = new Map<string, string>()
  for (const url of [`/resor/${trip.slug}`, '/resor', `/admin/resor/${trip.slug}/redigera`]) {
    const response = await page.request.get(url)
    expect(response.status(), url).toBe(200)
    served.set(url, await response.text())
  }
  expect(served.get(`/admin/resor/${trip.slug}/redigera`)).toContain('type="file"')
  expect(htmlErrors(served)).toEqual([])
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('an organiser adds, describes and removes a host town’s photo; the town page follows', async ({ page, db, organiser, browser, baseURL }) => {
    test.setTimeout(300_000) // sign-in, five posts without JavaScript (each a full page), axe on the town page: minutes on a loaded machine
    const slug = `fotostad-${Math.random().toString(36).slice(2, 8)}`
    await db.hostCity.create({ data: { slug, name: 'Fotostad', county: 'Östergötlands län', portrait: 'En stad med **utsikt**.' } })
    await page.goto(`/orter/${slug}`)
    await expect(page.locator('main img')).toHaveCount(0)

    await signInAsOrganiser(page, organiser)
    await page.goto(`/admin/orter/${slug}`)
    const section = page.getByRole('region', { name: 'Bild' })
    await expect(section).toContainText('Orten har ingen bild.')
    const form = section.locator('form').first()

    // A text file named .jpg: refused in Swedish, nothing kept.
    await form.getByLabel('Bild', { exact: true }).setInputFiles({ name: 'bild.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('Det här är text, inte en bild.\n') })
    await form.getByLabel('Beskrivning av bilden', { exact: true }).fill('Torget')
    await form.getByRole('button', { name: 'Ladda upp bilden' }).click()
    await expect(page.getByRole('alert')).toContainText('Bild: Filen är inte en bild i formatet JPEG, PNG eller WebP.')
    await expect(form.getByLabel('Beskrivning av bilden', { exact: true })).toHaveValue('Torget') // kept as typed

    // A photo without a description: refused, nothing kept.
    const jpeg = await photoJpeg(1200, 900, '#4a7d3b')
    await form.getByLabel('Bild', { exact: true }).setInputFiles({ name: 'torget.jpg', mimeType: 'image/jpeg', buffer: jpeg })
    await form.getByLabel('Beskrivning av bilden', { exact: true }).fill('')
    await form.getByRole('button', { name: 'Ladda upp bilden' }).click()
    await expect(page.getByRole('alert')).toContainText('Beskrivning av bilden: Beskriv vad bilden visar')
    expect(await db.photo.count({ where: { hostCity: { slug } } })).toBe(0)

    await form.getByLabel('Bild', { exact: true }).setInputFiles({ name: 'torget.jpg', mimeType: 'image/jpeg', buffer: jpeg })
    await form.getByLabel('Beskrivning av bilden', { exact: true }).fill('Torget i Fotostad en vårdag')
    await form.getByRole('button', { name: 'Ladda upp bilden' }).click()
    await expect(page.getByRole('status')).toHaveText('Bilden är sparad och syns på den publika sidan.')

    // Only the texts changed: the same photo, a new description.
    await form.getByLabel('Beskrivning av bilden', { exact: true }).fill('Torget i Fotostad en solig vårdag')
    await form.getByLabel('Fotograf', { exact: true }).fill('Foto: Bo Ek')
    await form.getByRole('button', { name: 'Spara bilden' }).click()
    await expect(page.getByRole('status')).toHaveText('Bilden är sparad och syns på den publika sidan.')
    expect(await db.photo.count({ where: { hostCity: { slug } } })).toBe(1)

    await page.goto(`/orter/${slug}`)
    const img = page.getByRole('img', { name: 'Torget i Fotostad en solig vårdag' })
    await expect(img).toBeVisible()
    await expect(img).toHaveAttribute('srcset', /480w, .*960w, .*1200w$/)
    await expect(page.locator('figure figcaption')).toHaveText('Foto: Bo Ek')
    // Axe runs as a script: the town page with its photo, in a page of its own with JavaScript
    // (turned on by name: a context made in a test inherits the describe's javaScriptEnabled).
    const scripted = await browser.newContext({ baseURL, locale: 'sv-SE', javaScriptEnabled: true })
    const withScripts = await scripted.newPage()
    await withScripts.goto(`/orter/${slug}`)
    await expect(withScripts.getByRole('img', { name: 'Torget i Fotostad en solig vårdag' })).toBeVisible()
    await expectNoAxeViolations(withScripts)
    await scripted.close()
    await page.goto('/orter')
    await expect(page.getByRole('listitem').filter({ hasText: 'Fotostad' }).getByRole('img', { name: 'Torget i Fotostad en solig vårdag' })).toBeVisible()

    await page.goto(`/admin/orter/${slug}`)
    await page.getByRole('region', { name: 'Bild' }).getByRole('button', { name: 'Ta bort bilden' }).click()
    await expect(page.getByRole('status')).toHaveText('Bilden är borttagen.')
    await page.goto(`/orter/${slug}`)
    await expect(page.locator('main img')).toHaveCount(0)
    await expect(page.locator('main figure')).toHaveCount(0)
  })
})
