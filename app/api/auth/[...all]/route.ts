// Better Auth's HTTP endpoints, only those the organisers' admin can use: the session, signing
// out, and listing or ending one's sessions. Signing in is not among them: it goes through the
// throttled server action on /admin/logga-in (see also disabledPaths in lib/auth/auth.ts), and
// nothing here changes a password, an address or an account (that is `npm run organiser`).
import { auth } from '@/lib/auth/auth'

export const dynamic = 'force-dynamic'

const OPEN_ENDPOINTS = new Set(['/get-session', '/sign-out', '/list-sessions', '/revoke-session', '/revoke-sessions', '/revoke-other-sessions', '/ok'])

function handle(request: Request): Promise<Response> | Response {
  const endpoint = new URL(request.url).pathname.replace(/^\/api\/auth/, '').replace(/\/+$/, '')
  if (!OPEN_ENDPOINTS.has(endpoint)) return new Response('Not Found', { status: 404 })
  return auth().handler(request)
}

export { handle as GET, handle as POST }
