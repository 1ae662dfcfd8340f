// Requests the site refuses before Next.js sees them, each with a short Swedish answer and a 4xx
// status: Next.js itself answers some of them with a 500 (a server-action post from another
// origin, an unparsable Origin header) or handles them as if they were something else.
//
// What a page accepts besides GET and HEAD is a server action: a POST of multipart/form-data (a
// form sent without JavaScript, or with it, carrying files or FormData), or of text/plain with
// the `next-action` header (React's encoded arguments). Route handlers under /api/ read their own
// bodies (Better Auth's JSON) and answer other methods with 405 themselves.

import { isPhotoUploadPage, PHOTO_FORM_MAX_BYTES } from '../photos/limits'

/** The largest body the site reads, but for the photo forms' pages (below). */
export const MAX_BODY_BYTES = 1024 * 1024

/**
 * The largest body a request may have: a photo form's pages (the edit pages of trips and host
 * towns) take a photo of up to 10 MB, the limit Next.js is given for every server action
 * (serverActions.bodySizeLimit in next.config.ts), but only from a browser that carries an
 * organiser's session cookie: the proxy reads a body before any action checks the session, so
 * a stranger's post costs 1 MB at most. (The cookie is not verified here, which needs the
 * database; the action then refuses anyone not signed in.) Every other page: 1 MB.
 */
export function maxBodyBytes(request: Pick<GuardedRequest, 'pathname' | 'headers'>): number {
  return isPhotoUploadPage(request.pathname) && hasSessionCookie(request.headers) ? PHOTO_FORM_MAX_BYTES : MAX_BODY_BYTES
}

/** Better Auth's session cookie (cookiePrefix in lib/auth/auth.ts; __Secure- on https). */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?mjolbybussen\.session_token=[^;\s]/
const hasSessionCookie = (headers: Headers) => SESSION_COOKIE.test(headers.get('cookie') ?? '')

export type Refusal = {
  status: 400 | 403 | 405 | 411 | 413 | 415
  /** What the person (or program) is told, in Swedish. */
  message: string
  /** For the log: a fixed word, never the request's content. */
  reason: 'bad-length' | 'no-length' | 'too-large' | 'cross-site' | 'method' | 'content-type' | 'bad-body'
  headers?: Record<string, string>
}

export type GuardedRequest = { method: string; pathname: string; headers: Headers }

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export const REFUSAL_TEXT = {
  badLength: 'Förfrågan har en felaktig längd.',
  noLength: 'Förfrågan saknar uppgift om sin längd.',
  tooLarge: 'Förfrågan är för stor. Korta texten och försök igen.',
  photoTooLarge: 'Bilden är för stor: högst 10 MB. Gå tillbaka, förminska bilden och försök igen.',
  crossSite:
    'Förfrågan kom från en annan webbplats och har stoppats. Öppna sidan på Mjölbybussens webbplats och skicka formuläret därifrån.',
  method: 'Sidan tar inte emot den här sortens förfrågan.',
  contentType: 'Sidan tar inte emot data i det här formatet. Skicka formuläret från sidan.',
  badBody: 'Förfrågan gick inte att läsa och har inte sparats. Öppna sidan igen och skicka formuläret därifrån.',
} as const

/** A server action's body that Next.js could not decode (lib/http/action-body.ts). */
export const BAD_BODY: Refusal = { status: 400, message: REFUSAL_TEXT.badBody, reason: 'bad-body' }

/**
 * The request is a server action whose body must be checked before Next.js decodes it: what
 * refuseRequest lets through to a page (not /api/) with a body.
 */
export function isActionPost(request: GuardedRequest): boolean {
  return request.method.toUpperCase() === 'POST' && !request.pathname.startsWith('/api/') && isServerActionBody(request.headers)
}

export function refuseRequest(request: GuardedRequest): Refusal | null {
  const method = request.method.toUpperCase()
  if (SAFE_METHODS.has(method)) return null

  if (!sameOrigin(request.headers)) return { status: 403, message: REFUSAL_TEXT.crossSite, reason: 'cross-site' }

  const length = request.headers.get('content-length')
  if (length !== null) {
    if (!/^\d+$/.test(length.trim())) return { status: 400, message: REFUSAL_TEXT.badLength, reason: 'bad-length' }
    const limit = maxBodyBytes(request)
    if (Number(length) > limit)
      return { status: 413, message: limit === PHOTO_FORM_MAX_BYTES ? REFUSAL_TEXT.photoTooLarge : REFUSAL_TEXT.tooLarge, reason: 'too-large' }
  } else if (request.headers.has('transfer-encoding')) {
    // A body of unknown length: Next.js counts it itself and answers an oversized one with a bare
    // 500. Browsers send the length of every form and fetch body, so only other programs land here.
    return { status: 411, message: REFUSAL_TEXT.noLength, reason: 'no-length' }
  }

  if (request.pathname.startsWith('/api/')) return null

  if (method !== 'POST') {
    return { status: 405, message: REFUSAL_TEXT.method, reason: 'method', headers: { Allow: 'GET, HEAD, POST' } }
  }
  if (!isServerActionBody(request.headers)) {
    return { status: 415, message: REFUSAL_TEXT.contentType, reason: 'content-type' }
  }
  return null
}

/**
 * The browser's Origin names this site. As Next.js decides for server actions: the host the
 * request was sent to is the first X-Forwarded-Host (set by a reverse proxy), else Host. A request
 * without Origin is let through (Next.js does the same): browsers send Origin on every POST, so
 * only a hand-made request lacks it, and that carries no visitor's cookies against their will.
 */
export function sameOrigin(headers: Headers): boolean {
  const origin = headers.get('origin')
  if (origin === null) return true
  let originHost: string
  try {
    // "null" (a sandboxed frame, a no-referrer page) and anything that is not a URL land here.
    originHost = new URL(origin).host
  } catch {
    return false
  }
  if (!originHost) return false
  const forwardedHost = headers.get('x-forwarded-host')?.split(',')[0]?.trim()
  const host = forwardedHost || headers.get('host')
  // Compared exactly, as Next.js compares them: whatever passes here passes there.
  return host !== null && host !== '' && originHost === host
}

function isServerActionBody(headers: Headers): boolean {
  const type = (headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (type === 'multipart/form-data') return true
  return type === 'text/plain' && headers.has('next-action')
}

/** Every segment of the path is valid percent-encoding (Next.js decodes each to match a page). */
export function decodablePath(pathname: string): boolean {
  try {
    for (const segment of pathname.split('/')) decodeURIComponent(segment)
    return true
  } catch {
    return false
  }
}
