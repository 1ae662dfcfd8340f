// The security headers on every kind of response, the Content-Security-Policy in Chromium (pages
// run without a single violation, and what an attacker injects is blocked), and the clean 4xx
// answers to hostile requests: another site's form post, oversized and odd bodies, broken links.
import { createHash } from 'node:crypto'
import http from 'node:http'
import type { APIRequestContext, APIResponse, Page } from '@playwright/test'
import type { PrismaClient } from '../../lib/generated/prisma/client'
import { frameworkScriptHashes } from '../../lib/http/inline-script-hashes.mjs'
import { createTestTrip } from '../support/factories'
import { readActionForm, type ActionForm } from '../support/form-post'
import { adminTest, expect, signInAsOrganiser, test } from './support/fixtures'
import { E2E_PORT } from './support/paths'

const SITE = `http://127.0.0.1:${E2E_PORT}`
// Another site, served by the browser from the test (page.route): a different origin and site.
const ELSEWHERE = 'http://elsewhere.test'

// 'cached': a page from the page cache, with the fixed policy and a second one that allows its
// inline scripts by hash.
type PolicyKind = 'cached' | 'nonce' | 'none'

/**
 * The policies, as a browser reads them: each header, and each comma-separated policy within one
 * (CSP 3, "parse a serialized CSP list"; a response the proxy rewrites carries the two joined).
 */
function policiesOf(response: APIResponse): string[] {
  return response
    .headersArray()
    .filter((h) => h.name.toLowerCase() === 'content-security-policy')
    .flatMap((h) => h.value.split(',').map((p) => p.trim()))
}

/** Checks every security header of one response; returns the nonce of a nonce policy. */
function expectSecurityHeaders(response: APIResponse, kind: PolicyKind, label: string, { https = false } = {}): string | undefined {
  const headers = response.headers()
  const policies = policiesOf(response)
  if (kind === 'cached') {
    expect(policies, `${label}: the fixed policy and the hash policy`).toHaveLength(2)
    expect(policies[1]!, label).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/]{43}=')+$/)
  } else {
    expect(policies, `${label}: one Content-Security-Policy`).toHaveLength(1)
  }
  const csp = policies[0]!
  expect(csp, label).toContain("frame-ancestors 'none'")
  if (kind === 'none') expect(csp, label).toMatch(/^default-src 'none'/)
  else {
    expect(csp, label).toContain("default-src 'self'")
    expect(csp, label).toContain("object-src 'none'")
    expect(csp, label).toContain("base-uri 'none'")
    expect(csp, label).not.toContain('unsafe-eval')
  }
  if (kind === 'cached') expect(csp, label).toContain("script-src 'self' 'unsafe-inline';")
  expect(headers['referrer-policy'], label).toBe('same-origin')
  expect(headers['x-content-type-options'], label).toBe('nosniff')
  expect(headers['x-frame-options'], label).toBe('DENY')
  expect(headers['permissions-policy'], label).toContain('camera=()')
  expect(headers['cross-origin-opener-policy'], label).toBe('same-origin')
  if (https) {
    expect(headers['strict-transport-security'], label).toBe('max-age=31536000; includeSubDomains')
    if (kind !== 'none') expect(csp, label).toContain('upgrade-insecure-requests')
  } else {
    expect(headers['strict-transport-security'], label).toBeUndefined()
    expect(csp, label).not.toContain('upgrade-insecure-requests')
  }
  const nonce = csp.match(/script-src 'self' 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic';/)?.[1]
  if (kind === 'nonce') expect(nonce, `${label}: a nonce policy`).toBeTruthy()
  else expect(csp, label).not.toContain('nonce-')
  return nonce
}

/** Every inline script of a cached page has its hash in the page's second policy, and nothing else does. */
async function expectEveryInlineScriptHashed(response: APIResponse, label: string) {
  const html = await response.text()
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)].filter(([, attributes]) => !/(?:^|\s)src\s*=/i.test(attributes!))
  expect(inline.length, `${label}: the page has inline scripts`).toBeGreaterThan(0)
  const hashes = frameworkScriptHashes(html)
  expect(hashes, `${label}: every inline script is one of Next.js's`).toHaveLength(new Set(inline.map(([, , source]) => source)).size)
  const policy = policiesOf(response)[1]!
  expect(policy, label).toBe(`script-src 'self' ${hashes.join(' ')}`)
}

