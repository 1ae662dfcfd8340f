// The headers and the refusals proxy.ts applies, decided from the request alone.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { withScriptHashes } from '../../lib/http/csp-cache-handler.mjs'
import { frameworkScriptHashes, inlineScriptPolicy, isFrameworkScript } from '../../lib/http/inline-script-hashes.mjs'
import { decodablePath, MAX_BODY_BYTES, maxBodyBytes, refuseRequest, sameOrigin } from '../../lib/http/request-guards'
import { PHOTO_FORM_MAX_BYTES, PHOTO_MAX_BYTES } from '../../lib/photos/limits'
import { contentSecurityPolicy, createNonce, cspKind, isHttps, securityHeaders } from '../../lib/http/security-headers'

const directives = (csp: string) =>
  Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]))

describe('which policy a request gets', () => {
  it.each([
    ['/', 'GET', 'cached'],
    ['/resor/2024-boras', 'GET', 'cached'],
    ['/resor/2024-boras/anmalan', 'HEAD', 'cached'],
    ['/anmalan/avbokad', 'GET', 'cached'],
    ['/finns-inte', 'GET', 'cached'],
    ['/anmalan/abc123', 'GET', 'nonce'],
    ['/anmalan/abc123/avboka', 'GET', 'nonce'],
    ['/admin', 'GET', 'nonce'],
    ['/admin/logga-in', 'GET', 'nonce'],
    ['/admin/resor/2024-boras/listor/alla', 'GET', 'nonce'],
    // A form posted without JavaScript is answered with a page rendered for that request.
    ['/resor/2024-boras/anmalan', 'POST', 'nonce'],
    ['/api/health', 'GET', 'none'],
    ['/api/auth/sign-out', 'POST', 'none'],
    ['/_next/static/chunks/app.js', 'GET', 'none'],
  ] as const)('%s %s: %s', (pathname, method, kind) => {
    expect(cspKind(pathname, method)).toBe(kind)
  })

  it('does not take /administration or /anmalanx for the admin or a personal link', () => {
    expect(cspKind('/administration', 'GET')).toBe('cached')
    expect(cspKind('/anmalanx/abc', 'GET')).toBe('cached')
    expect(cspKind('/anmalan', 'GET')).toBe('cached')
  })
})

describe('Content-Security-Policy', () => {
  it('lets only scripts with the nonce run on pages rendered per request', () => {
    const d = directives(contentSecurityPolicy('nonce', { nonce: 'abc123==', https: false }))
    expect(d['script-src']).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"])
    expect(d['script-src']).not.toContain("'unsafe-inline'")
    expect(d['script-src']).not.toContain("'unsafe-eval'")
  })

  it('allows inline scripts from the page itself on cached pages, and nothing from elsewhere', () => {
    const d = directives(contentSecurityPolicy('cached', { https: false }))
    expect(d['script-src']).toEqual(["'self'", "'unsafe-inline'"])
  })

  it.each(['nonce', 'cached'] as const)('is strict about everything but scripts (%s)', (kind) => {
    const d = directives(contentSecurityPolicy(kind, { nonce: 'n', https: false }))
    expect(d).toMatchObject({
      'default-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'"],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
    })
    expect(d).not.toHaveProperty('upgrade-insecure-requests')
  })

  it('lets nothing load into API answers and static files', () => {
    expect(directives(contentSecurityPolicy('none', { https: true }))).toEqual({
      'default-src': ["'none'"],
      'frame-ancestors': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
    })
  })

  it('upgrades insecure requests only over HTTPS', () => {
    expect(directives(contentSecurityPolicy('cached', { https: true }))).toHaveProperty('upgrade-insecure-requests')
  })

  it("adds 'unsafe-eval' and inline styles only in development, as React's dev tools need", () => {
    const dev = directives(contentSecurityPolicy('nonce', { nonce: 'n', https: false, development: true }))
    expect(dev['script-src']).toContain("'unsafe-eval'")
    expect(dev['style-src']).toContain("'unsafe-inline'")
  })

  it('refuses to build a nonce policy without a nonce', () => {
    expect(() => contentSecurityPolicy('nonce', { https: false })).toThrow()
  })

  it('makes a new nonce each time, of 128 bits, in the characters Next.js reads', () => {
    const nonces = new Set(Array.from({ length: 200 }, () => createNonce()))
    expect(nonces.size).toBe(200)
    for (const nonce of nonces) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/)
      expect(Buffer.from(nonce, 'base64')).toHaveLength(16)
    }
  })
})

