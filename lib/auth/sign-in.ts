// Signing an organiser in: throttle first (lib/auth/throttle.ts), then Better Auth checks the
// password and makes the session. Wrong password, unknown account and too many attempts all
// give the same message, so the answer does not tell whether an account exists.
import { APIError } from 'better-auth'
import { z } from 'zod'
import type { PrismaClient } from '../generated/prisma/client'
import { db } from '../db'
import { log } from '../log'
import { auth } from './auth'
import { attemptFailed, beginAttempt, forgetAttempt } from './throttle'

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
  prisma?: PrismaClient
}): Promise<SignInResult> {
  const prisma = input.prisma ?? db()
  const email = normaliseEmail(input.email)
  const password = typeof input.password === 'string' ? input.password : ''

  const attempt = await beginAttempt(prisma, email, input.ip)
  if (!attempt) {
    log.warn('auth.sign_in_throttled')
    return { ok: false, error: SIGN_IN_FAILED }
  }

  if (!z.email().safeParse(email).success || password === '') {
    await attemptFailed(prisma)
    return { ok: false, error: SIGN_IN_FAILED }
  }
  try {
    const { headers } = await auth().api.signInEmail({
      body: { email, password, rememberMe: true },
      headers: input.headers ?? new Headers(),
      returnHeaders: true,
    })
    await forgetAttempt(prisma, attempt)
    log.info('auth.sign_in')
    return { ok: true, headers }
  } catch (err) {
    // 401 (wrong password, unknown account) and 400 (e.g. a password too long) are failures;
    // anything else (the database away) is not the person's fault and is not counted.
    if (err instanceof APIError && (err.statusCode === 401 || err.statusCode === 400)) {
      await attemptFailed(prisma)
      log.info('auth.sign_in_failed')
      return { ok: false, error: SIGN_IN_FAILED }
    }
    await forgetAttempt(prisma, attempt).catch(() => {})
    throw err
  }
}
