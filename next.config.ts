import { fileURLToPath } from 'node:url'
import type { NextConfig } from 'next'
import { contentSecurityPolicy, isHttps, securityHeaders } from './lib/http/security-headers'
import { readBuildIdentity } from './lib/build-identity'
import { PHOTO_FORM_MAX_BYTES } from './lib/photos/limits'

const development = process.env.NODE_ENV === 'development'
// Decided when the site is built (Next.js keeps these rules in its build); behind a proxy that
// terminates TLS, X-Forwarded-Proto: https turns on the HTTPS variant per request as well.
const httpsPublicUrl = isHttps(process.env.PUBLIC_URL, null)
const asHeaders = (headers: Record<string, string>) => Object.entries(headers).map(([key, value]) => ({ key, value }))
const pageHeaders = (https: boolean) =>
  asHeaders(securityHeaders({ https }, contentSecurityPolicy('cached', { https, development })))

const nextConfig: NextConfig = {
  // Tests build into their own folder so that a test run never leaves its pages in the build
  // that `npm start` serves.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // The build's id (lib/build-identity.ts): `npm run build` sets it; `next start` reads it back from
  // the build, so that every instance of one build says the same and a page from an older build
  // notices the newer one (Next.js then loads the next page in full instead of mixing builds).
  deploymentId: process.env.NEXT_DEPLOYMENT_ID || readBuildIdentity()?.deploymentId,
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tsc) once; builds need not do it again.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
  experimental: {
    // A photo upload (lib/photos/limits.ts): Next.js has one limit for every server action, so
    // the proxy keeps every other page at 1 MB (lib/http/request-guards.ts). The proxy's copy of
    // a body must hold the whole of it, or the action would get a cut-off file.
    serverActions: { bodySizeLimit: PHOTO_FORM_MAX_BYTES },
    proxyClientMaxBodySize: PHOTO_FORM_MAX_BYTES,
  },
  // Next.js's own page cache, which also gives each cached page a second Content-Security-Policy
  // allowing its inline scripts by hash, computed once when the page is rendered
  // (lib/http/csp-cache-handler.mjs, lib/http/inline-script-hashes.mjs), and shares every
  // revalidation with the other instances through PostgreSQL (lib/cache/page-cache-handler.mjs).
  cacheHandler: fileURLToPath(new URL('./lib/cache/page-cache-handler.mjs', import.meta.url)),
  async headers() {
    // The security headers of every response (lib/http/security-headers.ts). These fixed ones
    // cost nothing per request, so the cached public pages stay as fast as without them;
    // proxy.ts runs only where the headers depend on the request (a nonce, a posted form) and
    // replaces them there.
    return [
      { source: '/:path*', headers: pageHeaders(httpsPublicUrl) },
      {
        source: '/:path*',
        has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https(?:\\s*,.*)?' }],
        headers: pageHeaders(true),
      },
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: contentSecurityPolicy('none', { https: false }) }] },
      { source: '/_next/static/:path*', headers: [{ key: 'Content-Security-Policy', value: contentSecurityPolicy('none', { https: false }) }] },
      // The personal link is in the URL: never index it (and Referrer-Policy same-origin, above,
      // keeps it from other sites).
      { source: '/anmalan/:token*', headers: [{ key: 'X-Robots-Tag', value: 'noindex, nofollow' }] },
      { source: '/meddela-mig/:path*', headers: [{ key: 'X-Robots-Tag', value: 'noindex, nofollow' }] },
    ]
  },
}

export default nextConfig
