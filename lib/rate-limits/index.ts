// Rate limits on signups, "lost your link?", sign-ins, problem reports and saves of the
// participant's own form, per client address and per e-mail address or registration, counted in
// PostgreSQL by rate-limiter-flexible (table rate_limit_counters, made by our migrations) so that
// they hold across any number of app instances. How many are allowed is a setting (SiteSettings,
// read on every request, so a change applies at once); the windows are below. RATE_LIMITS=off
// turns every limit off, for load tests.
//
// Each window is fixed: it starts with the first request counted and the count starts over when
// it ends (a refused request does not push the end further away).
//
// Beside the limits per form there is one ceiling per inbox across all of them
// (`takeInboxAllowance`): how many e-mails visitors' actions may make the site send to one
// address, whatever the form.
import pg from 'pg'
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible'
import { env } from '../env'
import { log } from '../log'
import { getRateLimitSettings, type RateLimitSettings } from '../settings/site-settings'
import type { Tx } from '../db'
import { addressKey, emailKey, registrationKey } from './keys'

export type LimitKind = 'signup' | 'link' | 'interest' | 'signIn' | 'report' | 'save'
/** What a request was refused for: its client address, the e-mail it is about, the registration, or the inbox's ceiling. */
export type LimitedBy = 'address' | 'email' | 'registration' | 'inbox'

type Limit = { setting: keyof RateLimitSettings; windowSeconds: number }

export const LIMITS: Record<LimitKind, { address: Limit; email?: Limit; registration?: Limit }> = {
  signup: {
    // 200 per 10 minutes: an office of 150 behind one address can all sign up within minutes of an
    // invitation, while one machine cannot post more than about 1,200 signups an hour.
    address: { setting: 'signupsPerAddress', windowSeconds: 10 * 60 },
    // 5 an hour: each signup (or repeated signup) sends a confirmation or the link again, so this
    // caps what the form can send to one inbox, from however many addresses.
    email: { setting: 'signupsPerEmail', windowSeconds: 60 * 60 },
  },
  link: {
    address: { setting: 'linkRequestsPerAddress', windowSeconds: 60 * 60 },
    email: { setting: 'linkRequestsPerEmail', windowSeconds: 60 * 60 },
  },
  // "Meddela mig när anmälan öppnar" (lib/interest): as many as the lost-link form, counted apart.
  interest: {
    address: { setting: 'linkRequestsPerAddress', windowSeconds: 60 * 60 },
    email: { setting: 'linkRequestsPerEmail', windowSeconds: 60 * 60 },
  },
  // Failed sign-ins (an attempt is counted when it starts and given back if it succeeds).
  signIn: {
    address: { setting: 'signInsPerAddress', windowSeconds: 15 * 60 },
    email: { setting: 'signInsPerEmail', windowSeconds: 15 * 60 },
  },
  // The accessibility problem report form: per address only (it sends nothing to the reporter).
  report: { address: { setting: 'reportsPerAddress', windowSeconds: 60 * 60 } },
  // Saves of the participant's own form (/anmalan/[token]), counted once the form is valid.
  // 20 an hour per registration is more than anyone correcting their answers needs; 200 an hour
  // per address, since an office shares one.
  save: {
    address: { setting: 'savesPerAddress', windowSeconds: 60 * 60 },
    registration: { setting: 'savesPerRegistration', windowSeconds: 60 * 60 },
  },
}

/**
 * The ceiling on e-mails that visitors' actions send to one inbox, across every form together
 * (signup, signup again, lost link, the participant's changes and address confirmation,
 * cancelling): `emailsPerInbox` a day. Organisers' messages and the site's own (promotion from
 * the waiting list, reminders) are not counted and never held back.
 */
export const INBOX_CEILING: Limit = { setting: 'emailsPerInbox', windowSeconds: 24 * 60 * 60 }

/** Who is asking: the client's address (lib/auth/client-address.ts) and the e-mail it is about. */
export type Requester = {
  /** Absent only where there is no client (scripts, tests): then only the e-mail limit applies. */
  address?: string
  email?: string
  /** The registration a save is for (kind 'save'). */
  registrationId?: number
}