describe('the other headers', () => {
  it('are on every response, HSTS only over HTTPS', () => {
    const plain = securityHeaders({ https: false }, 'csp')
    expect(plain).toEqual({
      'Content-Security-Policy': 'csp',
      'Referrer-Policy': 'same-origin',
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Permissions-Policy': expect.stringContaining('camera=()'),
      'Cross-Origin-Opener-Policy': 'same-origin',
    })
    expect(securityHeaders({ https: true }, 'csp')['Strict-Transport-Security']).toBe('max-age=31536000; includeSubDomains')
  })

  it.each([
    ['https://mjolbybussen.mjolby.se', null, true],
    ['http://localhost:3000', 'https', true],
    ['http://localhost:3000', 'HTTPS, http', true],
    [undefined, 'https', true],
    ['http://localhost:3000', 'http', false],
    ['http://localhost:3000', 'http, https', false],
    [undefined, null, false],
  ])('HTTPS with PUBLIC_URL %s and X-Forwarded-Proto %s: %s', (publicUrl, proto, https) => {
    expect(isHttps(publicUrl, proto)).toBe(https)
  })
})

const request = (method: string, pathname: string, headers: Record<string, string> = {}) => ({
  method,
  pathname,
  headers: new Headers({ host: 'mjolbybussen.mjolby.se', ...headers }),
})
const form = { 'content-type': 'multipart/form-data; boundary=x', 'content-length': '300' }

