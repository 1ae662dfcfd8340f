// Scale-out (issue 12): the site as an operator runs it on several hosts behind a real load
// balancer, on one PostgreSQL, and what must hold there that a single instance cannot show.
//
// The setup, as the README's "Running at scale" says to run it:
// - a private PostgreSQL cluster (tests/support/private-postgres.ts) and a real SMTP server on
//   loopback (tests/support/smtp-capture.ts);
// - ONE build: `npm run build`, once, into its own dist folder, with the release's fixed
//   NEXT_SERVER_ACTIONS_ENCRYPTION_KEY and NEXT_DEPLOYMENT_ID, against the release database
//   (migrated and seeded first: today's build reads the database for the pages it renders);
// - three instances A, B, C, each with a copy of that build folder (its cache folder too) and a
//   data folder of its own, as separate hosts have. A and B run the worker inside (WORKER=on),
//   C does not (WORKER=off); `npm run worker` runs beside them as its own process.
// - Each instance is started with `npm start` (scripts/serve.ts), the production start path the
//   README gives operators: it validates the environment, migrates and seeds (MIGRATE is unset:
//   the instances migrate themselves, which step 1 is about), then runs `next start` on the
//   build it was given. `next start` alone would neither migrate nor seed. `npm start` must serve
//   the build made by `npm run build`, never build again: an instance that begins a build of
//   its own, or ends up serving another BUILD_ID, fails.
// - Every process gets the same AUTH_SECRET, encryption key, deployment id, DATABASE_URL,
//   SMTP_URL and PUBLIC_URL (the balancer's address), and TRUST_PROXY=loopback so that the rate
//   limits see the client's address that the balancer appends to X-Forwarded-For.
// - haproxy (Debian's package; tests/support/haproxy.ts): round-robin, no stickiness, health
//   check on GET /api/health, Host kept, X-Forwarded-For appended. Without it the test fails and
//   says to `apt-get install haproxy`.
// Requests straight to one instance carry the Host and Origin the balancer would pass on. Each
// simulated person in a burst posts from a loopback address of its own (127.0.x.y).
//
// FAULTS_SCALE_PORT (3300: the balancer; the instances take the next three ports),
// FAULTS_SCALE_PG_PORT (5491), FAULTS_SCALE_DIST_DIR (.next-test-scale). The processes' output
// is in test-results/faults/scale/. Figures are printed for each step.
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPrismaClient, type Db } from '../../lib/db'
import { prepareDatabase } from '../../lib/db/prepare'
import { seatsLeftText } from '../../lib/trips/availability'
import { createTestTrip } from '../support/factories'
import { readActionFormWhere, receiptToken, signupFields } from '../support/form-post'
import { startHaproxy, type Balancer } from '../support/haproxy'
import { startPrivatePostgres, type PrivatePostgres } from '../support/private-postgres'
import { SmtpCapture } from '../support/smtp-capture'
import {
  buildRelease,
  copyBuild,
  cookieHeader,
  fetchForm,
  get,
  postForm,
  readBuildId,
  releaseEnv,
  startInstance,
  startProcess,
  startSignupBurst,
  startWorkerProcess,
  waitUntilUp,
  type Instance,
  type InstanceSpec,
  type Proc,
} from './cluster'
import { checkMigrations, checkSeed, byStatus, report, seatsShown, table, type RoundResult } from './scale-checks'
import { deliverEveryConfirmation, receiptsMissing, receiptsSince, seconds, sleep } from './rig'

const envInt = (name: string, fallback: number) => Number(process.env[name] ?? fallback)
const BALANCER_PORT = envInt('FAULTS_SCALE_PORT', 3300)
const PG_PORT = envInt('FAULTS_SCALE_PG_PORT', 5491)
const DIST_DIR = process.env.FAULTS_SCALE_DIST_DIR ?? '.next-test-scale'
const ROUNDS = 10
/** However slow the machine: an instance that has not come up in this time failed to. */
const UP_LIMIT_MS = 180_000
/** An instance that answers but not 200 for this long after its first answer is broken, not slow. */
const ANSWERING_LIMIT_MS = 60_000
/** "Within a few seconds": how long after a signup every instance's pages must show it. */
const PROPAGATION_MS = 5_000
const EXAMPLE = 'exempelresa'

