// What the fault tests share: the real site (built once, `next start`) on a PostgreSQL cluster of
// their own that they may stop and crash, a real SMTP server the worker delivers to, signups
// posted over HTTP as a browser without JavaScript posts them, and the checks that no signup and
// no e-mail was lost.
// FAULTS_PORT (3290), FAULTS_PG_PORT (5490) and FAULTS_DIST_DIR (.next-test-faults) override the defaults.
import fs from 'node:fs'
import path from 'node:path'
import PgBoss from 'pg-boss'
import { createPrismaClient, type Db } from '../../lib/db'
import { JOBS } from '../../lib/jobs/queue'
import { hashLinkToken } from '../../lib/registrations/links'
import { fetchActionForm, postActionForm, receiptToken, signupFields, type ActionForm } from '../support/form-post'
import { startPrivatePostgres, type PrivatePostgres } from '../support/private-postgres'
import { SmtpCapture } from '../support/smtp-capture'
import { startTestSite, type TestSite } from '../support/test-site'

export const TRIP_SLUG = 'exempelresa' // the example trip every test site seeds (lib/seed), open for signups
/** The site's output: while the database is away it logs every failed request with its stack. */
export const SERVER_LOG = path.resolve('test-results/faults/site.log')
export const SIGNUP_PATH = `/resor/${TRIP_SLUG}/anmalan`

const envInt = (name: string, fallback: number) => Number(process.env[name] ?? fallback)

export type Rig = {
  pg: PrivatePostgres
  site: TestSite
  smtp: SmtpCapture
  prisma: Db
  /** The signup form's hidden inputs (the same for the whole build). */
  form: ActionForm
  /** The trip's first boarding stop, a required answer (it has two). */
  boardingStopId: number
  stop: () => Promise<void>
}

export async function startRig(): Promise<Rig> {
  fs.rmSync(SERVER_LOG, { force: true })
  const pg = await startPrivatePostgres({ port: envInt('FAULTS_PG_PORT', 5490) })
  const smtp = await new SmtpCapture().start()
  let site: TestSite | undefined
  try {
    const databaseUrl = await pg.createDatabase('mjolbybussen_faults_test')
    site = await startTestSite({
      port: envInt('FAULTS_PORT', 3290),
      distDir: process.env.FAULTS_DIST_DIR ?? '.next-test-faults',
      label: 'faults',
      databaseUrl,
      serverLogFile: SERVER_LOG,
      quiet: true,
      env: {
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Mjölbybussen <noreply@mjolbybussen.test>',
        // Every signup must reach the database: the limits would refuse a load from one address.
        RATE_LIMITS: 'off',
        // A delivery that failed is tried again within seconds, not minutes.
        EMAIL_RETRY_DELAY_SECONDS: '1',
        EMAIL_RETRY_MAX_DELAY_SECONDS: '2',
        // Not a line per signup in the site's log: warnings and errors are what it is read for.
        LOG_LEVEL: 'warn',
      },
    })
    const form = await fetchActionForm(site.url + SIGNUP_PATH, 'firstName')
    const prisma = createPrismaClient(databaseUrl, 2)
    const { id: boardingStopId } = await prisma.boardingStop.findFirstOrThrow({
      where: { trip: { slug: TRIP_SLUG } },
      orderBy: { position: 'asc' },
      select: { id: true },
    })
    const running = site
    return {
      pg,
      site: running,
      smtp,
      prisma,
      form,
      boardingStopId,
      async stop() {
        await prisma.$disconnect()
        await running.stop()
        await smtp.stop()
        pg.destroy()
      },
    }
  } catch (err) {
    await site?.stop()
    await smtp.stop()
    pg.destroy()
    throw err
  }
}

export type Attempt = {
  email: string
  startedAt: number
  endedAt: number
  /** The HTTP answer, if there was one. */
  status?: number
  token?: string | null
  contentType?: string
  body?: string
  /** No answer: the connection was refused or cut, or the request timed out. */
  error?: string
}

/**
 * Signups from `clients` concurrent clients, each posting its next signup as soon as the last
 * was answered, until `stop()`, which waits for the requests in flight.
 */
export function startSignupLoad(rig: Rig, { clients, prefix }: { clients: number; prefix: string }) {
  const attempts: Attempt[] = []
  let stopping = false
  let seq = 0
  const url = rig.site.url + SIGNUP_PATH
  const client = async () => {
    while (!stopping) {
      const email = `${prefix}${++seq}@example.se`
      const attempt: Attempt = { email, startedAt: Date.now(), endedAt: 0 }
      attempts.push(attempt)
      try {
        const answer = await postActionForm(url, rig.form, signupFields(email, { boardingStopId: rig.boardingStopId }))
        attempt.status = answer.status
        attempt.token = receiptToken(answer)
        attempt.contentType = answer.contentType
        if (!attempt.token) attempt.body = answer.body
      } catch (err) {
        const cause = (err as { cause?: { code?: string } }).cause
        attempt.error = cause?.code ?? (err as Error).name
        // The site is down: do not spin.
        await new Promise((r) => setTimeout(r, 100))
      } finally {
        attempt.endedAt = Date.now()
      }
    }
  }
  const running = Array.from({ length: clients }, client)
  return {
    attempts,
    async stop(): Promise<Attempt[]> {
      stopping = true
      await Promise.all(running)
      return attempts
    },
  }
}

/** Waits until `count` signups that started at `since` or later have their receipt. */
export async function receiptsSince(attempts: Attempt[], count: number, since: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const receipts = attempts.filter((a) => a.token && a.startedAt >= since).length
    if (receipts >= count) return
    if (Date.now() > deadline) throw new Error(`only ${receipts} of ${count} receipts within ${timeoutMs / 1000} s`)
    await sleep(100)
  }
}