describe('requests refused before Next.js sees them', () => {
  it('lets reading through, whatever it carries', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS']) {
      expect(refuseRequest(request(method, '/resor', { origin: 'https://evil.example', 'content-type': 'application/json' }))).toBeNull()
    }
  })

  it('lets a form from the site through, and a server action called by the page’s JavaScript', () => {
    expect(refuseRequest(request('POST', '/resor/2024-boras/anmalan', { ...form, origin: 'https://mjolbybussen.mjolby.se' }))).toBeNull()
    const fetchAction = { 'content-type': 'text/plain;charset=UTF-8', 'content-length': '40', 'next-action': '7f00aa' }
    expect(refuseRequest(request('POST', '/admin/logga-in', { ...fetchAction, origin: 'https://mjolbybussen.mjolby.se' }))).toBeNull()
  })

  it.each(['https://evil.example', 'http://mjolbybussen.mjolby.se.evil.example', 'https://mjolbybussen.mjolby.se:8443', 'null', 'not a url', ''])(
    'refuses a post from another origin with 403 (Origin: %j)',
    (origin) => {
      expect(refuseRequest(request('POST', '/resor/2024-boras/anmalan', { ...form, origin }))).toMatchObject({
        status: 403,
        reason: 'cross-site',
        message: expect.stringMatching(/annan webbplats/),
      })
    },
  )

  it('refuses cross-site posts to the API too (Better Auth’s sign-out)', () => {
    expect(refuseRequest(request('POST', '/api/auth/sign-out', { origin: 'https://evil.example', 'content-length': '2' }))?.status).toBe(403)
  })

  it('compares with the host a reverse proxy forwarded, as Next.js does', () => {
    const behindProxy = { ...form, host: '10.0.0.5:3000', 'x-forwarded-host': 'mjolbybussen.mjolby.se, 10.0.0.1' }
    expect(sameOrigin(new Headers({ ...behindProxy, origin: 'https://mjolbybussen.mjolby.se' }))).toBe(true)
    expect(sameOrigin(new Headers({ ...behindProxy, origin: 'http://10.0.0.5:3000' }))).toBe(false)
  })

  it('lets a post without Origin through (only hand-made requests lack it; Next.js lets them in too)', () => {
    expect(refuseRequest(request('POST', '/resor/2024-boras/anmalan', form))).toBeNull()
  })

  it('refuses a body over 1 MB with 413, and one of unknown or malformed length', () => {
    const big = { ...form, 'content-length': String(MAX_BODY_BYTES + 1) }
    expect(refuseRequest(request('POST', '/resor/2024-boras/anmalan', big))).toMatchObject({ status: 413, message: expect.stringMatching(/för stor/) })
    expect(refuseRequest(request('POST', '/resor/2024-boras/anmalan', { ...form, 'content-length': String(MAX_BODY_BYTES) }))).toBeNull()
    const chunked = { 'content-type': form['content-type'], 'transfer-encoding': 'chunked' }
    expect(refuseRequest(request('POST', '/resor/2024-boras/anmalan', chunked))?.status).toBe(411)
    expect(refuseRequest(request('POST', '/resor/2024-boras/anmalan', { ...form, 'content-length': '-1' }))?.status).toBe(400)
  })

  it('takes a photo form’s larger body only on the edit pages of trips and host towns, from a browser with a session cookie, and names the photo when refusing', () => {
    const session = { cookie: 'other=1; mjolbybussen.session_token=abc.def' }
    const sized = (n: number, extra: Record<string, string> = session) => ({ ...form, 'content-length': String(n), ...extra })
    const limit = (pathname: string, headers: Record<string, string>) => maxBodyBytes({ pathname, headers: new Headers(headers) })
    for (const page of ['/admin/resor/2024-boras/redigera', '/admin/orter/mora']) {
      expect(limit(page, session)).toBe(PHOTO_FORM_MAX_BYTES)
      expect(limit(page, { cookie: '__Secure-mjolbybussen.session_token=abc' })).toBe(PHOTO_FORM_MAX_BYTES)
      expect(refuseRequest(request('POST', page, sized(PHOTO_MAX_BYTES + 100_000)))).toBeNull()
      expect(refuseRequest(request('POST', page, sized(PHOTO_FORM_MAX_BYTES + 1)))).toMatchObject({ status: 413, message: expect.stringMatching(/^Bilden är för stor: högst 10 MB/) })
      // A stranger (no session cookie, or an empty one) gets the 1 MB of every other page.
      const strangers: Record<string, string>[] = [{}, { cookie: 'mjolbybussen.session_token=' }, { cookie: 'xmjolbybussen.session_token=abc' }]
      for (const stranger of strangers) {
        expect(limit(page, stranger)).toBe(MAX_BODY_BYTES)
        expect(refuseRequest(request('POST', page, sized(MAX_BODY_BYTES + 1, stranger)))).toMatchObject({ status: 413, message: expect.stringMatching(/^Förfrågan är för stor/) })
      }
    }
    for (const page of ['/admin/orter/ny', '/admin/resor/ny', '/admin/resor/2024-boras', '/admin/resor/2024-boras/redigera/program/1', '/resor/2024-boras/anmalan', '/admin/orter/mora/x']) {
      expect(limit(page, session)).toBe(MAX_BODY_BYTES)
      expect(refuseRequest(request('POST', page, sized(MAX_BODY_BYTES + 1)))).toMatchObject({ status: 413, message: expect.stringMatching(/^Förfrågan är för stor/) })
    }
  })

  it.each([
    ['application/json', {}],
    ['application/x-www-form-urlencoded', {}],
    ['text/plain', {}],
    ['application/xml', { 'next-action': '7f00aa' }],
    ['', {}],
  ])('refuses a page post of %j with 415', (type, extra) => {
    const headers = { 'content-length': '10', ...extra, ...(type ? { 'content-type': type } : {}) }
    expect(refuseRequest(request('POST', '/resor/2024-boras/anmalan', headers))).toMatchObject({
      status: 415,
      message: expect.stringMatching(/format/),
    })
  })

  it('answers other methods on pages with 405 and says which are allowed', () => {
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      expect(refuseRequest(request(method, '/resor', form))).toMatchObject({ status: 405, headers: { Allow: 'GET, HEAD, POST' } })
    }
  })

  it('leaves the body types of route handlers under /api/ to them', () => {
    expect(refuseRequest(request('POST', '/api/auth/sign-out', { 'content-type': 'application/json', 'content-length': '2' }))).toBeNull()
  })

  it('answers in Swedish, never echoing the request', () => {
    const refusal = refuseRequest(request('POST', '/resor', { 'content-type': '<script>alert(1)</script>', 'content-length': '1' }))
    expect(refusal?.message).toBe('Sidan tar inte emot data i det här formatet. Skicka formuläret från sidan.')
  })
})

