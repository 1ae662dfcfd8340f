// Caches that agree (`npm run test:faults`): two `next start` instances from one build, each with
// its own copy of the build folder (where Next.js keeps its page cache), as two hosts would have,
// on one PostgreSQL. A change made through instance A must show on instance B's cached pages
// within a few seconds: a signup (seats left), an organiser's edit (the trip's text), and a signup
// after both instances sat idle past the page's revalidate time, when B's very first request must
// already show it (without the shared revalidations B would serve its old page once more, and
// before that, for as long as the page stays fresh, every time). Prints the figures.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { chromium } from '@playwright/test'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addOrganiser } from '../../lib/auth/organisers'
import { createPrismaClient, type Db } from '../../lib/db'
import { fetchActionForm, postActionForm, receiptToken, signupFields } from '../support/form-post'
import { startPrivatePostgres, type PrivatePostgres } from '../support/private-postgres'
import { SmtpCapture } from '../support/smtp-capture'
import { startTestSite, type TestSite } from '../support/test-site'

const TRIP_SLUG = 'exempelresa' // the example trip every test site seeds, open for signups
const TRIP_PATH = `/resor/${TRIP_SLUG}`
const PORT_A = Number(process.env.FAULTS_PORT ?? 3290)
const PORT_B = PORT_A + 1
const DIST_A = process.env.FAULTS_DIST_DIR ?? '.next-test-faults'
const DIST_B = `${DIST_A}-b`
const LOG_DIR = path.resolve('test-results/faults')
const LOG_B = path.join(LOG_DIR, 'site-b.log')
/** The trip page's own lifetime in the cache (its `revalidate`), read from the page itself. */
const REVALIDATE_S = Number(fs.readFileSync('app/(site)/resor/[slug]/page.tsx', 'utf8').match(/export const revalidate = (\d+)/)![1])
/** "Within a few seconds": the notification takes milliseconds; reading the table, at most 2 s. */
const AGREE_WITHIN_MS = 5_000
/** The pause before B's first request after idling: time for the notification, not for a poll. */
const FIRST_REQUEST_AFTER_MS = 1_000
// Both instances share what several instances must share (the README's scale-out section).
const SHARED_ENV = {
  AUTH_SECRET: 'cache-agreement-test-secret-0123456789abcdef',
  MAIL_FROM: 'Mjölbybussen <noreply@mjolbybussen.test>',
  LOG_LEVEL: 'warn',
}

let pg: PrivatePostgres
let smtp: SmtpCapture
let siteA: TestSite
let serverB: ChildProcess | undefined
let prisma: Db
let boardingStopId: number
let signups = 0

beforeAll(async () => {
  pg = await startPrivatePostgres({ port: Number(process.env.FAULTS_PG_PORT ?? 5490) })
  smtp = await new SmtpCapture().start()
  const databaseUrl = await pg.createDatabase('mjolbybussen_cache_agreement_test')
  fs.mkdirSync(LOG_DIR, { recursive: true })
  // Instance A: the build (made once, here) and `next start` on it.
  siteA = await startTestSite({
    port: PORT_A,
    distDir: DIST_A,
    label: 'cache-a',
    databaseUrl,
    serverLogFile: path.join(LOG_DIR, 'site-a.log'),
    quiet: true,
    env: { ...SHARED_ENV, SMTP_URL: smtp.url },
  })
  // Instance B: a copy of that build in a folder of its own (not Next.js's build cache, which
  // `next start` does not read), as a second host receives it.
  fs.rmSync(DIST_B, { recursive: true, force: true })
  fs.cpSync(DIST_A, DIST_B, { recursive: true, filter: (src) => path.relative(DIST_A, src) !== 'cache' })
  serverB = await startServer(PORT_B, DIST_B, databaseUrl)
  prisma = createPrismaClient(databaseUrl, 2)
  ;({ id: boardingStopId } = await prisma.boardingStop.findFirstOrThrow({
    where: { trip: { slug: TRIP_SLUG } },
    orderBy: { position: 'asc' },
    select: { id: true },
  }))
})

afterAll(async () => {
  await prisma?.$disconnect()
  if (serverB && serverB.exitCode === null && serverB.signalCode === null) {
    const exited = new Promise((r) => serverB!.once('exit', r))
    serverB.kill('SIGTERM')
    await exited
  }
  await siteA?.stop()
  await smtp?.stop()
  pg?.destroy()
  fs.rmSync(DIST_B, { recursive: true, force: true })
})

/** `next start` on the copied build, with the environment startTestSite gives instance A. */
async function startServer(port: number, distDir: string, databaseUrl: string): Promise<ChildProcess> {
  const env = {
    ...process.env,
    ...SHARED_ENV,
    NODE_ENV: 'production' as const,
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: distDir,
    DATABASE_URL: databaseUrl,
    SMTP_URL: smtp.url,
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    PORT: String(port),
    DATA_DIR: path.join(distDir, 'data'),
    TRUST_PROXY: '1',
  }
  fs.rmSync(LOG_B, { force: true })
  const nextBin = path.join('node_modules', 'next', 'dist', 'bin', 'next')
  const child = spawn(process.execPath, [nextBin, 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (chunk: Buffer) => fs.appendFileSync(LOG_B, chunk))
  child.stderr!.on('data', (chunk: Buffer) => fs.appendFileSync(LOG_B, chunk))
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`instance B exited (${child.exitCode}); see ${LOG_B}`)
    try {
      await fetch(`http://127.0.0.1:${port}/`, { method: 'HEAD' })
      return child
    } catch {
      await sleep(200)
    }
  }
  throw new Error('instance B did not start within 60 s')
}

