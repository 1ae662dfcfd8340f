// Load benchmark (`npm run bench`, not part of `npm test`): the real site, built and started on a
// fresh database, against a plain node:http server answering the same home page HTML. Measures
// the cached home and trip pages and no-JavaScript signups, then checks that no signup was lost.
// BENCH_CONNECTIONS (50), BENCH_ADMIN_CONNECTIONS (4), BENCH_SECONDS (10) and BENCH_PORT (3200)
// override the defaults.
import { spawn, type ChildProcess } from 'node:child_process'
import autocannon, { type Options, type Result } from 'autocannon'
import { createPrismaClient, type Db } from '../../lib/db'
import { fetchActionForm, signupFields } from '../support/form-post'
import { startTestSite, type TestSite } from '../support/test-site'
import { benchAdmin } from './admin'

const PORT = envInt('BENCH_PORT', 3200)
const CONNECTIONS = envInt('BENCH_CONNECTIONS', 50)
const SECONDS = envInt('BENCH_SECONDS', 10)
// The admin table is used by a handful of organisers at once, not by fifty.
const ADMIN_CONNECTIONS = envInt('BENCH_ADMIN_CONNECTIONS', 4)
const TRIP_PATH = '/resor/exempelresa' // the example trip (lib/seed), open for signups
const SIGNUP_PATH = `${TRIP_PATH}/anmalan`
// Every address the run signs up starts with this, to tell its registrations from the seed's.
const EMAIL_PREFIX = `bench-${Date.now()}-`
const PROBE_EMAIL = `${EMAIL_PREFIX}probe@example.se`
const BOUNDARY = '----MjolbybussenBench7MA4YWxkTrZu0gW'
// The baseline, in its own process as the site is: sharing the load generator's thread would
// cost it about a third of its throughput. It answers every request with the HTML from stdin.
const BASELINE_SERVER = `
  import http from 'node:http'
  const chunks = []
  for await (const chunk of process.stdin) chunks.push(chunk)
  const html = Buffer.concat(chunks)
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': html.length })
    res.end(html)
  })
  server.listen(0, '127.0.0.1', () => console.log(server.address().port))`

function envInt(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`)
  return value
}

type Row = { name: string; result: Result }

async function measure(name: string, options: Options): Promise<Row> {
  console.log(`Measuring ${name}: ${CONNECTIONS} connections, ${SECONDS} s …`)
  return { name, result: await autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options }) }
}

/** A signup as a browser without JavaScript posts it, as one multipart body for autocannon. */
function signupBody(hidden: [string, string][], email: string, boardingStopId: number): string {
  return multipartBody([...hidden, ...signupFields(email, { organisation: 'Lasttest AB', boardingStopId })])
}

const MULTIPART_CONTENT_TYPE = `multipart/form-data; boundary=${BOUNDARY}`
function multipartBody(fields: [string, string][]): string {
  const part = ([name, value]: [string, string]) =>
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
  return fields.map(part).join('') + `--${BOUNDARY}--\r\n`
}

const isSuccess = (status: number, location: string | string[] | null | undefined) =>
  status === 303 && typeof location === 'string' && /^(https?:\/\/[^/]+)?\/anmalan\/[^/?]+\?ny=1$/.test(location)

/** Waits until the registration count stops changing: requests cut off at the end still finish. */
async function settledCount(prisma: Db): Promise<number> {
  let last = -1
  for (let stable = 0, i = 0; stable < 3 && i < 120; i++) {
    const count = await prisma.registration.count()
    stable = count === last ? stable + 1 : 0
    last = count
    await new Promise((r) => setTimeout(r, 500))
  }
  return last
}

let site: TestSite | undefined
let baseline: ChildProcess | undefined
let prisma: Db | undefined

async function startBaseline(html: Buffer): Promise<string> {
  const args = ['--input-type=module', '-e', BASELINE_SERVER]
  const server = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] })
  baseline = server
  server.stdin.end(html)
  const port = await new Promise<string>((resolve, reject) => {
    server.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()))
    server.once('exit', () => reject(new Error('the baseline server did not start')))
  })
  return `http://127.0.0.1:${port}`
}

