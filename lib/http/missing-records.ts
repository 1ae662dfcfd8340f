// Does a GET of a page rendered per request name a record that does not exist? For the proxy, so
// that such a request is answered with the not-found page before the page renders.
//
// Why before: when a page rendered per request calls notFound(), Next.js answers 404 with an empty
// document whose not-found view only JavaScript draws (vercel/next.js#62228); a request the proxy
// rewrites to a path no route matches gets the not-found page as HTML, with status 404. The cached
// public pages need no such check: their layouts decide it (components/not-found-page.tsx).
//
// The checks mirror the pages' own: a personal link (its registration, as /anmalan/[token] finds
// it) and, for a signed-in organiser only, the admin's trips, registrations, programme items,
// list kinds and host cities. Without a session the admin page sends the visitor to sign in, and
// the answer must not tell a stranger whether a trip exists.
import { LIST_KINDS, type ListKind } from '@/lib/admin/trip-lists'
import { organiserFromHeaders } from '@/lib/auth/organiser-session'
import { db } from '@/lib/db'
import { findEmailChange } from '@/lib/registrations/email-change'
import { findRegistrationByToken } from '@/lib/registrations/manage'

const positiveId = (value: string | undefined) => (value && /^\d{1,9}$/.test(value) && Number(value) > 0 ? Number(value) : null)

async function missingPersonalLink(segments: string[]): Promise<boolean> {
  // /anmalan/avbokad is a page of its own; /anmalan/[token]/mina-uppgifter is a route handler
  // that answers its own 404.
  const [token, sub, ...rest] = segments
  // /anmalan/bekrafta-epost/[token]: the link in an address-confirmation e-mail.
  if (token === 'bekrafta-epost') return rest.length === 0 && (sub === undefined || (await findEmailChange(sub)) === null)
  if (!token || token === 'avbokad' || rest.length > 0 || (sub !== undefined && sub !== 'avboka')) return false
  return (await findRegistrationByToken(token)) === null
}

async function missingAdminRecord(segments: string[]): Promise<boolean> {
  const [area, slug, sub, id, ...rest] = segments
  if (!slug || slug === 'ny') return false
  if (area === 'orter') return segments.length === 2 && (await db().hostCity.findUnique({ where: { slug }, select: { id: true } })) === null
  if (area !== 'resor') return false
  const trip = await db().trip.findUnique({ where: { slug }, select: { id: true } })
  if (!trip) return true
  if (sub === 'anmalan' && id !== undefined && rest.length === 0) {
    const registrationId = positiveId(id)
    return registrationId === null || (await db().registration.count({ where: { id: registrationId, tripId: trip.id } })) === 0
  }
  if (sub === 'redigera' && id === 'program' && rest.length === 1) {
    const itemId = positiveId(rest[0])
    return itemId === null || (await db().programmeItem.count({ where: { id: itemId, tripId: trip.id } })) === 0
  }
  if (sub === 'listor' && id === 'visa' && rest.length === 1) return !LIST_KINDS.includes(rest[0] as ListKind)
  return false
}

/** True when the path is a per-request page whose record does not exist (the page would 404). */
export async function namesMissingRecord(pathname: string, headers: Headers): Promise<boolean> {
  const segments = pathname
    .split('/')
    .filter(Boolean)
    .map((s) => decodeURIComponent(s))
  if (segments[0] === 'anmalan') return missingPersonalLink(segments.slice(1))
  if (segments[0] === 'admin' && (segments[1] === 'resor' || segments[1] === 'orter')) {
    if (!(await organiserFromHeaders(headers))) return false
    return missingAdminRecord(segments.slice(1))
  }
  return false
}
