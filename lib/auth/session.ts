// Who is signed in, and the one guard of the admin. Every admin page and server action begins with
// `await requireOrganiser()` (no session: to the sign-in page); every admin route handler is
// wrapped in `organiserRoute()` (no session: 401). tests/e2e/admin-auth.spec.ts calls every one of
// them over HTTP without a session. Better Auth reads the session token from the cookie and looks
// the session up in the database (no cookie cache), so an ended, expired or removed session
// counts at once.
import 'server-only'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { auth } from './auth'
import { organiserFromHeaders, type Organiser } from './organiser-session'

export type { Organiser }
export const SIGN_IN_PATH = '/admin/logga-in'

/** The signed-in organiser, or null. Not a guard: for the sign-in page, which sends organisers on. */
export async function organiserOrNull(): Promise<Organiser | null> {
  return organiserFromHeaders(await headers())
}

/** The signed-in organiser; without one, a redirect to the sign-in page. For admin pages and server actions. */
export async function requireOrganiser(): Promise<Organiser> {
  const organiser = await organiserOrNull()
  if (!organiser) redirect(SIGN_IN_PATH)
  return organiser
}

/** Ends the current session (the row and the cookie). */
export async function endSession(): Promise<void> {
  await auth().api.signOut({ headers: await headers() })
}

/**
 * An admin route handler: `handle` runs for a signed-in organiser; a request without a session is
 * answered 401 (a file download or a program, not a person to send to a page).
 */
export function organiserRoute<C>(
  handle: (request: Request, context: C, organiser: Organiser) => Promise<Response>,
): (request: Request, context: C) => Promise<Response> {
  return async (request, context) => {
    const organiser = await organiserOrNull()
    return organiser ? handle(request, context, organiser) : unauthorised()
  }
}

function unauthorised(): Response {
  return new Response('Du behöver logga in.', { status: 401, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}