export type LimitDecision = { ok: true } | { ok: false; by: LimitedBy; retryAfterSeconds: number }

const TABLE = 'rate_limit_counters'

/**
 * rate-limiter-flexible names its prepared statements ('rate_limit_counters:rlflx-upsert'), and
 * pg prepares a named statement once per connection. The embedded database
 * (lib/db/pglite-server.ts) is ONE backend session behind all connections, so the second
 * connection to prepare the same name fails with "prepared statement … already exists". The
 * library gets this client instead, which runs every statement unnamed: that works on any
 * server, and the statements are tiny to parse.
 */
function unnamedStatements(pool: pg.Pool) {
  return {
    query: (q: { text: string; values?: unknown[] }) => pool.query(q.text, q.values),
  }
}

export class RateLimits {
  private readonly limiters = new Map<string, RateLimiterPostgres>()
  private readonly store: ReturnType<typeof unnamedStatements>
  private needsSweeper: boolean

  /**
   * `sweepExpired`: let the library delete counters expired over an hour ago, every 5 minutes.
   * One limiter per process does it (its DELETE covers the whole table), not one per limit.
   */
  constructor(
    private readonly pool: pg.Pool,
    options: { sweepExpired?: boolean } = {},
  ) {
    this.store = unnamedStatements(pool)
    this.needsSweeper = options.sweepExpired ?? false
  }

  /** Counts one request against the kind's limits: first per address, then per e-mail or registration. */
  async consume(kind: LimitKind, who: Requester): Promise<LimitDecision> {
    if (!enabled()) return { ok: true }
    const settings = await getRateLimitSettings()
    const { address, email, registration } = LIMITS[kind]
    if (who.address !== undefined) {
      const decision = await this.take(this.limiter(kind, 'address', address, settings), addressKey(who.address), 'address')
      if (!decision.ok) return decision
    }
    const second =
      email && who.email !== undefined
        ? { by: 'email' as const, limit: email, key: emailKey(who.email) }
        : registration && who.registrationId !== undefined
          ? { by: 'registration' as const, limit: registration, key: registrationKey(who.registrationId) }
          : null
    if (second) {
      const decision = await this.take(this.limiter(kind, second.by, second.limit, settings), second.key, second.by)
      if (!decision.ok) {
        // A request refused for its e-mail (or registration) is not held against the address (an
        // office's budget is not spent by someone hammering one e-mail from it).
        if (who.address !== undefined) await this.limiter(kind, 'address', address, settings).reward(addressKey(who.address), 1)
        return decision
      }
    }
    return { ok: true }
  }

  /** A sign-in counted by consume('signIn', …) succeeded: the e-mail's failures are forgotten. */
  async signInSucceeded(who: Requester): Promise<void> {
    if (!enabled()) return
    await this.giveBack('signIn', who, { forgetEmail: true })
  }

  /** A sign-in counted by consume('signIn', …) could not be judged (the server failed): not a failure. */
  async signInNotJudged(who: Requester): Promise<void> {
    if (!enabled()) return
    await this.giveBack('signIn', who, { forgetEmail: false })
  }

  async close(): Promise<void> {
    await this.pool.end()
  }

  private async giveBack(kind: LimitKind, who: Requester, { forgetEmail }: { forgetEmail: boolean }) {
    const settings = await getRateLimitSettings()
    const { address, email } = LIMITS[kind]
    if (who.address !== undefined) await this.limiter(kind, 'address', address, settings).reward(addressKey(who.address), 1)
    if (email && who.email !== undefined) {
      const limiter = this.limiter(kind, 'email', email, settings)
      if (forgetEmail) await limiter.delete(emailKey(who.email))
      else await limiter.reward(emailKey(who.email), 1)
    }
  }

  private async take(limiter: RateLimiterPostgres, key: string, by: LimitedBy): Promise<LimitDecision> {
    try {
      await limiter.consume(key)
      return { ok: true }
    } catch (outcome) {
      // The library rejects with a RateLimiterRes when over the limit, with an Error when the
      // database fails (which is passed on: the request cannot be served then anyway).
      if (outcome instanceof RateLimiterRes) {
        return { ok: false, by, retryAfterSeconds: Math.max(1, Math.ceil(outcome.msBeforeNext / 1000)) }
      }
      throw outcome
    }
  }