const SPECS: InstanceSpec[] = [
  { name: 'A', port: BALANCER_PORT + 1, worker: true, distDir: `${DIST_DIR}-a` },
  { name: 'B', port: BALANCER_PORT + 2, worker: true, distDir: `${DIST_DIR}-b` },
  { name: 'C', port: BALANCER_PORT + 3, worker: false, distDir: `${DIST_DIR}-c` },
]

let pg: PrivatePostgres
let smtp: SmtpCapture
let balancer: Balancer
let releaseUrl: string
let buildId: string
let publicHost: string
const figures: Record<string, Record<string, unknown>> = {}

/** Copies the build to every instance's folder that lacks it unchanged (a rebuild by `npm start` replaces it). */
function provideBuilds() {
  for (const spec of SPECS) {
    const intact = fs.existsSync(path.join(spec.distDir, 'BUILD_ID')) && readBuildId(spec.distDir) === buildId
    if (!intact) copyBuild(DIST_DIR, spec.distDir)
  }
}

beforeAll(async () => {
  // The balancer first: without haproxy there is nothing to test, and building would waste minutes.
  balancer = await startHaproxy({
    port: BALANCER_PORT,
    servers: SPECS.map(({ name, port }) => ({ name, port })),
    logFile: path.resolve('test-results/faults/scale/haproxy.log'),
  })
  publicHost = new URL(balancer.url).host
  pg = await startPrivatePostgres({ port: PG_PORT })
  smtp = await new SmtpCapture().start()
  releaseUrl = await pg.createDatabase('mjolbybussen_scale_release')
  await prepareDatabase(releaseUrl, { seedExample: true })
  const build = await buildRelease(DIST_DIR, releaseEnv({ databaseUrl: releaseUrl, publicUrl: balancer.url, smtpUrl: smtp.url }))
  buildId = build.buildId
  for (const spec of SPECS) copyBuild(DIST_DIR, spec.distDir)
  figures.build = { 'build id': buildId, 'seconds to build': build.seconds }
  report('The release (`npm run build`, once)', figures.build)
})

afterAll(async () => {
  await stopCluster()
  await balancer?.stop()
  await smtp?.stop()
  pg?.destroy()
  console.log(`\nScale-out figures\n${table(figures)}\nThe processes' output: test-results/faults/scale/`)
})

// ---------------------------------------------------------------------------------------------
// The running cluster for steps 2–8: the release database (already migrated and seeded as a
// release does), A, B, C and the worker, all UP behind the balancer. Started on first use.

type Cluster = { prisma: Db; worker: Proc; instances: Instance[]; A: Instance; B: Instance; C: Instance; env: NodeJS.ProcessEnv }
let running: Promise<Cluster> | undefined

function cluster(): Promise<Cluster> {
  running ??= (async () => {
    provideBuilds()
    const env = releaseEnv({ databaseUrl: releaseUrl, publicUrl: balancer.url, smtpUrl: smtp.url })
    const worker = startWorkerProcess(env)
    const instances = SPECS.map((spec) => startInstance(spec, env))
    const started = Date.now()
    try {
      await Promise.all(instances.map((i) => waitUntilUp(i, { buildId, limitMs: UP_LIMIT_MS, answeringLimitMs: ANSWERING_LIMIT_MS, publicHost })))
      if (worker.exitCode() !== null) throw new Error(`npm run worker exited (${worker.exitCode()}):\n${worker.tail()}`)
      await balancer.waitForStates((s) => SPECS.every(({ name }) => s[name] === 'UP'), 60_000)
    } catch (err) {
      await Promise.all([...instances.map((i) => i.proc.stop()), worker.stop()])
      for (const i of instances) fs.rmSync(i.dataDir, { recursive: true, force: true })
      throw err
    }
    figures.cluster = { 'seconds until A, B, C served and the balancer had all three UP': seconds(Date.now() - started) }
    const [A, B, C] = instances as [Instance, Instance, Instance]
    return { prisma: createPrismaClient(releaseUrl, 4), worker, instances, A, B, C, env }
  })()
  return running
}

