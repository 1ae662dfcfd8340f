// Next.js's Proxy (formerly middleware), on the requests its matcher (below) selects: refuses
// hostile requests with a short Swedish 4xx (lib/http/request-guards.ts) and sets the security
// headers with this request's Content-Security-Policy (lib/http/security-headers.ts), replacing
// the fixed ones next.config.ts gives every response.
import { NextResponse, type NextRequest } from 'next/server'
import { databaseAnswers } from '@/lib/health'
import { OUTAGE_RETRY_AFTER_SECONDS, outagePage } from '@/lib/http/outage-page'
import { checkActionBody } from '@/lib/http/action-body'
import { namesMissingRecord } from '@/lib/http/missing-records'
import { staleFormAnswer } from '@/lib/http/stale-form'
import { BAD_BODY, decodablePath, isActionPost, refuseRequest, type Refusal } from '@/lib/http/request-guards'
import { contentSecurityPolicy, createNonce, cspKind, isHttps, securityHeaders, type CspKind } from '@/lib/http/security-headers'
import { log } from '@/lib/log'

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl
  const https = isHttps(process.env.PUBLIC_URL, request.headers.get('x-forwarded-proto'))
  const development = process.env.NODE_ENV === 'development'
  const headersFor = (kind: CspKind) => {
    const nonce = kind === 'nonce' ? createNonce() : undefined
    const csp = contentSecurityPolicy(kind, { nonce, https, development })
    return { csp, headers: securityHeaders({ https }, csp) }
  }

  const guarded = { method: request.method, pathname, headers: request.headers }
  let refusal: Refusal | null = refuseRequest(guarded)
  // A server action's body that Next.js would fail to decode (a 500): refused here first. The
  // proxy reads a copy of the body, which Next.js keeps (at most 1 MB, or a photo form's 11 MB:
  // lib/http/request-guards.ts).
  let body: ArrayBuffer | undefined
  const readBody = async () => (body ??= await request.arrayBuffer())
  if (!refusal && isActionPost(guarded)) {
    const fault = await checkActionBody(readBody, request.headers.get('content-type') ?? '', request.headers.has('next-action'), request.signal)
    if (fault) refusal = BAD_BODY
  }
  // A form from an earlier build (a rolling deploy) whose action this build lacks: a Swedish page
  // showing what was typed instead of Next.js's bare "Invalid Server Actions request." (lib/http/stale-form.ts).
  if (!refusal && body && !request.headers.has('next-action')) {
    const page = await staleFormAnswer(body, request.headers.get('content-type') ?? '', pathname + request.nextUrl.search)
    if (page) {
      log.warn('request.unknown_action', { area: pathname.split('/')[1] || '/' })
      return new NextResponse(page, {
        status: 409,
        headers: { ...headersFor('none').headers, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
      })
    }
  }
  if (refusal) {
    // The path's first segment only: a personal link's token must not reach the log.
    const area = pathname.split('/')[1] || '/'
    log.warn('request.refused', { status: refusal.status, reason: refusal.reason, method: request.method, area })
    return new NextResponse(refusal.message, {
      status: refusal.status,
      headers: {
        ...headersFor('none').headers,
        ...refusal.headers,
        'Content-Type': 'text/plain; charset=utf-8',
        'Cache-Control': 'no-store',
      },
    })
  }

  // A path that cannot be decoded (a cut-off link: /anmalan/%E0%A4) makes Next.js fail with a bare
  // 500 while it matches the path to a page. It is a page that does not exist: the not-found page
  // (built once, so the cached pages' policy) says so.
  if (!decodablePath(pathname)) {
    return NextResponse.rewrite(new URL('/404', request.url), { status: 404, headers: headersFor('cached').headers })
  }

  const kind = cspKind(pathname, request.method)
  // Everything that reaches here as a 'nonce' request is rendered or acted on now, with the
  // database. While that is away, Next.js would answer a bare 500: answer politely instead.
  if (kind === 'nonce' && !(await databaseAnswers())) {
    log.warn('request.database_unavailable', { method: request.method, area: pathname.split('/')[1] || '/' })
    return new NextResponse(outagePage({ posted: request.method !== 'GET' && request.method !== 'HEAD', path: pathname + request.nextUrl.search }), {
      status: 503,
      headers: {
        ...headersFor('none').headers,
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        'Retry-After': String(OUTAGE_RETRY_AFTER_SECONDS),
      },
    })
  }
  // A per-request page whose record does not exist: the not-found page (built once, so the cached
  // pages' policy), decided here because such a page's own notFound() sends Next.js's empty
  // document without JavaScript (vercel/next.js#62228; lib/http/missing-records.ts).
  if ((request.method === 'GET' || request.method === 'HEAD') && (await namesMissingRecord(pathname, request.headers))) {
    return NextResponse.rewrite(new URL('/404', request.url), { status: 404, headers: headersFor('cached').headers })
  }
  const { csp, headers } = headersFor(kind)
  // Next.js reads the nonce from the request's Content-Security-Policy and puts it on its scripts.
  // Only our nonce policies go there (never one the client sent): a cached page is rendered without.
  const requestHeaders = new Headers(request.headers)
  requestHeaders.delete('Content-Security-Policy-Report-Only')
  if (kind === 'nonce') requestHeaders.set('Content-Security-Policy', csp)
  else requestHeaders.delete('Content-Security-Policy')
  const response = NextResponse.next({ request: { headers: requestHeaders } })
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value)
  return response
}

// Where the proxy runs. Running it costs as much as serving a cached page, so GET and HEAD of the
// public pages do not go through it: next.config.ts gives them their fixed headers. It runs on
// the pages rendered per request (nonces), on every request that carries a body or an Origin
// (server actions, other methods, other sites' posts), and on paths with percent-encoding
// (a broken one must become a 404, not Next.js's 500).
export const config = {
  matcher: [
    '/admin',
    '/admin/:path*',
    '/anmalan/:path*',
    '/meddela-mig/:path*',
    { source: '/:path*', has: [{ type: 'header', key: 'content-type' }] },
    { source: '/:path*', has: [{ type: 'header', key: 'content-length' }] },
    { source: '/:path*', has: [{ type: 'header', key: 'transfer-encoding' }] },
    { source: '/:path*', has: [{ type: 'header', key: 'origin' }] },
    '/(.*%.*)',
  ],
}
