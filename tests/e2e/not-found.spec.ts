// An address that names no trip or host city gets the Swedish not-found page with status 404,
// with JavaScript on and off. (Without JavaScript, Next.js alone sends such a page, rendered on
// demand, as an empty document: vercel/next.js#62228; the segments' layouts prevent that, see
// components/not-found-page.tsx.)
import { adminTest, expect, expectNoAxeViolations, signInAsOrganiser, test } from './support/fixtures'

// Every page under a dynamic public segment, with a value that names nothing.
const MISSING = ['/resor/finns-inte', '/resor/finns-inte/anmalan', '/resor/finns-inte/lank', '/resor/finns-inte/lank/skickad', '/orter/finns-inte']

for (const javaScriptEnabled of [true, false]) {
  test.describe(`with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled })

    test('every page of an unknown trip or host city is the Swedish not-found page, with status 404', async ({ page }) => {
      test.slow() // five pages, twice each (the second from the cache), and axe on each with JavaScript
      for (const path of MISSING) {
        // Twice: the first answer is generated, the second comes from the page cache.
        for (const attempt of ['generated', 'cached']) {
          const response = await page.goto(path)
          expect(response?.status(), `${path} (${attempt})`).toBe(404)
          await expect(page.locator('html')).toHaveAttribute('lang', 'sv')
          await expect(page.getByRole('heading', { level: 1 }), `${path} (${attempt})`).toHaveText('Sidan finns inte')
          await expect(page.getByRole('link', { name: 'Till startsidan' })).toBeVisible()
          await expect(page.getByRole('contentinfo').getByRole('heading', { name: 'Kontakt' })).toBeVisible()
          await expect(page.locator('meta[name="robots"]').first()).toHaveAttribute('content', /noindex/)
        }
        if (javaScriptEnabled) await expectNoAxeViolations(page)
      }
    })
  })
}

test('the HTML itself holds the not-found page (what a browser without JavaScript gets)', async ({ request }) => {
  for (const path of MISSING) {
    const response = await request.get(path)
    expect(response.status(), path).toBe(404)
    const html = await response.text()
    // (Next.js also marks the root element with the build's deployment id: lib/build-identity.ts.)
    expect(html, path).toMatch(/<html( [a-z-]+="[^"]*")* lang="sv"/)
    expect(html, path).not.toContain('__next_error__')
    expect(html, path).toMatch(/<h1[^>]*>Sidan finns inte<\/h1>/)
  }
})

test('a trip and a host city that exist are not affected', async ({ request }) => {
  for (const path of ['/resor/2024-boras', '/resor/2024-boras/anmalan', '/resor/2024-boras/lank', '/resor/2024-boras/lank/skickad', '/orter/boras']) {
    const response = await request.get(path)
    expect(response.status(), path).toBe(200)
    expect(await response.text(), path).not.toMatch(/<h1[^>]*>Sidan finns inte/)
  }
})

// Pages rendered per request (a personal link, the admin's records) cannot use the layouts' way:
// the proxy decides that the record is missing before the page renders (lib/http/missing-records.ts).
test.describe('with JavaScript off, pages rendered per request', () => {
  test.use({ javaScriptEnabled: false })
  adminTest('an unknown or malformed personal link, and an admin page of an unknown record, are the not-found page with status 404', async ({ page, organiser }) => {
    adminTest.slow() // a sign-in and ten pages
    const expectNotFound = async (path: string) => {
      const response = await page.goto(path)
      expect(response?.status(), path).toBe(404)
      await expect(page.getByRole('heading', { level: 1 }), path).toHaveText('Sidan finns inte')
    }
    for (const path of ['/anmalan/xyz', `/anmalan/${'A'.repeat(22)}`, `/anmalan/${'A'.repeat(22)}/avboka`, `/anmalan/bekrafta-epost/${'A'.repeat(22)}`, '/anmalan/bekrafta-epost'])
      await expectNotFound(path)
    await signInAsOrganiser(page, organiser)
    for (const path of [
      '/admin/resor/finns-inte',
      '/admin/resor/finns-inte/redigera',
      '/admin/resor/2024-boras/anmalan/999999999',
      '/admin/resor/2024-boras/redigera/program/999999999',
      '/admin/resor/2024-boras/listor/visa/okand',
      '/admin/orter/finns-inte',
    ])
      await expectNotFound(path)
  })
})
