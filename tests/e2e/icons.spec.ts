// The site's icon: /favicon.ico (which browsers and Lighthouse ask for whatever the page says) is
// an icon, not a 404, and the pages name an SVG icon that answers too.
import { expect, test } from './support/fixtures'

test('/favicon.ico is an icon', async ({ request }) => {
  const response = await request.get('/favicon.ico')
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/)
  const body = await response.body()
  // An ICO file: reserved 0, type 1 (icon), at least one image, each a PNG.
  expect([...body.subarray(0, 4)]).toEqual([0, 0, 1, 0])
  const count = body.readUInt16LE(4)
  expect(count).toBeGreaterThan(0)
  for (let i = 0; i < count; i++) {
    const offset = body.readUInt32LE(6 + 16 * i + 12)
    expect([...body.subarray(offset + 1, offset + 4)]).toEqual([...Buffer.from('PNG')])
  }
})

test('every page names the SVG icon, and it answers as an SVG image', async ({ page, request }) => {
  await page.goto('/')
  const href = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute('href')
  expect(href).toMatch(/^\/icon\.svg/)
  const response = await request.get(href!)
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toMatch(/^image\/svg\+xml/)
  expect(await response.text()).toContain('<svg')
})
