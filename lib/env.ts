// Configuration from environment variables, validated once. A missing or malformed variable stops
// the start with one line naming it (see formatEnvError), instead of failing later mid-request.
import path from 'node:path'
import { z } from 'zod'
import { parseTrustProxy, TrustProxyError } from './http/trusted-proxies'

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, 'ska vara en postgres://-adress, t.ex. postgres://user@127.0.0.1:5432/mjolbybussen')

const seconds = (example: string) =>
  z.coerce
    .number({ error: `ska vara ett antal sekunder, t.ex. ${example}` })
    .int({ error: `ska vara ett antal sekunder, t.ex. ${example}` })
    .min(1, { error: 'ska vara minst 1' })

const poolSize = (example: string) =>
  z.coerce
    .number({ error: `ska vara ett antal anslutningar, t.ex. ${example}` })
    .int({ error: `ska vara ett antal anslutningar, t.ex. ${example}` })
    .min(1, { error: 'ska vara minst 1' })
    .max(200, { error: 'ska vara högst 200' })

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test'], { error: 'ska vara development, production eller test' }).default('development'),
  DATABASE_URL: postgresUrl.optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  PORT: z.coerce
    .number({ error: 'ska vara ett portnummer, t.ex. 3000' })
    .int({ error: 'ska vara ett portnummer, t.ex. 3000' })
    .min(1, { error: 'ska vara ett portnummer mellan 1 och 65535' })
    .max(65535, { error: 'ska vara ett portnummer mellan 1 och 65535' })
    .default(3000),
  // The start of every personal link in e-mails: only http(s).
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'ska vara en fullständig http(s)-adress, t.ex. https://mjolbybussen.mjolby.se' })
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'ska vara en smtp:// eller smtps://-adress, t.ex. smtp://user:pass@smtp.example.se:587')
    .optional(),
  MAIL_FROM: z
    .string()
    .regex(/@/, { error: 'ska vara en avsändaradress, t.ex. Mjölbybussen <mjolbybussen@mjolby.se>' })
    .default('Mjölbybussen <mjolbybussen@localhost>'),
  // Delivery retries back off exponentially from this delay (30 s, 1 min, 2 min …), capped at
  // EMAIL_RETRY_MAX_DELAY_SECONDS, so a message waits at most that long after SMTP is back.
  EMAIL_RETRY_DELAY_SECONDS: seconds('30').default(30),
  EMAIL_RETRY_MAX_DELAY_SECONDS: seconds('600').default(600),
  // After this many failed attempts (about 1.5 days with the defaults) a message is marked failed.
  EMAIL_MAX_ATTEMPTS: z.coerce
    .number({ error: 'ska vara ett antal försök, t.ex. 200' })
    .int({ error: 'ska vara ett antal försök, t.ex. 200' })
    .min(1, { error: 'ska vara minst 1' })
    .default(200),
  // How long a confirmed address stays on "Meddela mig när anmälan öppnar" at most (lib/interest).
  INTEREST_LIST_RETENTION_MONTHS: z.coerce
    .number({ error: 'ska vara ett antal månader, t.ex. 12' })
    .int({ error: 'ska vara ett antal månader, t.ex. 12' })
    .min(1, { error: 'ska vara minst 1' })
    .max(120, { error: 'ska vara högst 120' })
    .default(12),
  // "off" when the worker runs as its own process (npm run worker) instead of inside the app.
  WORKER: z.enum(['on', 'off'], { error: 'ska vara on eller off' }).default('on'),
  // Signs the organisers' session cookies and keys the rate limits. Required with DATABASE_URL
  // (lib/deployment.ts); unset on the embedded database, one is made at first start and kept in
  // DATA_DIR/auth-secret (lib/auth/secret.ts).
  AUTH_SECRET: z
    .string()
    .min(32, { error: 'ska vara minst 32 tecken lång och slumpmässig, t.ex. från `openssl rand -base64 32`' })
    .optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error'], { error: 'ska vara debug, info, warn eller error' }).default('info'),
  // The reverse proxies in front of the site, whose X-Forwarded-For entries are believed
  // (lib/http/trusted-proxies.ts): a number of hops and/or their addresses or networks. None by
  // default: the client's address is then the socket's, whatever the header says.
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, context) => {
      try {
        return parseTrustProxy(value)
      } catch (err) {
        if (!(err instanceof TrustProxyError)) throw err
        context.addIssue({
          code: 'custom',
          message: `ska vara antalet proxyer framför webbplatsen (t.ex. 1) och/eller deras adresser eller nät (t.ex. 10.0.0.0/8, ::1), åtskilda med komma: ${err.message}`,
        })
        return z.NEVER
      }
    }),
  // "off" turns every rate limit off (lib/rate-limits), for load tests; never in production.
  RATE_LIMITS: z.enum(['on', 'off'], { error: 'ska vara on eller off' }).default('on'),
  // Connections per process: Prisma's pool (pages and actions), pg-boss's (the queue and its
  // worker) and the rate limits'. An instance opens up to their sum, plus a few briefly at start
  // (migrations, seed, the start-up locks: lib/db/advisory-lock.ts).
  DATABASE_POOL_SIZE: poolSize('10').default(10),
  QUEUE_POOL_SIZE: poolSize('4').default(4),
  RATE_LIMITS_POOL_SIZE: poolSize('4').default(4),
  // "off": this process does not migrate at start; a deploy runs `npm run db:migrate` once.
  MIGRATE: z.enum(['on', 'off'], { error: 'ska vara on eller off' }).default('on'),
  // "1": with DATABASE_URL and no SMTP_URL, write e-mail as files in DATA_DIR/mail anyway (tests).
  MAIL_TO_FILES: z.enum(['0', '1'], { error: 'ska vara 0 eller 1' }).optional(),
  // The example trip (lib/seed/example-trip.ts): "1" seeds it with DATABASE_URL too, "0" never.
  SEED_EXAMPLE: z.enum(['0', '1'], { error: 'ska vara 0 eller 1' }).optional(),
})

export type Env = z.infer<typeof envSchema> & { publicUrl: string; mailDir: string }

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable means "not set", as in most shells' `FOO= cmd`.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''))
  const result = envSchema.safeParse(cleaned)
  if (!result.success) {
    const issue = result.error.issues[0]!
    throw new EnvError(`Fel i miljövariabeln ${String(issue.path[0])}: ${issue.message}`)
  }
  const env = result.data
  return {
    ...env,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    mailDir: path.resolve(env.DATA_DIR, 'mail'),
  }
}

/** The configuration now (parsing a handful of variables costs microseconds, so it is not cached). */
export function env(): Env {
  return parseEnv(process.env)
}
