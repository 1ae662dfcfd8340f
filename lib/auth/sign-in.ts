// Signing an organiser in: the rate limit on failed sign-ins first (lib/rate-limits, per e-mail
// and per client address), then Better Auth checks the password and makes the session. Wrong
// password, unknown account and too many attempts all give the same message, so the answer does
// not tell whether an account exists.
//
// The brute-force pattern of rate-limiter-flexible: an attempt is counted BEFORE its password is
// checked, so parallel attempts see each other and no more than the limit reach the check; a
// success forgets the e-mail's failures and gives the address its point back, and an attempt the
// server could not judge is given back too. What stays counted are the failures.
import { APIError } from 'better-auth'
import { isEmailAddress } from '../forms/fields'
import { log } from '../log'
import { rateLimits } from '../rate-limits'
import { auth } from './auth'

export const SIGN_IN_FAILED = 'Fel e-post eller lösenord. Har du försökt många gånger, vänta en stund och försök igen.'

export type SignInResult =
  | { ok: true; /** Better Auth's Set-Cookie headers (a server action sets them by itself). */ headers: Headers }
  | { ok: false; error: string }

export function normaliseEmail(value: unknown): string {
  return typeof value === 'string' ? value.trim().toLowerCase().slice(0, 254) : ''
}

export async function signInOrganiser(input: {
  email: unknown
  password: unknown
  /** The client's address (lib/auth/client-address.ts). */
  ip: string
  /** The request's headers, for Better Auth (user agent, address on the session). */
  headers?: Headers
}): Promise<SignInResult> {
  const email = normaliseEmail(input.email)
  const password = typeof input.password === 'string' ? input.password : ''
  const limits = rateLimits()
  const who = { address: input.ip, email }

  const limit = await limits.consume('signIn', who)
  if (!limit.ok) {
    log.warn('auth.sign_in_throttled', { by: limit.by })
    return { ok: false, error: SIGN_IN_FAILED }
  }

  if (!isEmailAddress(email) || password === '') {
    return { ok: false, error: SIGN_IN_FAILED } // a failure: it stays counted
  }
  try {
    const { headers } = await auth().api.signInEmail({
      body: { email, password, rememberMe: true },
      headers: input.headers ?? new Headers(),
      returnHeaders: true,
    })
    await limits.signInSucceeded(who)
    log.info('auth.sign_in')
    return { ok: true, headers }
  } catch (err) {
    // 401 (wrong password, unknown account) and 400 (e.g. a password too long) are failures;
    // anything else (the database away) is not the person's fault and is not counted.
    if (err instanceof APIError && (err.statusCode === 401 || err.statusCode === 400)) {
      log.info('auth.sign_in_failed')
      return { ok: false, error: SIGN_IN_FAILED }
    }
    await limits.signInNotJudged(who).catch(() => {})
    throw err
  }
}