async function stopCluster() {
  const c = await running?.catch(() => undefined)
  if (!c) return
  await c.prisma.$disconnect()
  await Promise.all([...c.instances.map((i) => i.proc.stop()), c.worker.stop()])
  for (const i of c.instances) fs.rmSync(i.dataDir, { recursive: true, force: true })
}

const signupPath = (slug: string) => `/resor/${slug}/anmalan`

async function firstStop(prisma: Db, slug: string): Promise<number> {
  const stop = await prisma.boardingStop.findFirstOrThrow({ where: { trip: { slug } }, orderBy: { position: 'asc' }, select: { id: true } })
  return stop.id
}

describe('scale-out: three instances of one build behind haproxy', () => {
  it('1. three instances and a worker started at the same moment on an empty database, ten times: all come up, each migration applied once, the seed once', async () => {
    const rounds: RoundResult[] = []
    for (let round = 1; round <= ROUNDS; round++) {
      provideBuilds()
      const name = `mjolbybussen_scale_round_${round}`
      const databaseUrl = await pg.createDatabase(name)
      const env = releaseEnv({ databaseUrl, publicUrl: balancer.url, smtpUrl: smtp.url })
      // The same moment: every process is spawned before any is waited for.
      const worker = startWorkerProcess(env)
      const instances = SPECS.map((spec) => startInstance(spec, env))
      const outcomes = await Promise.allSettled(
        instances.map((i) => waitUntilUp(i, { buildId, limitMs: UP_LIMIT_MS, answeringLimitMs: ANSWERING_LIMIT_MS, publicHost })),
      )
      const workerExit = worker.exitCode()
      const result: RoundResult = {
        round,
        up: outcomes.map((o, i) => (o.status === 'fulfilled' ? `${SPECS[i]!.name} ${o.value.toFixed(1)} s` : `${SPECS[i]!.name} FAILED`)),
        errors: outcomes.flatMap((o) => (o.status === 'rejected' ? [String((o.reason as Error).message)] : [])),
        worker: workerExit === null ? 'running' : `exited (${workerExit}): ${worker.tail()}`,
        migrations: await checkMigrations(databaseUrl),
        seed: await checkSeed(databaseUrl),
      }
      if (workerExit !== null) result.errors.push(`npm run worker exited (${workerExit})`)
      if (result.migrations !== 'ok') result.errors.push(`migrations: ${result.migrations}`)
      if (result.seed !== 'ok') result.errors.push(`seed: ${result.seed}`)
      rounds.push(result)
      await Promise.all([...instances.map((i) => i.proc.stop()), worker.stop()])
      for (const i of instances) fs.rmSync(i.dataDir, { recursive: true, force: true })
      console.log(`round ${round}: ${result.up.join(', ')}; worker ${result.worker.split('\n')[0]}; migrations ${result.migrations}; seed ${result.seed}`)
    }
    const failed = rounds.filter((r) => r.errors.length)
    figures['1. simultaneous start'] = { rounds: ROUNDS, 'rounds with every instance up, migrations and seed once': ROUNDS - failed.length }
    report('1. Three instances and a worker started at once on an empty database', {
      ...Object.fromEntries(rounds.map((r) => [`round ${r.round}`, `${r.up.join(', ')} | worker ${r.worker.split('\n')[0]} | migrations ${r.migrations} | seed ${r.seed}`])),
    })
    expect(failed.map((r) => `round ${r.round}: ${r.errors.join(' | ')}`)).toEqual([])
  }, ROUNDS * (UP_LIMIT_MS + 60_000))

  it('2. a form fetched from A and posted without JavaScript to B and to C is accepted by both', async () => {
    const { prisma, A, B, C } = await cluster()
    const form = await fetchForm(A.url + signupPath(EXAMPLE), 'firstName', { host: publicHost })
    const boardingStopId = await firstStop(prisma, EXAMPLE)
    const answers = []
    for (const target of [B, C]) {
      const email = `step2-${target.name.toLowerCase()}-${Date.now()}@example.se`
      const answer = await postForm(target.url + signupPath(EXAMPLE), form, signupFields(email, { boardingStopId }), { host: publicHost })
      const token = receiptToken({ status: answer.status, location: answer.location ?? null })
      answers.push({ target: target.name, email, status: answer.status, token, body: token ? '' : answer.body.slice(0, 300) })
    }
    const stored = await prisma.registration.count({ where: { email: { in: answers.map((a) => a.email) } } })
    figures['2. form from A posted to B and C'] = Object.fromEntries(answers.map((a) => [`posted to ${a.target}`, a.token ? 'receipt' : `HTTP ${a.status}`]))
    report('2. A form fetched from A, posted without JavaScript to B and C', {
      ...Object.fromEntries(answers.map((a) => [`to ${a.target}`, a.token ? `303 receipt` : `HTTP ${a.status}: ${a.body}`])),
      'stored registrations': stored,
    })
    expect(answers.map((a) => [a.target, a.status, a.token ? 'receipt' : a.body])).toEqual([
      ['B', 303, 'receipt'],
      ['C', 303, 'receipt'],
    ])
    expect(stored).toBe(2)
  }, 240_000)

  it('3. 60 simultaneous signups through the balancer for 20 seats: 20 confirmed, waiting places 1–40, none lost', async () => {
    const { prisma, instances } = await cluster()
    const trip = await createTestTrip(prisma, { seats: 20, boardingStops: ['Resecentrum'] })
    const boardingStopId = trip.boardingStops[0]!.id
    const form = await fetchForm(balancer.url + signupPath(trip.slug), 'firstName')
    const prefix = `step3-${Date.now()}-`
    // 60 people, each from an address of its own, all at once.
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        postForm(balancer.url + signupPath(trip.slug), form, signupFields(`${prefix}${i}@example.se`, { boardingStopId }), {
          localAddress: `127.0.1.${i + 1}`,
        }).then(
          (a) => ({ email: `${prefix}${i}@example.se`, status: a.status, servedBy: a.servedBy, token: receiptToken({ status: a.status, location: a.location ?? null }), body: a.body }),
          (err: Error) => ({ email: `${prefix}${i}@example.se`, status: 0, servedBy: undefined, token: null, body: err.message }),
        ),
      ),
    )
    const attempts = answers.map((a) => ({ email: a.email, startedAt: 0, endedAt: 0, status: a.status, token: a.token }))
    const missing = await receiptsMissing(prisma, attempts)
    const rows = await prisma.registration.groupBy({ by: ['status'], where: { tripId: trip.id }, _count: true })
    const counts = Object.fromEntries(rows.map((r) => [r.status, r._count]))
    // What each person is shown on their receipt's page: confirmed, or their place in the queue.
    const places: number[] = []
    let confirmedShown = 0
    for (const a of answers.filter((a) => a.token)) {
      const page = await get(`${balancer.url}/anmalan/${a.token}`)
      // (React separates text and values with empty comments.)
      const text = page.body.replaceAll('<!-- -->', '')
      const place = text.match(/Du har plats (\d+) på reservlistan/)?.[1]
      if (place) places.push(Number(place))
      if (text.includes('Bekräftad: du har en plats på resan.')) confirmedShown++
    }
    const servedBy = countBy(answers.map((a) => a.servedBy ?? 'none'))
    figures['3. 60 signups for 20 seats'] = { receipts: answers.filter((a) => a.token).length, ...counts, 'receipts missing': missing.length }
    report('3. 60 simultaneous signups through the balancer for 20 seats', {
      answers: countBy(answers.map((a) => (a.token ? 'receipt' : `HTTP ${a.status}`))),
      'served by': servedBy,
      'stored by status': counts,
      'receipts missing from the database': missing.length,
      'shown confirmed / waiting places shown': `${confirmedShown} / ${places.length} (${Math.min(...places)}–${Math.max(...places)})`,
      'first non-receipt answer': answers.find((a) => !a.token)?.body.slice(0, 300) ?? '-',
    })
    expect(answers.filter((a) => !a.token).map((a) => `HTTP ${a.status}: ${a.body.slice(0, 200)}`)).toEqual([])
    expect(missing).toEqual([])
    expect(counts).toEqual({ CONFIRMED: 20, WAITLISTED: 40 })
    expect(confirmedShown).toBe(20)
    expect(places.sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1))
    // Round-robin: every instance took its share.
    expect(Object.keys(servedBy).sort()).toEqual(instances.map((i) => i.name).sort())
  }, 240_000)

  it('4. after every instance was idle past its cache lifetime, a signup through A shows on the first request to B and to C', async () => {
    const { prisma, A, B, C } = await cluster()
    const lifetime = cacheLifetimeSeconds()
    const seatsLeft = async () => {
      const trip = await prisma.trip.findUniqueOrThrow({ where: { slug: EXAMPLE }, select: { id: true, seats: true } })
      return trip.seats - (await prisma.registration.count({ where: { tripId: trip.id, status: 'CONFIRMED' } }))
    }
    const tripPage = (i: Instance) => get(`${i.url}/resor/${EXAMPLE}`, { host: publicHost }).then((a) => seatsShown(a.body))
    // Every instance has the page in its cache.
    const warm: Record<string, string> = {}
    for (const i of [A, B, C]) {
      await tripPage(i)
      warm[i.name] = await tripPage(i)
    }
    const before = await seatsLeft()
    // Idle: no page is asked of any instance (the balancer's health checks ask /api/health only).
    await sleep((lifetime + 5) * 1000)
    const form = await fetchForm(A.url + signupPath(EXAMPLE), 'firstName', { host: publicHost })
    const answer = await postForm(A.url + signupPath(EXAMPLE), form, signupFields(`step4-${Date.now()}@example.se`, { boardingStopId: await firstStop(prisma, EXAMPLE) }), { host: publicHost })
    const signedUpAt = Date.now()
    const after = await seatsLeft()
    await sleep(PROPAGATION_MS - (Date.now() - signedUpAt))
    const first = { B: await tripPage(B), C: await tripPage(C) }
    const onA = await tripPage(A)
    figures['4. caches after idle'] = { 'seats left before / after': `${before} / ${after}`, 'first request to B': first.B, 'first request to C': first.C }
    report('4. Idle past the cache lifetime, then a signup through A', {
      'cache lifetime of the trip page (s)': lifetime,
      'idle (s)': lifetime + 5,
      'shown when warmed': warm,
      'seats left in the database before / after': `${before} / ${after}`,
      'signup answer': answer.status === 303 ? 'receipt' : `HTTP ${answer.status}`,
      [`first request to B, ${PROPAGATION_MS / 1000} s after the signup`]: first.B,
      'first request to C, right after': first.C,
      'then A': onA,
    })
    expect(receiptToken({ status: answer.status, location: answer.location ?? null })).not.toBeNull()
    expect(after).toBe(before - 1)
    expect(first).toEqual({ B: seatsLeftText(after), C: seatsLeftText(after) })
  }, 600_000)

  it('5. an organiser signs in through the balancer; ten admin requests succeed; signing out on one instance ends the session on all', async () => {
    const { env, instances } = await cluster()
    const email = `arrangor-${Date.now()}@example.se`
    const password = `lösenord-${Math.random().toString(36).slice(2)}-långt`
    const add = startProcess('organiser', 'npm', ['run', 'organiser', '--', 'add', '--email', email, '--name', 'Anna Arrangör'], {
      ...env,
      ORGANISER_PASSWORD: password,
    })
    await new Promise((r) => add.child.once('exit', r))
    expect(add.exitCode(), add.tail()).toBe(0)

    const signInForm = await fetchForm(`${balancer.url}/admin/logga-in`, 'password')
    const signIn = await postForm(`${balancer.url}/admin/logga-in`, signInForm, [
      ['email', email],
      ['password', password],
    ])
    const cookie = cookieHeader(signIn.setCookie)
    const adminPaths = ['/admin', '/admin/innehall', `/admin/resor/${EXAMPLE}`, '/admin/logg', '/admin/installningar']
    const admin = []
    for (let n = 0; n < 10; n++) {
      const a = await get(balancer.url + adminPaths[n % adminPaths.length]!, { cookie })
      admin.push({ path: adminPaths[n % adminPaths.length]!, status: a.status, location: a.location, servedBy: a.servedBy })
    }
    // Sign out on one instance: the first that shows the admin page to this cookie (A, if the
    // session holds everywhere), with the sign-out form it serves.
    let signOut: { instance: string; status: number; location?: string } = { instance: 'none', status: 0 }
    for (const i of instances) {
      const page = await get(`${i.url}/admin`, { cookie, host: publicHost })
      if (page.status !== 200) continue
      const form = readActionFormWhere(page.body, (f) => f.includes('Logga ut'), 'the button Logga ut')
      const answer = await postForm(`${i.url}/admin`, form, [], { cookie, host: publicHost })
      signOut = { instance: i.name, status: answer.status, location: answer.location }
      break
    }
    // The old cookie, on every instance.
    const after: Record<string, string> = {}
    for (const i of instances) {
      const a = await get(`${i.url}/admin`, { cookie, host: publicHost })
      after[i.name] = a.status === 200 ? '200 (still signed in)' : `${a.status} → ${a.location}`
    }
    figures['5. organiser session'] = {
      'admin requests answered 200': admin.filter((a) => a.status === 200).length,
      'old cookie after sign-out': after,
    }
    report('5. An organiser through the balancer', {
      'sign-in': `HTTP ${signIn.status} → ${signIn.location} (served by ${signIn.servedBy})`,
      'admin requests': admin.map((a) => `${a.path} ${a.status}${a.location ? ` → ${a.location}` : ''} (${a.servedBy})`),
      'sign-out': `on ${signOut.instance}: HTTP ${signOut.status} → ${signOut.location}`,
      'the old cookie afterwards': after,
    })
    expect(signIn.status).toBe(303)
    expect(signIn.location).toMatch(/\/admin$/)
    expect(admin.filter((a) => a.status !== 200)).toEqual([])
    expect(new Set(admin.map((a) => a.servedBy)).size).toBe(instances.length)
    expect(signOut.status).toBe(303)
    expect(signOut.location).toMatch(/\/admin\/logga-in/)
    for (const i of instances) expect(after[i.name], `instance ${i.name}`).toMatch(/^30[37] → .*\/admin\/logga-in/)
  }, 240_000)

  it('6. eight signups with one e-mail address spread over the instances: the per-e-mail limit holds as for one instance', async () => {
    const { prisma, instances } = await cluster()
    const trip = await createTestTrip(prisma, { seats: 50, boardingStops: ['Resecentrum'] })
    const boardingStopId = trip.boardingStops[0]!.id
    const { signupsPerEmail } = await prisma.siteSettings.findUniqueOrThrow({ where: { id: 1 } })
    const form = await fetchForm(balancer.url + signupPath(trip.slug), 'firstName')
    const email = `step6-${Date.now()}@example.se`
    // At once, to A, B, C, A, B, C, A, B, each from a network of its own: only the e-mail is shared.
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, n) => {
        const target = instances[n % instances.length]!
        return postForm(target.url + signupPath(trip.slug), form, signupFields(email, { boardingStopId }), { host: publicHost, localAddress: `127.0.3.${n + 1}` }).then((a) => ({ target: target.name, ...a }))
      }),
    )
    const kind = (a: (typeof answers)[number]) =>
      receiptToken({ status: a.status, location: a.location ?? null })
        ? 'receipt'
        : a.body.includes('Du är redan anmäld')
          ? 'already signed up (link mailed again)'
          : a.body.includes('Den här e-postadressen har använts till många anmälningar')
            ? 'refused: the e-mail limit'
            : `HTTP ${a.status} other`
    const outcome = countBy(answers.map(kind))
    const mails = await prisma.outboxMessage.count({ where: { toAddress: email } })
    const expected = {
      receipt: 1,
      'already signed up (link mailed again)': Math.min(8, signupsPerEmail) - 1,
      ...(8 > signupsPerEmail ? { 'refused: the e-mail limit': 8 - signupsPerEmail } : {}),
    }
    figures['6. one e-mail, eight signups'] = { 'limit per e-mail': signupsPerEmail, ...outcome }
    report('6. Eight signups with one e-mail address over A, B, C', {
      'limit per e-mail an hour (setting)': signupsPerEmail,
      answers: answers.map((a) => `${a.target}: ${kind(a)}`),
      'e-mails queued to the address': mails,
    })
    expect(outcome).toEqual(expected)
    expect(await prisma.registration.count({ where: { email } })).toBe(1)
    expect(mails).toBe(Math.min(8, signupsPerEmail))
  }, 240_000)

  it('7. every participant gets each e-mail exactly once; every outbox row ends sent', async () => {
    const { prisma } = await cluster()
    const started = Date.now()
    for (;;) {
      const pending = await prisma.outboxMessage.count({ where: { status: { in: ['QUEUED', 'SENDING'] } } })
      if (pending === 0) break
      if (Date.now() - started > 180_000) throw new Error(`${pending} e-mails still not sent after 180 s`)
      await sleep(500)
    }
    const rows = await prisma.outboxMessage.findMany({ select: { toAddress: true, subject: true, status: true } })
    const queued = countBy(rows.map((r) => `${r.toAddress}\n${r.subject}`))
    const received = countBy(smtp.messages.flatMap((m) => m.envelopeTo.map((to) => `${to}\n${m.subject ?? ''}`)))
    const keys = new Set([...Object.keys(queued), ...Object.keys(received)])
    const differences = [...keys]
      .filter((k) => queued[k] !== received[k])
      .map((k) => `${k.replace('\n', ' «')}»: ${queued[k] ?? 0} in the outbox, ${received[k] ?? 0} received`)
    const registrations = await prisma.registration.count()
    figures['7. e-mail'] = { 'outbox rows': rows.length, 'messages received': smtp.messages.length, differences: differences.length }
    report('7. Every e-mail exactly once', {
      registrations,
      'outbox rows by status': countBy(rows.map((r) => r.status)),
      'messages received by the SMTP server': smtp.messages.length,
      'seconds until none waited': seconds(Date.now() - started),
      'outbox and mailbox differ for': differences.length ? differences.slice(0, 10) : 'none',
    })
    expect(countBy(rows.map((r) => r.status))).toEqual({ SENT: rows.length })
    expect(differences).toEqual([])
  }, 240_000)

  it('8. one instance killed (SIGKILL) during a burst: the balancer drops it; every receipt has its row and its e-mail', async () => {
    const c = await cluster()
    const { prisma, B } = c
    const trip = await createTestTrip(prisma, { seats: 1000, boardingStops: ['Resecentrum'] })
    const boardingStopId = trip.boardingStops[0]!.id
    const form = await fetchForm(balancer.url + signupPath(trip.slug), 'firstName')
    const prefix = `step8-${Date.now()}-`
    const load = startSignupBurst(balancer.url, signupPath(trip.slug), form, (email) => signupFields(email, { boardingStopId }), {
      clients: 20,
      prefix,
      subnet: '127.0.2',
    })
    await receiptsSince(load.attempts, 20, 0, 120_000)
    // B (with the worker inside) goes away as a host does: every process of it at once.
    const killedAt = Date.now()
    await B.proc.kill()
    const states = await balancer.waitForStates((s) => /^DOWN/.test(s.B ?? ''), 60_000).catch((err: Error) => err)
    const droppedAt = Date.now()
    await receiptsSince(load.attempts, 20, droppedAt + 1_000, 90_000).catch(() => {})
    const attempts = await load.stop()

    const missing = await receiptsMissing(prisma, attempts)
    const beforeKill = attempts.filter((a) => a.endedAt < killedAt)
    const window = attempts.filter((a) => a.endedAt >= killedAt && a.startedAt <= droppedAt + 1_000)
    const afterDrop = attempts.filter((a) => a.startedAt > droppedAt + 1_000)
    const delivery = await deliverEveryConfirmation({ prisma, smtp, site: { databaseUrl: releaseUrl } }, prefix)
    figures['8. instance killed in a burst'] = {
      receipts: attempts.filter((a) => a.token).length,
      'receipts missing': missing.length,
      'seconds until the balancer dropped it': seconds(droppedAt - killedAt),
      'e-mails delivered': delivery.delivered,
    }
    report('8. B killed (SIGKILL) during a burst of signups through the balancer', {
      'signups attempted': attempts.length,
      receipts: attempts.filter((a) => a.token).length,
      'answers before the kill': byStatus(beforeKill),
      'answers from the kill until a second after the balancer dropped B': byStatus(window),
      'answers after that': byStatus(afterDrop),
      'served after that by': countBy(afterDrop.map((a) => a.servedBy ?? 'none')),
      'balancer': states instanceof Error ? states.message : states,
      'seconds from the kill until the balancer dropped B': seconds(droppedAt - killedAt),
      'receipts missing from the database': missing.length,
      'e-mails delivered / delivered by the sweeper / twice': `${delivery.delivered} / ${delivery.orphaned} / ${delivery.duplicates}`,
    })
    expect(states).not.toBeInstanceOf(Error)
    expect(byStatus(beforeKill)).toEqual({ receipt: beforeKill.length })
    expect(afterDrop.length).toBeGreaterThan(0)
    expect(byStatus(afterDrop)).toEqual({ receipt: afterDrop.length })
    expect(afterDrop.filter((a) => a.servedBy === B.name)).toEqual([])
    expect(missing).toEqual([])
  }, 420_000)
})

function countBy(values: string[]): Record<string, number> {
  return values.reduce<Record<string, number>>((counts, v) => ((counts[v] = (counts[v] ?? 0) + 1), counts), {})
}

/**
 * How long an instance may serve the trip page from its cache: the `revalidate` the page and its
 * layout declare (the longer one); 0 for a page rendered per request.
 */
function cacheLifetimeSeconds(): number {
  const files = ['app/(site)/resor/[slug]/page.tsx', 'app/(site)/resor/[slug]/layout.tsx'].map((file) => fs.readFileSync(file, 'utf8'))
  const declared = files.flatMap((text) => {
    const value = text.match(/export const revalidate = (\d+)/)?.[1]
    return value ? [Number(value)] : []
  })
  if (declared.length) {
    const lifetime = Math.max(...declared)
    if (lifetime > 300) throw new Error(`the trip page's cache lifetime (${lifetime} s) is too long for this test to wait out`)
    return lifetime
  }
  if (files.some((text) => /export const dynamic = 'force-dynamic'/.test(text))) return 0
  throw new Error("the trip page declares neither `revalidate` nor `dynamic = 'force-dynamic'`: tell this test its cache lifetime")
}