/** Internals an answer must never show: stack frames, the driver's messages, paths, the database's address. */
export function leakedInternals(body: string, pgPort: number): string[] {
  const patterns = [
    /\n\s+at \S+/,
    /Prisma|prisma\.\w+\.\w+\(/,
    /ECONNREFUSED|ECONNRESET|DatabaseNotReachable|P1001|P1017|terminating connection/,
    /node_modules\/|\/work\/|\.next-[\w-]+\/server/,
    new RegExp(`127\\.0\\.0\\.1:${pgPort}\\b`),
  ]
  return patterns.filter((p) => p.test(body)).map(String)
}

/** Waits until the registrations stop changing: requests the site took but did not answer still finish. */
export async function settledRegistrations(prisma: Db, prefix: string): Promise<{ id: number; email: string }[]> {
  let last = -1
  for (let stable = 0, i = 0; stable < 3 && i < 120; i++) {
    const count = await prisma.registration.count({ where: { email: { startsWith: prefix } } })
    stable = count === last ? stable + 1 : 0
    last = count
    await new Promise((r) => setTimeout(r, 500))
  }
  return prisma.registration.findMany({ where: { email: { startsWith: prefix } }, select: { id: true, email: true } })
}

/** The receipts whose token does not lead to the registration of the address that was signed up. */
export async function receiptsMissing(prisma: Db, attempts: Attempt[]): Promise<string[]> {
  const receipts = attempts.filter((a) => a.token)
  const links = await prisma.registrationLink.findMany({
    where: { tokenHash: { in: receipts.map((a) => hashLinkToken(a.token!)) } },
    select: { tokenHash: true, registration: { select: { email: true } } },
  })
  const byHash = new Map(links.map((l) => [l.tokenHash, l.registration.email]))
  return receipts.filter((a) => byHash.get(hashLinkToken(a.token!)) !== a.email).map((a) => a.email)
}

export type Delivery = { delivered: number; orphaned: number; duplicates: number; seconds: number }

/** What the e-mail checks need of a rig: its database and mail server (the scale-out test has its own). */
export type MailRig = Pick<Rig, 'prisma' | 'smtp'> & { site: Pick<TestSite, 'databaseUrl'> }

/**
 * Waits until every registration of `prefix` has its confirmation (or waiting-list) e-mail
 * delivered to the SMTP server. A message whose delivery job died with the process or the
 * database is what the outbox's sweeper finds: it runs every five minutes and takes rows left
 * queued for longer than the longest retry wait, or left sending for five minutes. Rather than
 * wait for that, such rows are aged past both limits and the sweeper is run now, by the worker
 * as the schedule runs it.
 */
export async function deliverEveryConfirmation(rig: MailRig, prefix: string): Promise<Delivery> {
  const started = Date.now()
  const registrations = await rig.prisma.registration.findMany({ where: { email: { startsWith: prefix } }, select: { id: true, email: true } })
  // Each has its e-mail in the outbox: it was written in the signup's own transaction.
  const withMessage = await rig.prisma.outboxMessage.findMany({
    where: { registrationId: { in: registrations.map((r) => r.id) }, kind: { in: ['confirmed', 'waitlisted'] } },
    select: { registrationId: true },
  })
  const messageFor = new Set(withMessage.map((m) => m.registrationId))
  const withoutMessage = registrations.filter((r) => !messageFor.has(r.id))
  if (withoutMessage.length) throw new Error(`${withoutMessage.length} registrations have no confirmation in the outbox`)

  const pending = () =>
    rig.prisma.outboxMessage.count({ where: { registrationId: { in: registrations.map((r) => r.id) }, status: { in: ['QUEUED', 'SENDING'] } } })
  let orphaned = 0
  let last = -1
  let stalledSince = Date.now()
  for (;;) {
    const left = await pending()
    if (left === 0) break
    if (left !== last) {
      last = left
      stalledSince = Date.now()
    } else if (Date.now() - stalledSince > 8_000 && orphaned === 0) {
      orphaned = left
      await rig.prisma.$executeRaw`
        UPDATE "OutboxMessage" SET "updatedAt" = now() - interval '10 minutes' WHERE status IN ('QUEUED', 'SENDING')`
      await runSweeper(rig)
    }
    if (Date.now() - started > 120_000) throw new Error(`${left} e-mails still undelivered after 120 s`)
    await new Promise((r) => setTimeout(r, 500))
  }
  const failed = await rig.prisma.outboxMessage.count({
    where: { registrationId: { in: registrations.map((r) => r.id) }, status: 'FAILED' },
  })
  if (failed) throw new Error(`${failed} e-mails failed`)
  const received = new Map<string, number>()
  for (const m of rig.smtp.messages) for (const to of m.envelopeTo) received.set(to, (received.get(to) ?? 0) + 1)
  const notReceived = registrations.filter((r) => !received.get(r.email))
  if (notReceived.length) throw new Error(`${notReceived.length} registrations' e-mails marked sent but not received`)
  const duplicates = registrations.reduce((n, r) => n + (received.get(r.email)! - 1), 0)
  return { delivered: registrations.length, orphaned, duplicates, seconds: (Date.now() - started) / 1000 }
}

/** Queues one run of the outbox sweeper for the site's worker, as its schedule does. */
export async function runSweeper(rig: MailRig) {
  const boss = new PgBoss({ connectionString: rig.site.databaseUrl, max: 1, supervise: false, schedule: false, migrate: false })
  await boss.start()
  try {
    await boss.send(JOBS.sweepOutbox, {})
  } finally {
    await boss.stop({ graceful: false, wait: true })
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
export const seconds = (ms: number) => Number((ms / 1000).toFixed(1))
