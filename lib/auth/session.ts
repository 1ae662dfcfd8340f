// Who is signed in. Every admin page begins with `await requireOrganiser()` (no session: to the
// sign-in page); every admin server action and route handler begins with `organiserOrNull()` and
// refuses without one. Better Auth reads the session token from the cookie and looks the session
// up in the database (no cookie cache), so an ended, expired or removed session counts at once.
import 'server-only'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { auth } from './auth'
import { organiserFromHeaders, type Organiser } from './organiser-session'

export type { Organiser }
export const SIGN_IN_PATH = '/admin/logga-in'

/** The signed-in organiser, or null: for server actions and route handlers, which then refuse. */
export async function organiserOrNull(): Promise<Organiser | null> {
  return organiserFromHeaders(await headers())
}

/** The signed-in organiser; without one, a redirect to the sign-in page. For admin pages. */
export async function requireOrganiser(): Promise<Organiser> {
  const organiser = await organiserOrNull()
  if (!organiser) redirect(SIGN_IN_PATH)
  return organiser
}

/** Ends the current session (the row and the cookie). */
export async function endSession(): Promise<void> {
  await auth().api.signOut({ headers: await headers() })
}

/** For a route handler: the response that refuses a request without a session. */
export function unauthorised(): Response {
  return new Response('Du behöver logga in.', { status: 401, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}
