// Organisers' sign-in on a real PostgreSQL: accounts from the command line's functions, Better
// Auth's password check and database sessions, the limit on failed sign-ins per e-mail and per
// client address (lib/rate-limits; more in rate-limits.test.ts), and that ended, expired or
// removed sessions are refused.
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { db } from '../../lib/db'
import { auth } from '../../lib/auth/auth'
import { SESSION_HOURS } from '../../lib/auth/auth-constants'
import { organiserFromHeaders } from '../../lib/auth/organiser-session'
import { addOrganiser, listOrganisers, OrganiserError, removeOrganiser, setOrganiserPassword } from '../../lib/auth/organisers'
import { authSecretPath } from '../../lib/auth/secret'
import { SIGN_IN_FAILED, signInOrganiser } from '../../lib/auth/sign-in'

const PASSWORD = 'ett riktigt långt lösenord'
// The settings' defaults (checked below), in 15 minutes.
const MAX_FAILURES_PER_EMAIL = 5
const MAX_FAILURES_PER_ADDRESS = 30

/** Every rate-limit window ends now, as 15 minutes passing would make it. */
async function endWindows() {
  await db().$executeRaw`UPDATE rate_limit_counters SET expire = (extract(epoch FROM clock_timestamp()) * 1000)::bigint - 1`
}

async function organiser(email = 'anna@mjolby.se', name = 'Anna Berg') {
  return addOrganiser(db(), { email, name, password: PASSWORD })
}

/** The session cookie Better Auth set, as a browser would send it back. */
function cookieHeader(setCookieHeaders: Headers): Headers {
  const cookies = setCookieHeaders.getSetCookie().map((c) => c.split(';')[0]!)
  return new Headers({ cookie: cookies.join('; ') })
}

async function signIn(email: string, password: string, ip = '198.51.100.7') {
  return signInOrganiser({ email, password, ip })
}

/** Wrong passwords from one client address, spread over e-mails so that none reaches its own limit. */
async function failuresFrom(ip: string, count: number) {
  for (let i = 0; i < count; i++) {
    expect(await signIn(`gissning-${i % 7}@mjolby.se`, 'fel lösenord igen och igen', ip)).toEqual({ ok: false, error: SIGN_IN_FAILED })
  }
}

describe('organiser accounts', () => {
  it('are added, listed and removed; the address is kept in lower case', async () => {
    await organiser(' Anna@Mjolby.SE ', 'Anna Berg')
    await organiser('bo@mjolby.se', 'Bo Ek')
    expect((await listOrganisers(db())).map((o) => [o.email, o.name, o.activeSessions])).toEqual([
      ['anna@mjolby.se', 'Anna Berg', 0],
      ['bo@mjolby.se', 'Bo Ek', 0],
    ])
    // The password is stored as Better Auth's scrypt hash, never as given.
    const account = await db().account.findFirstOrThrow({ where: { user: { email: 'anna@mjolby.se' } } })
    expect(account).toMatchObject({ providerId: 'credential', accountId: account.userId })
    expect(account.password).not.toContain(PASSWORD)
    expect(account.password).toMatch(/^[0-9a-f]+:[0-9a-f]+$/)

    expect(await removeOrganiser(db(), 'ANNA@mjolby.se')).toBe(true)
    expect(await removeOrganiser(db(), 'anna@mjolby.se')).toBe(false)
    expect((await listOrganisers(db())).map((o) => o.email)).toEqual(['bo@mjolby.se'])
    expect(await db().account.count()).toBe(1)
  })

  it('refuses a second account for one address, a short password, a bad address and no name', async () => {
    await organiser()
    await expect(organiser('ANNA@mjolby.se')).rejects.toThrow('Det finns redan en arrangör med e-postadressen anna@mjolby.se.')
    await expect(addOrganiser(db(), { email: 'c@mjolby.se', name: 'C', password: 'elva tecken' })).rejects.toThrow(
      'Lösenordet måste vara minst 12 tecken långt.',
    )
    await expect(addOrganiser(db(), { email: 'inte-en-adress', name: 'C', password: PASSWORD })).rejects.toBeInstanceOf(OrganiserError)
    await expect(addOrganiser(db(), { email: 'c@mjolby.se', name: ' ', password: PASSWORD })).rejects.toThrow('Skriv arrangörens namn.')
    expect(await db().user.count()).toBe(1)
  })
})