async function main(): Promise<boolean> {
  // LOG_LEVEL: the site logs a line per signup, which would bury the results (warnings still show).
  const env = { RATE_LIMITS: 'off', LOG_LEVEL: 'warn' }
  site = await startTestSite({ port: PORT, distDir: '.next-bench', label: 'bench', env })
  prisma = createPrismaClient(site.databaseUrl, 2)
  const url = site.url

  // One signup first, to check that the form is posted the way the site accepts it. (It does not
  // take x-www-form-urlencoded: that renders the page again, 200, and registers nobody.)
  const { hidden } = await fetchActionForm(url + SIGNUP_PATH, 'firstName')
  // The example trip has two boarding stops: the answer is required.
  const { id: boardingStopId } = await prisma.boardingStop.findFirstOrThrow({
    where: { trip: { slug: 'exempelresa' } },
    orderBy: { position: 'asc' },
    select: { id: true },
  })
  // Browsers send Origin with a form post; Next.js answers 500 to a server action from elsewhere.
  const headers = { 'content-type': MULTIPART_CONTENT_TYPE, origin: url }
  const before = await prisma.registration.count()
  const body = signupBody(hidden, PROBE_EMAIL, boardingStopId)
  const probe = await fetch(url + SIGNUP_PATH, { method: 'POST', headers, body, redirect: 'manual' })
  const location = probe.headers.get('location')
  if (!isSuccess(probe.status, location) || (await prisma.registration.count()) !== before + 1) {
    throw new Error(`the probe signup was not registered (HTTP ${probe.status}, location ${location})`)
  }
  // A signup regenerates the cached pages (and the trip page is only rendered on its first
  // request): fetch each twice so that both are cached before timing.
  for (const path of ['/', TRIP_PATH, '/', TRIP_PATH]) await (await fetch(url + path)).arrayBuffer()

  const baselineUrl = await startBaseline(Buffer.from(await (await fetch(`${url}/`)).arrayBuffer()))
  const rows = [await measure('node:http baseline', { url: baselineUrl })]
  rows.push(await measure('GET / (cached)', { url: `${url}/` }))
  rows.push(await measure(`GET ${TRIP_PATH}`, { url: url + TRIP_PATH }))

  // Each connection keeps the address of its request in flight in its context, which autocannon
  // hands to onResponse with that request's answer.
  const unanswered = new Set<string>()
  const succeeded = new Set<string>()
  const failed = new Map<number, number>() // HTTP status → count, for every answer but the 303
  let seq = 0
  const storedBefore = await prisma.registration.count()
  rows.push(
    await measure('POST signup (no JS)', {
      url,
      requests: [
        {
          method: 'POST',
          path: SIGNUP_PATH,
          headers,
          setupRequest: (request, context) => {
            const email = `${EMAIL_PREFIX}${++seq}@example.se`
            context.email = email
            unanswered.add(email)
            return { ...request, body: signupBody(hidden, email, boardingStopId) }
          },
          onResponse: (status, _body, context, answer) => {
            unanswered.delete(context.email as string)
            if (isSuccess(status, answer.location ?? answer.Location)) succeeded.add(context.email as string)
            else failed.set(status, (failed.get(status) ?? 0) + 1)
          },
        },
      ],
    }),
  )

  // Autocannon drops the requests in flight when the time is up, but the site finishes them.
  const stored = (await settledCount(prisma)) - storedBefore
  const where = { email: { startsWith: EMAIL_PREFIX, not: PROBE_EMAIL } }
  const rowsStored = await prisma.registration.findMany({ where, select: { email: true } })
  const storedEmails = new Set(rowsStored.map((r) => r.email))
  const lost = [...succeeded].filter((e) => !storedEmails.has(e)).length
  const cutOff = [...unanswered].filter((e) => storedEmails.has(e)).length
  // Stored although the site answered with an error: the person would think it failed.
  const unexplained = [...storedEmails].filter((e) => !succeeded.has(e) && !unanswered.has(e)).length
  // However many come at once, the trip's lock must not confirm more people than it has seats.
  const trip = await prisma.trip.findUniqueOrThrow({ where: { slug: 'exempelresa' }, select: { id: true, seats: true } })
  const confirmed = await prisma.registration.count({ where: { tripId: trip.id, status: 'CONFIRMED' } })
  const matches = stored === succeeded.size + cutOff
  const signupsOk = matches && lost === 0 && unexplained === 0 && confirmed <= trip.seats

  const base = rows[0]!.result.requests.average
  const errorAnswers = (r: Result) => r['1xx'] + r['4xx'] + r['5xx']
  const line = (cells: (string | number)[]) =>
    console.log(cells.map((c, i) => (i === 0 ? String(c).padEnd(24) : String(c).padStart(12))).join(' '))
  console.log()
  line(['target', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'non-2xx/3xx', 'vs baseline'])
  for (const { name, result: r } of rows) {
    const ratio = r.requests.average / base
    const vs = `${ratio.toFixed(ratio < 0.1 ? 3 : 2)}x baseline`
    line([name, r.requests.average.toFixed(1), r.latency.p50, r.latency.p99, r.errors, errorAnswers(r), vs])
  }
  const failedCount = [...failed.values()].reduce((a, b) => a + b, 0)
  console.log(
    `\nSignups: ${succeeded.size} succeeded (303 to /anmalan/<token>?ny=1), ${failedCount} failed` +
      (failedCount ? ` (by status: ${JSON.stringify(Object.fromEntries(failed))})` : '') +
      `, ${unanswered.size} unanswered (timed out, or cut off by the end of the run).` +
      `\nStored: ${stored} registrations, for ${succeeded.size} succeeded + ${cutOff} unanswered: ` +
      `${matches ? 'they match' : 'MISMATCH'}. Lost: ${lost}. Stored despite an error answer: ${unexplained}.` +
      ` Confirmed: ${confirmed} of ${trip.seats} seats.` +
      (signupsOk ? ' No signup lost.' : ' FAIL: signups lost, stored unexplained, or overbooked.'),
  )
  const targets = rows.map(({ name, result: r }) => ({
    ...{ name, reqPerSec: r.requests.average, p50Ms: r.latency.p50, p99Ms: r.latency.p99 },
    ...{ errors: r.errors, timeouts: r.timeouts, non2xx3xx: errorAnswers(r) },
    vsBaseline: Number((r.requests.average / base).toFixed(4)),
  }))
  const signups = {
    ...{ succeeded: succeeded.size, failed: Object.fromEntries(failed), unanswered: unanswered.size },
    ...{ stored, lost, unexplained, confirmed, seats: trip.seats },
  }
  // The organisers' side, in-process: lib/db reads DATABASE_URL, so point it at the site's.
  process.env.DATABASE_URL = site!.databaseUrl
  console.log(`\nMeasuring the admin table page at 10,000 registrations: ${ADMIN_CONNECTIONS} connections, ${SECONDS} s …`)
  const admin = await benchAdmin(prisma, url, { connections: ADMIN_CONNECTIONS, seconds: SECONDS })
  console.log(
    `\nAdmin at 10,000 registrations: the table page over HTTP ${admin.pageReqPerSec} req/s, ` +
      `p50 ${admin.pageP50Ms} ms, p99 ${admin.pageP99Ms} ms (${admin.pageWrongAnswers} answers other than 200); ` +
      `its query in-process p50 ${admin.tableP50Ms} ms, p99 ${admin.tableP99Ms} ms ` +
      `(${admin.tableQueries} queries: search, filters, sorting, deep pages); ` +
      `Excel export of ${admin.excelRows} rows ${admin.excelMedianMs} ms (median of 3, ${Math.round(admin.excelBytes / 1024)} KiB).`,
  )
  const ok = signupsOk && admin.pageWrongAnswers === 0
  console.log(JSON.stringify({ connections: CONNECTIONS, seconds: SECONDS, targets, signups, admin, ok }))
  return ok
}

let cleanedUp: Promise<void> | undefined
const cleanup = () =>
  (cleanedUp ??= (async () => {
    if (baseline && baseline.exitCode === null) {
      baseline.kill()
      await new Promise((r) => baseline!.once('exit', r))
    }
    await prisma?.$disconnect()
    await site?.stop()
  })())
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void cleanup().finally(() => process.exit(130)))
}

let exitCode = 1
try {
  exitCode = (await main()) ? 0 : 1
} catch (err) {
  console.error(err)
} finally {
  await cleanup()
}
process.exit(exitCode)