const urlA = () => siteA.url
const urlB = () => `http://127.0.0.1:${PORT_B}`

async function page(base: string, pathname: string): Promise<string> {
  const response = await fetch(base + pathname)
  expect(response.status, `${base}${pathname}`).toBe(200)
  return response.text()
}

/** The seats left as the trip page shows them ("12 platser kvar", "1 plats kvar"). */
function seatsShown(html: string): number {
  const match = html.match(/(\d+) platser? kvar/)
  if (!match) throw new Error('the trip page shows no seats left')
  return Number(match[1])
}

/** Renders the page on both instances and keeps it in their caches. */
async function warm() {
  for (const base of [urlA(), urlB()]) for (let i = 0; i < 2; i++) await page(base, TRIP_PATH)
}

/** One signup posted to A as a browser without JavaScript posts it; resolves when A has answered. */
async function signUpThroughA() {
  const url = urlA() + `${TRIP_PATH}/anmalan`
  const form = await fetchActionForm(url, 'firstName')
  const answer = await postActionForm(url, form, signupFields(`cache-${++signups}-${Date.now()}@example.se`, { boardingStopId }))
  expect(receiptToken(answer), `HTTP ${answer.status} ${answer.location}`).not.toBeNull()
}

/** Asks B again and again until `agrees`; the milliseconds it took and how many requests. */
async function untilBAgrees(agrees: (html: string) => boolean, since: number) {
  let requests = 0
  for (;;) {
    requests++
    if (agrees(await page(urlB(), TRIP_PATH))) return { ms: Date.now() - since, requests }
    if (Date.now() - since > AGREE_WITHIN_MS) return { ms: null, requests }
    await sleep(50)
  }
}

describe('two instances, one build, one PostgreSQL', () => {
  it('a signup through A shows on B within a few seconds', async () => {
    await warm()
    const before = seatsShown(await page(urlB(), TRIP_PATH))
    await signUpThroughA()
    const answered = Date.now()
    const agreed = await untilBAgrees((html) => seatsShown(html) === before - 1, answered)
    console.log(`signup through A: B showed ${before - 1} seats left ${agreed.ms ?? 'never'} ms after A answered (${agreed.requests} requests to B)`)
    expect(agreed.ms, `B still showed ${before} seats ${AGREE_WITHIN_MS} ms after the signup`).not.toBeNull()
  })

  it("an organiser's edit of the trip's text on A shows on B within a few seconds", async () => {
    await warm()
    const organiser = { email: 'arrangor.cache@mjolby.se', name: 'Eva Arrangör', password: 'lösenord för cachetestet' }
    await addOrganiser(prisma, organiser)
    const summary = `Ny sammanfattning ${Date.now()}`
    expect(await page(urlB(), TRIP_PATH)).not.toContain(summary)
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    })
    let saved: number
    try {
      // Without JavaScript: the plain form posts, as in the admin's browser tests.
      const tab = await (await browser.newContext({ javaScriptEnabled: false, baseURL: urlA() })).newPage()
      await tab.goto('/admin/logga-in')
      await tab.getByLabel('E-post', { exact: true }).fill(organiser.email)
      await tab.getByLabel('Lösenord', { exact: true }).fill(organiser.password)
      await tab.getByRole('button', { name: 'Logga in' }).click()
      await tab.waitForURL(/\/admin$/)
      await tab.goto(`/admin/resor/${TRIP_SLUG}/redigera`)
      await tab.getByLabel('Sammanfattning', { exact: true }).fill(summary)
      await tab.getByRole('button', { name: 'Spara resan' }).click()
      await tab.waitForURL(/status=resa-sparad/)
      saved = Date.now()
    } finally {
      await browser.close()
    }
    const agreed = await untilBAgrees((html) => html.includes(summary), saved)
    console.log(`organiser's edit on A: B showed the new text ${agreed.ms ?? 'never'} ms after A answered (${agreed.requests} requests to B)`)
    expect(agreed.ms, `B still showed the old text ${AGREE_WITHIN_MS} ms after the save`).not.toBeNull()
  })

  it(
    `after both sat idle past the page's revalidate time (${REVALIDATE_S} s), a signup through A shows on B's first request`,
    async () => {
      await warm()
      const before = seatsShown(await page(urlB(), TRIP_PATH))
      await sleep((REVALIDATE_S + 5) * 1000)
      await signUpThroughA()
      await sleep(FIRST_REQUEST_AFTER_MS)
      const first = seatsShown(await page(urlB(), TRIP_PATH))
      console.log(
        `after ${REVALIDATE_S + 5} s idle, a signup through A: B's first request (${FIRST_REQUEST_AFTER_MS} ms later) showed ${first} seats left (before ${before})`,
      )
      expect(first, "B's first request after the idle spell showed the old seat count").toBe(before - 1)
      // And A, which took the signup, agrees.
      expect(seatsShown(await page(urlA(), TRIP_PATH))).toBe(before - 1)
    },
    (REVALIDATE_S + 90) * 1000,
  )
})

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