/** The answer carries nothing of a crash: no 5xx, no stack trace, no Next.js internals. */
async function expectNoCrash(response: APIResponse, label: string) {
  expect(response.status(), label).toBeLessThan(500)
  const body = await response.text()
  expect(body, label).not.toMatch(/\bat \S+ \(|node_modules|Internal Server Error|Error: /)
}

async function signupForm(request: APIRequestContext, slug: string): Promise<ActionForm> {
  const response = await request.get(`/resor/${slug}/anmalan`)
  expect(response.status()).toBe(200)
  return readActionForm(await response.text(), 'email')
}

const answers = (email: string): Record<string, string> => ({
  firstName: 'Sara',
  lastName: 'Lind',
  email,
  phone: '070-123 45 67',
  organisation: 'Mjölby kommun',
  role: 'tjansteperson',
  privacyAccepted: 'on',
  webbplats: '',
})

/** A signup as a browser without JavaScript posts it: multipart, with the site's Origin unless told otherwise. */
function postSignup(request: APIRequestContext, slug: string, form: ActionForm, fields: Record<string, string>, headers: Record<string, string> = { origin: SITE }) {
  return request.post(`/resor/${slug}/anmalan`, {
    multipart: { ...Object.fromEntries(form.hidden), ...fields },
    headers,
    maxRedirects: 0,
  })
}

/** Signs up for a new trip over HTTP and returns the personal link's path from the receipt's redirect. */
async function personalLink(request: APIRequestContext, db: PrismaClient): Promise<string> {
  const { slug } = await createTestTrip(db, { hasOvernight: false })
  const email = `sakerhet.${Math.random().toString(36).slice(2, 8)}@example.se`
  const response = await postSignup(request, slug, await signupForm(request, slug), answers(email))
  expect(response.status()).toBe(303)
  const token = response.headers().location?.match(/\/anmalan\/([A-Za-z0-9_-]{22})\?ny=1$/)?.[1]
  expect(token).toBeTruthy()
  return `/anmalan/${token}`
}

/** Collects every CSP violation a page reports, across navigations: DOM events and console messages. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = []
  await page.exposeFunction('reportCspViolation', (v: string) => violations.push(v))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { reportCspViolation: (v: string) => void }).reportCspViolation
      report(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} on ${location.pathname}`)
    })
  })
  page.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(`console: ${message.text()}`)
  })
  page.on('response', (response) => {
    if (response.status() >= 500) violations.push(`${response.status()} from ${response.url()}`)
  })
  return violations
}

/** Next.js's client has started: its router put its announcer into the page. */
async function expectHydrated(page: Page, label: string) {
  await expect(page.locator('next-route-announcer'), `${label}: the page's JavaScript ran`).toHaveCount(1)
}

adminTest('every kind of response carries the security headers, HSTS over HTTPS', async ({ page, organiser, db }) => {
  test.setTimeout(90_000) // about 35 requests, a signup and a regenerated page
  await signInAsOrganiser(page, organiser)
  const request = page.request // with the organiser's session cookie
  const registrationPath = await personalLink(request, db)
  const home = await request.get('/')
  // (Asset addresses carry the build's deployment id as ?dpl=: lib/build-identity.ts.)
  const asset = (await home.text()).match(/src="(\/_next\/static\/[^"]+\.js(?:\?dpl=[^"]+)?)"/)?.[1]
  expect(asset).toBeTruthy()

  const responses: [string, number, PolicyKind][] = [
    ['/', 200, 'cached'],
    ['/resor/2024-boras', 200, 'cached'],
    ['/resor/exempelresa/anmalan', 200, 'cached'],
    ['/orter/boras', 200, 'cached'],
    ['/resor/2024-boras/lank/skickad', 200, 'cached'],
    ['/anmalan/avbokad', 200, 'cached'],
    ['/finns-inte', 404, 'cached'],
    [registrationPath, 200, 'nonce'],
    [`${registrationPath}/avboka`, 200, 'nonce'],
    ['/anmalan/ingen-sadan-lank', 404, 'cached'],
    ['/admin', 200, 'nonce'],
    ['/admin/resor/2024-boras', 200, 'nonce'],
    ['/admin/resor/2024-boras/listor/deltagare?format=csv', 200, 'nonce'],
    ['/api/health', 200, 'none'],
    [asset!, 200, 'none'],
  ]
  for (const [path, status, kind] of responses) {
    const response = await request.get(path, { maxRedirects: 0 })
    expect(response.status(), path).toBe(status)
    const nonce = expectSecurityHeaders(response, kind, path)
    if (kind === 'cached') await expectEveryInlineScriptHashed(response, path)
    if (nonce && response.headers()['content-type']?.startsWith('text/html')) {
      // Next.js put this response's nonce on every script of the page, and a new one on the next.
      const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? []
      expect(scripts.length, path).toBeGreaterThan(0)
      for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`)
      expect(expectSecurityHeaders(await request.get(path), kind, path)).not.toBe(nonce)
    }
  }
  expect((await request.get('/admin/resor/2024-boras/listor/deltagare?format=csv')).headers()['content-type']).toMatch(/^text\/csv/)

  // A page that was not in the cache: its first answer, straight from the render, has the hashes
  // too, and so does the answer after a change regenerates it (a signup, here).
  const fresh = await createTestTrip(db, { hasOvernight: false })
  const first = await request.get(`/resor/${fresh.slug}`)
  expectSecurityHeaders(first, 'cached', 'a trip page rendered now')
  await expectEveryInlineScriptHashed(first, 'a trip page rendered now')
  const signup = await postSignup(request, fresh.slug, await signupForm(request, fresh.slug), answers(`hash.${fresh.slug}@example.se`))
  expect(signup.status()).toBe(303)
  await expect
    .poll(async () => (await request.get(`/resor/${fresh.slug}`)).text(), { message: 'the page is regenerated after the signup' })
    .toContain('9 platser kvar')
  const regenerated = await request.get(`/resor/${fresh.slug}`)
  expectSecurityHeaders(regenerated, 'cached', 'the regenerated trip page')
  await expectEveryInlineScriptHashed(regenerated, 'the regenerated trip page')

  // Behind a reverse proxy that terminates TLS.
  const https = { 'x-forwarded-proto': 'https' }
  expectSecurityHeaders(await request.get('/', { headers: https }), 'cached', '/ over https', { https: true })
  expectSecurityHeaders(await request.get(registrationPath, { headers: https }), 'nonce', 'personal link over https', { https: true })
  expectSecurityHeaders(await request.get('/api/health', { headers: https }), 'none', '/api/health over https', { https: true })
})

test('GET /api/health reports the database and the outbox, never cached', async ({ request }) => {
  const response = await request.get('/api/health')
  expect(response.status()).toBe(200)
  expect(response.headers()['cache-control']).toBe('no-store')
  expect(await response.json()).toEqual({
    status: 'ok',
    database: { ok: true, latencyMs: expect.any(Number) },
    outbox: { queued: expect.any(Number), sending: expect.any(Number), failed: expect.any(Number), oldestQueuedSeconds: expect.any(Number) },
  })
  const post = await request.post('/api/health', { data: { status: 'down' } })
  expect(post.status()).toBe(405)
  expect(await post.text()).toBe('Adressen tar bara emot GET.')
})

test.describe('in Chromium with JavaScript on', () => {
  test('public pages and the signup form run without a single CSP violation', async ({ page }) => {
    test.setTimeout(90_000)
    const violations = await watchViolations(page)
    for (const path of ['/', '/resor', '/resor/2024-boras', '/orter/boras', '/integritet', '/tillganglighet', '/anmalan/avbokad', '/resor/2024-boras/lank', '/finns-inte']) {
      await page.goto(path)
      await expectHydrated(page, path)
    }
    // A client-side navigation fetches the next page's data (connect-src).
    await page.goto('/')
    await page.getByRole('link', { name: 'Alla resor' }).first().click()
    await expect(page).toHaveURL(/\/resor$/)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()

    // The signup form, a client component: submitted empty, its server action is called by the
    // page's JavaScript (a fetch with the next-action header) and answers with the errors.
    await page.goto('/resor/exempelresa/anmalan')
    await expectHydrated(page, 'the signup form')
    const actionCall = page.waitForRequest((r) => r.method() === 'POST' && r.headers()['next-action'] !== undefined)
    await page.getByRole('button', { name: /Skicka anmälan|Anmäl mig till reservlistan/ }).click()
    await actionCall
    await expect(page.getByRole('alert').filter({ hasText: 'Formuläret innehåller' })).toBeVisible()
    expect(violations).toEqual([])
  })

  adminTest('the personal link, the sign-in form and the admin run without a single CSP violation', async ({ page, organiser, db }) => {
    test.setTimeout(90_000)
    const violations = await watchViolations(page)
    const registrationPath = await personalLink(page.request, db)
    await page.goto(registrationPath)
    await expectHydrated(page, 'the personal link')
    await page.goto(`${registrationPath}/avboka`)
    await expectHydrated(page, 'the cancellation page')

    await page.goto('/admin/logga-in')
    await expectHydrated(page, 'the sign-in page')
    await signInAsOrganiser(page, organiser) // the sign-in form's action, called by its JavaScript
    for (const path of ['/admin', '/admin/resor/2024-boras', '/admin/resor/2024-boras/oversikt', '/admin/resor/2024-boras/redigera', '/admin/installningar']) {
      await page.goto(path)
      await expectHydrated(page, path)
    }
    expect(violations).toEqual([])
  })

  test('a script injected into a page rendered per request does not run: it lacks the nonce', async ({ page }) => {
    const violations = await watchViolations(page)
    await page.route('**/admin/logga-in', async (route) => {
      const response = await route.fetch()
      const injected = '<script>window.injected = "inline"</script><script nonce="gissad">window.injected = "guessed nonce"</script>'
      await route.fulfill({ response, body: (await response.text()).replace('</body>', `${injected}</body>`) })
    })
    await page.goto('/admin/logga-in')
    await expectHydrated(page, 'the sign-in page') // Next.js's own scripts, with the nonce, still run
    expect(await page.evaluate(() => (window as unknown as { injected?: string }).injected)).toBeUndefined()
    await expect.poll(() => violations.filter((v) => v.startsWith('script-src-elem blocked inline')).length).toBe(2)
  })

  test('a script injected into a cached page does not run: it has no hash', async ({ page }) => {
    const violations = await watchViolations(page)
    await page.route(`${SITE}/resor/2024-boras`, async (route) => {
      const response = await route.fetch()
      const injected = `<script>window.injected = "inline"</script><img src="/finns-inte.png" alt="" onerror="window.injected = 'handler'">`
      await route.fulfill({ response, body: (await response.text()).replace('</body>', `${injected}</body>`) })
    })
    await page.goto('/resor/2024-boras')
    await expectHydrated(page, 'the trip page') // its own inline scripts, by hash, still run
    expect(await page.evaluate(() => (window as unknown as { injected?: string }).injected)).toBeUndefined()
    await expect.poll(() => violations.filter((v) => v.startsWith('script-src-elem blocked inline')).length).toBe(1)
    await expect.poll(() => violations.filter((v) => v.startsWith('script-src-attr blocked inline')).length).toBe(1)
  })

  test('on a cached page, scripts from other sites and eval are blocked', async ({ page }) => {
    const violations = await watchViolations(page)
    // Were the script from elsewhere loaded, it would set this.
    await page.route(`${ELSEWHERE}/**`, (route) => route.fulfill({ contentType: 'text/javascript', body: 'window.fromElsewhere = true' }))
    // The script that tries eval is let in by its hash, added to the page's second policy here, so
    // that what stops eval is the policies' lack of 'unsafe-eval'.
    const tryEval = 'try { eval("window.evaluated = true") } catch {}'
    await page.route(`${SITE}/`, async (route) => {
      const response = await route.fetch()
      const [fixed, hashes] = response.headersArray().filter((h) => h.name.toLowerCase() === 'content-security-policy')
      const withTryEval = `${hashes!.value} 'sha256-${createHash('sha256').update(tryEval).digest('base64')}'`
      const injected = `<script src="${ELSEWHERE}/steal.js"></script><script>${tryEval}</script>`
      await route.fulfill({
        response,
        headers: { ...response.headers(), 'content-security-policy': `${fixed!.value}, ${withTryEval}` },
        body: (await response.text()).replace('</body>', `${injected}</body>`),
      })
    })
    await page.goto('/')
    await expectHydrated(page, 'the home page')
    const state = await page.evaluate(() => {
      const w = window as unknown as { fromElsewhere?: boolean; evaluated?: boolean }
      return { fromElsewhere: w.fromElsewhere, evaluated: w.evaluated }
    })
    expect(state).toEqual({ fromElsewhere: undefined, evaluated: undefined })
    await expect.poll(() => violations.some((v) => v.startsWith(`script-src-elem blocked ${ELSEWHERE}/steal.js`))).toBe(true)
    await expect.poll(() => violations.some((v) => v.startsWith('script-src blocked eval'))).toBe(true)
  })

  test('no other site can show the pages in a frame', async ({ page }) => {
    await page.route(`${ELSEWHERE}/ram`, (route) =>
      route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>Ram</title><iframe src="${SITE}/resor/2024-boras"></iframe>` }),
    )
    // Without the site's headers (taken off here) the page shows in the frame: what blocks it
    // below is those headers, nothing else.
    let withHeaders = false
    await page.route(`${SITE}/resor/2024-boras`, async (route) => {
      const response = await route.fetch()
      const headers = response.headers()
      if (!withHeaders) {
        delete headers['content-security-policy']
        delete headers['x-frame-options']
      }
      await route.fulfill({ response, headers })
    })
    const framed = () => page.frames().map((f) => f.url())
    await page.goto(`${ELSEWHERE}/ram`)
    await expect(page.frameLocator('iframe').getByRole('heading', { level: 1 })).toContainText('Borås')

    withHeaders = true
    await page.goto(`${ELSEWHERE}/ram`)
    await expect.poll(framed).toEqual([`${ELSEWHERE}/ram`, 'chrome-error://chromewebdata/'])
  })
})

test.describe('hostile requests get a clean 4xx in Swedish, never a 5xx', () => {
  test('a signup form posted from another site is refused with 403, and nothing is stored', async ({ page, db }) => {
    const { slug } = await createTestTrip(db, { hasOvernight: false })
    const form = await signupForm(page.request, slug)
    const email = `annan.sajt.${Date.now()}@example.se`
    const hidden = Object.entries({ ...Object.fromEntries(form.hidden), ...answers(email) })
      .map(([name, value]) => `<input type="hidden" name="${name}" value="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">`)
      .join('')
    // A page elsewhere that posts the form to the site as soon as it opens (a CSRF attack).
    await page.route(`${ELSEWHERE}/erbjudande`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>Erbjudande</title><form method="post" enctype="multipart/form-data" action="${SITE}/resor/${slug}/anmalan">${hidden}</form><script>document.forms[0].submit()</script>`,
      }),
    )
    const answer = page.waitForResponse((r) => r.url() === `${SITE}/resor/${slug}/anmalan` && r.request().method() === 'POST')
    await page.goto(`${ELSEWHERE}/erbjudande`)
    const response = await answer
    expect(response.request().headers().origin).toBe(ELSEWHERE)
    expect(response.status()).toBe(403)
    await expect(page.locator('body')).toHaveText(/Förfrågan kom från en annan webbplats och har stoppats/)
    expect(await db.registration.count({ where: { email } })).toBe(0)

    // The same post from the site itself is a signup (so the 403 above is the origin, nothing else).
    const fromSite = await postSignup(page.request, slug, form, answers(email))
    expect(fromSite.status()).toBe(303)
    expect(await db.registration.count({ where: { email } })).toBe(1)
  })

  test('a server action called by script from another origin is refused with 403 (Next.js alone answers 500)', async ({ request }) => {
    const form = await signupForm(request, 'exempelresa')
    const actionId = JSON.parse(form.hidden.find(([name]) => name.endsWith(':0'))![1]).id as string
    for (const origin of [ELSEWHERE, 'null', 'inte en adress']) {
      const response = await request.post('/resor/exempelresa/anmalan', {
        headers: { origin, 'next-action': actionId, 'content-type': 'text/plain;charset=UTF-8' },
        data: '["exempelresa",{"kind":"idle"}]',
      })
      expect(response.status(), origin).toBe(403)
      expectSecurityHeaders(response, 'none', `403 for Origin ${origin}`)
      await expectNoCrash(response, origin)
    }
  })

  test('oversized, odd and malformed requests', async ({ request, db }) => {
    const form = await signupForm(request, 'exempelresa')
    const email = `stor.${Date.now()}@example.se`

    const oversized = await postSignup(request, 'exempelresa', form, { ...answers(email), otherInfo: 'x'.repeat(1_100_000) })
    expect(oversized.status()).toBe(413)
    expect(await oversized.text()).toBe('Förfrågan är för stor. Korta texten och försök igen.')

    const json = await request.post('/resor/exempelresa/anmalan', { headers: { origin: SITE }, data: { email, firstName: 'Sara' } })
    expect(json.status()).toBe(415)
    expect(await json.text()).toBe('Sidan tar inte emot data i det här formatet. Skicka formuläret från sidan.')

    const urlEncoded = await request.post('/resor/exempelresa/anmalan', { headers: { origin: SITE }, form: answers(email) })
    expect(urlEncoded.status()).toBe(415)

    const put = await request.put('/resor/exempelresa/anmalan', { headers: { origin: SITE }, multipart: answers(email) })
    expect(put.status()).toBe(405)
    expect(put.headers().allow).toBe('GET, HEAD, POST')

    for (const response of [oversized, json, urlEncoded, put]) {
      expectSecurityHeaders(response, 'none', `${response.status()}`)
      await expectNoCrash(response, `${response.status()}`)
    }
    expect(await db.registration.count({ where: { email } })).toBe(0)
  })

  test('a body of unknown length is refused with 411 (Next.js alone answers an oversized one with 500)', async () => {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(`${SITE}/resor/exempelresa/anmalan`, {
        method: 'POST',
        headers: { 'content-type': 'multipart/form-data; boundary=x', 'transfer-encoding': 'chunked', origin: SITE },
      })
      req.on('response', (res) => {
        let body = ''
        res.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      })
      req.on('error', reject)
      req.end(`--x\r\nContent-Disposition: form-data; name="otherInfo"\r\n\r\n${'x'.repeat(1_200_000)}\r\n--x--\r\n`)
    })
    expect(answer).toEqual({ status: 411, body: 'Förfrågan saknar uppgift om sin längd.' })
  })

  test('malformed and unknown personal links give the Swedish 404 page', async ({ request }) => {
    for (const path of [
      '/anmalan/x',
      `/anmalan/${'A'.repeat(22)}`,
      `/anmalan/${'a'.repeat(2000)}`,
      '/anmalan/%ZZ',
      '/anmalan/%E0%A4%A',
      '/anmalan/..%2F..%2Fetc%2Fpasswd',
      `/anmalan/${encodeURIComponent('"><script>alert(1)</script>')}`,
      "/anmalan/1' OR '1'='1",
      '/anmalan/x/avboka',
      '/anmalan/%ZZ/avboka',
      '/resor/%ZZ/anmalan',
      '/admin/resor/%ZZ',
    ]) {
      const response = await request.get(path)
      expect(response.status(), path).toBe(404)
      expect(await response.text(), path).toContain('Sidan finns inte')
      await expectNoCrash(response, path)
    }
  })

  test('form fields the signup does not know are ignored, not stored', async ({ request, db }) => {
    const trip = await createTestTrip(db, { hasOvernight: false })
    const email = `okanda.falt.${Date.now()}@example.se`
    const extra = { id: '424242', status: 'CANCELLED', tripId: '999999', checkedInAt: '2020-01-01', anonymisedAt: '2020-01-01', tokenHash: 'x'.repeat(64), admin: 'true' }
    const response = await postSignup(request, trip.slug, await signupForm(request, trip.slug), { ...answers(email), ...extra })
    expect(response.status()).toBe(303)
    const stored = await db.registration.findFirstOrThrow({ where: { email }, include: { links: true } })
    expect(stored).toMatchObject({ tripId: trip.id, status: 'CONFIRMED', checkedInAt: null, anonymisedAt: null, cancelledAt: null })
    expect(stored.id).not.toBe(424242)
    expect(stored.links.map((l) => l.tokenHash)).not.toContain('x'.repeat(64))
  })
})