  /** One limiter per kind and key type (and per setting's value, so a changed setting applies). */
  private limiter(kind: LimitKind, by: LimitedBy, limit: Limit, settings: RateLimitSettings): RateLimiterPostgres {
    const points = settings[limit.setting]
    const id = `${kind}:${by}:${points}`
    let limiter = this.limiters.get(id)
    if (!limiter) {
      limiter = new RateLimiterPostgres({
        storeClient: this.store,
        storeType: 'pool',
        tableName: TABLE,
        tableCreated: true,
        clearExpiredByTimeout: this.needsSweeper,
        keyPrefix: `${kind}:${by}`,
        points,
        duration: limit.windowSeconds,
      })
      this.needsSweeper = false
      this.limiters.set(id, limiter)
    }
    return limiter
  }
}

function enabled(): boolean {
  return env().RATE_LIMITS === 'on'
}

/** Limits over their own small pool on `databaseUrl` (each app instance has one). */
export function createRateLimits(databaseUrl: string, options: { sweepExpired?: boolean; poolSize?: number } = {}): RateLimits {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.poolSize ?? 4, allowExitOnIdle: true })
  // An idle connection the server dropped (a restart) is replaced; unhandled, it would end the process.
  pool.on('error', (err) => log.info('rate_limits.connection_lost', { code: (err as { code?: string }).code }))
  return new RateLimits(pool, options)
}

const globalForLimits = globalThis as unknown as { rateLimits?: RateLimits }

/** The process's limits, on DATABASE_URL (kept on globalThis, as lib/db.ts keeps its client). */
export function rateLimits(): RateLimits {
  if (!globalForLimits.rateLimits) {
    const url = env().DATABASE_URL
    if (!url) throw new Error('DATABASE_URL saknas: starta sajten med `npm start`, som startar den inbäddade databasen.')
    globalForLimits.rateLimits = createRateLimits(url, { sweepExpired: true, poolSize: env().RATE_LIMITS_POOL_SIZE })
  }
  return globalForLimits.rateLimits
}

/**
 * Takes one e-mail of the inbox's daily ceiling (INBOX_CEILING), inside `tx`: the count commits or
 * rolls back with the e-mail it is for, so a change that is undone uses up nothing, and
 * simultaneous requests for one inbox take turns on its counter's row. Call it after any lock the
 * transaction takes on a trip, so locks are always taken in one order. `{ ok: false }` when the
 * inbox has had its ceiling: the caller then sends nothing (and decides whether the action itself
 * goes ahead).
 */
export async function takeInboxAllowance(tx: Tx, email: string): Promise<LimitDecision> {
  if (!enabled()) return { ok: true }
  const points = (await tx.siteSettings.findUniqueOrThrow({ where: { id: 1 }, select: { emailsPerInbox: true } })).emailsPerInbox
  // A limiter of the same library and table as the others, over this transaction (Prisma answers
  // bigint columns as BigInt, which the library does arithmetic on, so they are made numbers).
  const limiter = new RateLimiterPostgres({
    storeClient: {
      query: async (q: { text: string; values?: unknown[] }) => {
        const rows = await tx.$queryRawUnsafe<Record<string, unknown>[]>(q.text, ...(q.values ?? []))
        return { rows: rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]))) }
      },
    },
    storeType: 'pool',
    tableName: TABLE,
    tableCreated: true,
    clearExpiredByTimeout: false,
    keyPrefix: 'inbox',
    points,
    duration: INBOX_CEILING.windowSeconds,
  })
  try {
    await limiter.consume(emailKey(email))
    return { ok: true }
  } catch (outcome) {
    if (outcome instanceof RateLimiterRes) {
      return { ok: false, by: 'inbox', retryAfterSeconds: Math.max(1, Math.ceil(outcome.msBeforeNext / 1000)) }
    }
    throw outcome
  }
}

/** Counts one request of this kind; `{ ok: false }` when the address or the e-mail is over its limit. */
export function consumeLimit(kind: LimitKind, who: Requester): Promise<LimitDecision> {
  return rateLimits().consume(kind, who)
}
