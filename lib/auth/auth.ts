// The organisers' sign-in, on Better Auth: e-mail and password only, no sign-up (accounts come
// from `npm run organiser -- add`), passwords hashed with its scrypt, sessions kept in the
// database (the cookie holds only the signed session token), http-only, SameSite=Lax, Secure when
// PUBLIC_URL is https, valid 8 hours and extended while in use.
import { betterAuth } from 'better-auth'
import { prismaAdapter } from 'better-auth/adapters/prisma'
import { nextCookies } from 'better-auth/next-js'
import { db } from '../db'
import { env } from '../env'
import { log } from '../log'
import { MIN_PASSWORD_LENGTH, SESSION_HOURS } from './auth-constants'
import { authSecret } from './secret'

function createAuth() {
  const config = env()
  return betterAuth({
    appName: 'Mjölbybussen',
    baseURL: config.publicUrl,
    basePath: '/api/auth',
    secret: authSecret(),
    database: prismaAdapter(db(), { provider: 'postgresql' }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: MIN_PASSWORD_LENGTH },
    session: {
      expiresIn: SESSION_HOURS * 60 * 60,
      // A session used by a server action (or /api/auth/get-session) after its first hour is
      // renewed for 8 hours from then. Pages do not renew it: Next.js cannot set cookies while
      // rendering, and Better Auth then leaves the row alone so that it and the cookie agree.
      updateAge: 60 * 60,
      // No cookie cache: every request asks the database, so signing out or removing an
      // organiser ends their sessions at once.
      cookieCache: { enabled: false },
    },
    advanced: {
      useSecureCookies: config.publicUrl.startsWith('https://'),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
      cookiePrefix: 'mjolbybussen',
    },
    // Signing in goes through our own server action (lib/auth/sign-in.ts), which throttles
    // failed attempts first; the HTTP endpoints that would bypass it, or check a password
    // without the throttle, are switched off, as are those changing accounts (that is the
    // command line's). This applies to the HTTP handler only (app/api/auth/[...all], which also
    // lets only a few endpoints through); auth.api.* calls on the server are not affected.
    disabledPaths: [
      '/sign-in/email',
      '/sign-up/email',
      '/sign-in/social',
      '/request-password-reset',
      '/reset-password',
      '/change-password',
      '/verify-password',
      '/change-email',
      '/update-user',
      '/delete-user',
    ],
    telemetry: { enabled: false },
    // Its warnings are one per failed sign-in ("User not found"), which sign-in.ts logs itself;
    // errors go to our log, without their arguments (they may hold personal data).
    logger: { level: 'error', log: (level, message) => log[level]('auth.better_auth', { message }) },
    plugins: [nextCookies()], // must stay last: it sets Better Auth's cookies from server actions
  })
}

export type Auth = ReturnType<typeof createAuth>

const globalForAuth = globalThis as unknown as { organiserAuth?: Auth }

/** The process's Better Auth instance, made on first use (it needs the database and the secret). */
export function auth(): Auth {
  globalForAuth.organiserAuth ??= createAuth()
  return globalForAuth.organiserAuth
}