describe('signing in', () => {
  it('succeeds with the right password and makes a database session behind an http-only, SameSite=Lax cookie', async () => {
    const anna = await organiser()
    const result = await signIn('Anna@Mjolby.se', PASSWORD)
    if (!result.ok) throw new Error(result.error)

    const [setCookie] = result.headers.getSetCookie()
    expect(setCookie).toMatch(/^mjolbybussen\.session_token=/)
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)
    expect(setCookie).not.toMatch(/Secure/i) // PUBLIC_URL is http here; https makes it Secure
    expect(setCookie).toContain(`Max-Age=${SESSION_HOURS * 3600}`)

    // The cookie holds the session's token (signed), not the organiser's data.
    const session = await db().session.findFirstOrThrow({ where: { userId: anna.id } })
    expect(decodeURIComponent(setCookie!.split(';')[0]!.split('=').slice(1).join('='))).toMatch(new RegExp(`^${session.token}\\.`))
    expect(session.expiresAt.getTime() - Date.now()).toBeGreaterThan((SESSION_HOURS * 3600 - 60) * 1000)
    expect(session.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(SESSION_HOURS * 3600 * 1000)

    expect(await organiserFromHeaders(cookieHeader(result.headers))).toEqual({ id: anna.id, name: 'Anna Berg', email: 'anna@mjolby.se' })
  })

  it('fails with one message for a wrong password, an unknown address and empty fields', async () => {
    await organiser()
    expect(await signIn('anna@mjolby.se', 'fel lösenord helt och hållet')).toEqual({ ok: false, error: SIGN_IN_FAILED })
    expect(await signIn('finns-inte@mjolby.se', PASSWORD)).toEqual({ ok: false, error: SIGN_IN_FAILED })
    expect(await signIn('', '')).toEqual({ ok: false, error: SIGN_IN_FAILED })
    expect(await signIn('anna@mjolby.se', 'x'.repeat(500))).toEqual({ ok: false, error: SIGN_IN_FAILED })
    expect(SIGN_IN_FAILED).toBe('Fel e-post eller lösenord. Har du försökt många gånger, vänta en stund och försök igen.')
    expect(await db().session.count()).toBe(0)
  })

  it(`refuses the ${MAX_FAILURES_PER_EMAIL + 1}th attempt for one e-mail within 15 minutes, even with the right password and from elsewhere`, async () => {
    expect(await db().siteSettings.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({
      signInsPerEmail: MAX_FAILURES_PER_EMAIL,
      signInsPerAddress: MAX_FAILURES_PER_ADDRESS,
    })
    await organiser()
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
      expect(await signIn('anna@mjolby.se', `fel lösenord nummer ${i}`, `203.0.113.${i}`)).toEqual({ ok: false, error: SIGN_IN_FAILED })
    }
    expect(await signIn('anna@mjolby.se', PASSWORD)).toEqual({ ok: false, error: SIGN_IN_FAILED })
    expect(await signIn('ANNA@mjolby.se', PASSWORD, '192.0.2.99')).toEqual({ ok: false, error: SIGN_IN_FAILED })
    expect(await db().session.count()).toBe(0)
    // The refused attempts do not push the end further away: the limit lifts 15 minutes after
    // the first failure.
    await endWindows()
    expect((await signIn('anna@mjolby.se', PASSWORD)).ok).toBe(true)
  })

  it('a success forgets the e-mail’s failures, and is not counted against the address', async () => {
    await organiser()
    const office = '198.51.100.60'
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < MAX_FAILURES_PER_EMAIL - 1; i++) {
        expect(await signIn('anna@mjolby.se', `fel lösenord ${round}.${i}`, office)).toEqual({ ok: false, error: SIGN_IN_FAILED })
      }
      expect((await signIn('anna@mjolby.se', PASSWORD, office)).ok).toBe(true)
    }
    // 12 failures and 3 successes from the office so far: 17 more failures leave room for one
    // more attempt (which succeeds), the 18th fills the office's 30, and then it is refused.
    await failuresFrom(office, MAX_FAILURES_PER_ADDRESS - 12 - 1)
    expect((await signIn('anna@mjolby.se', PASSWORD, office)).ok).toBe(true)
    await failuresFrom(office, 1)
    expect(await signIn('anna@mjolby.se', PASSWORD, office)).toEqual({ ok: false, error: SIGN_IN_FAILED })
  })

  it(`refuses a different e-mail from one address after ${MAX_FAILURES_PER_ADDRESS} failures from it; other addresses still get in`, async () => {
    await organiser()
    const office = '198.51.100.50'
    await failuresFrom(office, MAX_FAILURES_PER_ADDRESS)
    expect(await signIn('anna@mjolby.se', PASSWORD, office)).toEqual({ ok: false, error: SIGN_IN_FAILED })
    expect((await signIn('anna@mjolby.se', PASSWORD, '198.51.100.51')).ok).toBe(true)
  })

  it('lets at most the limit of parallel wrong attempts for one e-mail reach the password check', async () => {
    await organiser()
    const office = '198.51.100.70'
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => signIn('anna@mjolby.se', `parallellt fel ${i}`, office)))
    expect(results.every((r) => !r.ok)).toBe(true)
    // Each attempt that reached the check is a failure counted against the office; the refused
    // ones are not. So exactly 5 were counted: 24 more leave room for one attempt, 25 do not.
    await organiser('bo@mjolby.se', 'Bo Ek')
    await failuresFrom(office, MAX_FAILURES_PER_ADDRESS - MAX_FAILURES_PER_EMAIL - 1)
    expect((await signIn('bo@mjolby.se', PASSWORD, office)).ok).toBe(true)
    await failuresFrom(office, 1)
    expect(await signIn('bo@mjolby.se', PASSWORD, office)).toEqual({ ok: false, error: SIGN_IN_FAILED })
  })
})

