// The security headers of every response: fixed ones for every path in next.config.ts (cheap,
// for the cached pages), replaced per request by proxy.ts where they depend on the request. Pure
// functions of the request's path and headers, so they are unit-tested without Next.js.
//
// Three Content-Security-Policies, because a nonce needs a page rendered per request:
// - 'nonce': pages rendered per request (the admin, the personal-link pages) and every
//   non-GET request (a form posted without JavaScript is answered with a page rendered for that
//   request). Scripts run only with this response's nonce, which Next.js puts on its own scripts
//   ('strict-dynamic' lets them load the rest of the app).
// - 'cached': the public pages served from Next.js's page cache (ISR). Their HTML is made once for
//   everybody, so it cannot carry a per-request nonce, and its inline scripts (React's data for
//   hydration) change with the content, so no hash fixed at build fits them either. This fixed
//   policy allows scripts from this site only, and inline; nothing from other origins, no eval, no
//   plugins, no <base>. The page cache adds a second policy to every page it holds, with the hashes
//   of that page's own inline scripts (lib/http/csp-cache-handler.mjs); the browser enforces both,
//   so there only those inline scripts run. 'unsafe-inline' stays here for the public responses
//   that do not come from the page cache (rendered per request outside the proxy's matcher).
// - 'none': API answers and static files, which are no documents: nothing may load at all.

export type CspKind = 'nonce' | 'cached' | 'none'

/** Pages that are rendered for every request (see the `dynamic` export of each page). */
function rendersPerRequest(pathname: string): boolean {
  if (pathname === '/admin' || pathname.startsWith('/admin/')) return true
  // The interest list's links (app/meddela-mig/bekrafta and avsluta).
  if (/^\/meddela-mig\/(?:bekrafta|avsluta)\/[^/]+/.test(pathname)) return true
  // /anmalan/<token> and below; /anmalan/avbokad is a fixed page, built once.
  return /^\/anmalan\/(?!avbokad(?:\/|$))[^/]+/.test(pathname)
}

export function cspKind(pathname: string, method: string): CspKind {
  if (pathname.startsWith('/api/') || pathname.startsWith('/_next/static/')) return 'none'
  if (method !== 'GET' && method !== 'HEAD') return 'nonce'
  return rendersPerRequest(pathname) ? 'nonce' : 'cached'
}

/**
 * `https`: served over HTTPS (see isHttps). `development`: `next dev`, where React needs eval for
 * its debugging aids and Next.js injects styles.
 */
export function contentSecurityPolicy(kind: CspKind, opts: { nonce?: string; https: boolean; development?: boolean }): string {
  if (kind === 'none') {
    return "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
  }
  if (kind === 'nonce' && !opts.nonce) throw new Error('a nonce policy needs a nonce')
  const eval_ = opts.development ? " 'unsafe-eval'" : ''
  const scriptSrc =
    kind === 'nonce' ? `'self' 'nonce-${opts.nonce}' 'strict-dynamic'${eval_}` : `'self' 'unsafe-inline'${eval_}`
  const directives = [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    `style-src 'self'${opts.development ? " 'unsafe-inline'" : ''}`,
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ]
  // Over plain HTTP (a local run) this would send the browser to an https:// that is not there.
  if (opts.https) directives.push('upgrade-insecure-requests')
  return directives.join('; ')
}

/** A fresh nonce: 128 random bits, base64 (the characters Next.js looks for in 'nonce-…'). */
export function createNonce(): string {
  const bytes = new Uint8Array(16)
  crypto.getRandomValues(bytes)
  return btoa(String.fromCharCode(...bytes))
}

// Features the site never uses, switched off for it and for anything it could be made to embed.
const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'camera=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'payment=()',
  'usb=()',
].join(', ')

/**
 * The headers for one response. `csp` is the policy built for it (the same value goes into the
 * request headers, where Next.js finds the nonce).
 */
export function securityHeaders(ctx: { https: boolean }, csp: string): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': csp,
    // same-origin, not no-referrer: with no-referrer the browser posts forms with Origin: null,
    // which Next.js refuses for server actions. Personal links (/anmalan/<token>) never leave the site.
    'Referrer-Policy': 'same-origin',
    'X-Content-Type-Options': 'nosniff',
    // frame-ancestors says the same to browsers that read CSP; this is for those that do not.
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': PERMISSIONS_POLICY,
    'Cross-Origin-Opener-Policy': 'same-origin',
  }
  if (ctx.https) headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains'
  return headers
}

/** Whether the request came over HTTPS, as far as the site can tell. */
export function isHttps(publicUrl: string | undefined, forwardedProto: string | null): boolean {
  if (publicUrl?.toLowerCase().startsWith('https:')) return true
  // A chain of proxies lists one protocol each; the first is the client's.
  return forwardedProto?.split(',')[0]?.trim().toLowerCase() === 'https'
}