describe('paths that cannot be decoded', () => {
  it.each(['/anmalan/%ZZ', '/anmalan/%E0%A4%A', '/resor/%/anmalan', '/%C3'])('%s', (pathname) => {
    expect(decodablePath(pathname)).toBe(false)
  })
  it.each(['/', '/anmalan/abc-123_XYZ', '/orter/h%C3%B6gan%C3%A4s', '/anmalan/%2e%2e'])('are told from those that can (%s)', (pathname) => {
    expect(decodablePath(pathname)).toBe(true)
  })
})

describe('next.config.ts: the fixed headers of responses the proxy does not see', () => {
  type Rule = { source: string; has?: { type: string; key: string; value?: string }[]; headers: { key: string; value: string }[] }
  const rulesFor = async (publicUrl: string | undefined): Promise<Rule[]> => {
    const saved = process.env.PUBLIC_URL
    if (publicUrl === undefined) delete process.env.PUBLIC_URL
    else process.env.PUBLIC_URL = publicUrl
    try {
      vi.resetModules() // next.config.ts reads PUBLIC_URL when it is loaded
      const { default: config } = await import('../../next.config')
      return (await config.headers!()) as Rule[]
    } finally {
      if (saved === undefined) delete process.env.PUBLIC_URL
      else process.env.PUBLIC_URL = saved
    }
  }
  const header = (rule: Rule | undefined, key: string) => rule?.headers.find((h) => h.key === key)?.value

  it('gives every path the cached pages’ policy and the other headers, the same as the proxy builds', async () => {
    const rules = await rulesFor('http://localhost:3000')
    const all = rules.find((r) => r.source === '/:path*' && !r.has)
    expect(Object.fromEntries(all!.headers.map((h) => [h.key, h.value]))).toEqual(
      securityHeaders({ https: false }, contentSecurityPolicy('cached', { https: false })),
    )
  })

  it('adds HSTS behind a TLS-terminating proxy (X-Forwarded-Proto: https), and always with an https PUBLIC_URL', async () => {
    const viaProxy = (await rulesFor('http://localhost:3000')).find((r) => r.has?.some((h) => h.key === 'x-forwarded-proto'))
    expect(header(viaProxy, 'Strict-Transport-Security')).toBe('max-age=31536000; includeSubDomains')
    expect(header(viaProxy, 'Content-Security-Policy')).toContain('upgrade-insecure-requests')
    expect(new RegExp(`^${viaProxy!.has![0]!.value}$`).test('https')).toBe(true)
    expect(new RegExp(`^${viaProxy!.has![0]!.value}$`).test('http')).toBe(false)

    const https = (await rulesFor('https://mjolbybussen.mjolby.se')).find((r) => r.source === '/:path*' && !r.has)
    expect(header(https, 'Strict-Transport-Security')).toBe('max-age=31536000; includeSubDomains')
  })

  it('lets nothing load into API answers and static files, the later rule winning', async () => {
    const rules = await rulesFor(undefined)
    for (const source of ['/api/:path*', '/_next/static/:path*']) {
      const index = rules.findIndex((r) => r.source === source)
      expect(index, source).toBeGreaterThan(rules.findIndex((r) => r.source === '/:path*'))
      expect(header(rules[index], 'Content-Security-Policy')).toBe(contentSecurityPolicy('none', { https: false }))
    }
  })
})