describe('sessions', () => {
  it('an expired session is not accepted', async () => {
    await organiser()
    const result = await signIn('anna@mjolby.se', PASSWORD)
    if (!result.ok) throw new Error(result.error)
    const cookie = cookieHeader(result.headers)
    expect(await organiserFromHeaders(cookie)).not.toBeNull()
    await db().session.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } })
    expect(await organiserFromHeaders(cookie)).toBeNull()
  })

  it('signing out, removing the organiser or a new password ends the session', async () => {
    await organiser()
    const first = await signIn('anna@mjolby.se', PASSWORD)
    if (!first.ok) throw new Error(first.error)
    await auth().api.signOut({ headers: cookieHeader(first.headers) })
    expect(await organiserFromHeaders(cookieHeader(first.headers))).toBeNull()
    expect(await db().session.count()).toBe(0)

    const second = await signIn('anna@mjolby.se', PASSWORD)
    if (!second.ok) throw new Error(second.error)
    await setOrganiserPassword(db(), 'anna@mjolby.se', 'ett helt nytt lösenord')
    expect(await organiserFromHeaders(cookieHeader(second.headers))).toBeNull()
    expect(await signIn('anna@mjolby.se', PASSWORD)).toEqual({ ok: false, error: SIGN_IN_FAILED })
    const third = await signIn('anna@mjolby.se', 'ett helt nytt lösenord')
    if (!third.ok) throw new Error(third.error)

    await removeOrganiser(db(), 'anna@mjolby.se')
    expect(await organiserFromHeaders(cookieHeader(third.headers))).toBeNull()
  })

  it('no cookie, or a forged one, is no organiser', async () => {
    await organiser()
    expect(await organiserFromHeaders(new Headers())).toBeNull()
    expect(await organiserFromHeaders(new Headers({ cookie: 'mjolbybussen.session_token=forged.token' }))).toBeNull()
  })

  it('the secret is made once and kept readable only by its owner when AUTH_SECRET is unset', async () => {
    await organiser()
    expect((await signIn('anna@mjolby.se', PASSWORD)).ok).toBe(true)
    const file = authSecretPath(process.env.DATA_DIR!)
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    expect(fs.readFileSync(file, 'utf8').trim().length).toBeGreaterThanOrEqual(32)
  })
})