describe('the cached pages’ second policy: their inline scripts by hash', () => {
  const sha256 = (source: string) => `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`
  const START = '(self.__next_f=self.__next_f||[]).push([0])'
  const DATA = 'self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n2:[\\"$\\",\\"p\\",null,{\\"children\\":\\"Hej \\u003cb\\u003e och åäö\\"}]\\n"])'
  const BOOTSTRAP = '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/2wmuvsdzlv-9a.js"],"runtimeModuleIds":[94553]});'
  const page = (body: string) =>
    `<!DOCTYPE html><html lang="sv"><head><script src="/_next/static/chunks/a.js" async=""></script><script id="_R_">${BOOTSTRAP}</script></head><body>${body}<script>${START}</script><script>${DATA}</script></body></html>`

  it('knows the shapes Next.js writes', () => {
    for (const source of [START, DATA, BOOTSTRAP, 'self.__next_f.push([3,"AAEC"])']) expect(isFrameworkScript(source), source).toBe(true)
  })

  it('refuses anything else, however close to them', () => {
    for (const source of [
      'alert(1)',
      'self.__next_f.push([1,"x"]);alert(1)',
      'self.__next_f.push([1,"x"]),alert(1),self.__next_f.push([1,"y"])',
      'self.__next_f.push([1,"x"+alert(1)+"y"])',
      'self.__next_f.push([1,`${alert(1)}`])',
      'self.__next_f.push([1,"</script><script>alert(1)"])',
      'self.__next_f.push([2,alert(1)])',
      ' (self.__next_f=self.__next_f||[]).push([0])',
      '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["https://elsewhere.test/x.js"]});',
      '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":[],"code":"alert(1)"});',
      '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":[]}.constructor.constructor("alert(1)")());',
    ]) {
      expect(isFrameworkScript(source), source).toBe(false)
    }
  })

  it('hashes the page’s own inline scripts, not external ones nor injected ones', () => {
    const html = page('<p>Text</p><script>alert(1)</script><script >window.x = 1</script>')
    expect(frameworkScriptHashes(html)).toEqual([sha256(BOOTSTRAP), sha256(START), sha256(DATA)])
    expect(inlineScriptPolicy(html)).toBe(`script-src 'self' ${sha256(BOOTSTRAP)} ${sha256(START)} ${sha256(DATA)}`)
    expect(inlineScriptPolicy('<p>Inga skript</p>')).toBe("script-src 'self'")
  })

  it('is added once to a cached page, kept when it is already there, and only to pages', () => {
    const value: { kind: string; html: string; headers?: Record<string, unknown> } = { kind: 'APP_PAGE', html: page(''), headers: { 'x-nextjs-stale-time': '300' } }
    withScriptHashes(value)
    expect(value.headers).toEqual({ 'x-nextjs-stale-time': '300', 'content-security-policy': inlineScriptPolicy(page('')) })
    const kept = { kind: 'APP_PAGE', html: page('<script>alert(1)</script>'), headers: { 'content-security-policy': "script-src 'self' 'sha256-x'" } }
    withScriptHashes(kept)
    expect(kept.headers['content-security-policy']).toBe("script-src 'self' 'sha256-x'")
    const route = { kind: 'APP_ROUTE', html: 'x', headers: {} }
    withScriptHashes(route)
    expect(route.headers).toEqual({})
    expect(() => withScriptHashes(null)).not.toThrow()
  })

  it('is what next.config.ts sets as the page cache', async () => {
    vi.resetModules()
    const { default: config } = await import('../../next.config')
    expect(config.cacheHandler).toBe(path.resolve('lib/cache/page-cache-handler.mjs'))
    expect(fs.existsSync(config.cacheHandler!)).toBe(true)
    // The shared page cache (lib/cache) is the CSP one with revalidations shared across instances.
    const { default: Handler } = await import('../../lib/cache/page-cache-handler.mjs')
    const { default: CspHandler } = await import('../../lib/http/csp-cache-handler.mjs')
    expect(Handler.prototype).toBeInstanceOf(CspHandler)
    expect(typeof Handler.prototype.get).toBe('function')
    expect(typeof Handler.prototype.set).toBe('function')
  })
})
