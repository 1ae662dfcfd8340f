// The scale-out test's machinery (tests/faults/scale-out.test.ts): one release built once, started
// as several instances the way an operator starts them on separate hosts, the worker as its own
// process, and HTTP as browsers without JavaScript send it, from chosen loopback addresses (so that
// each simulated person is a client of its own, as the balancer and the rate limits see them).
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { readActionForm, receiptToken, type ActionForm, type FieldValue } from '../support/form-post'
import { SERVED_BY } from '../support/haproxy'
import { multipartBody, requestFrom, type SimpleAnswer } from '../support/raw-http'
import type { Attempt } from './rig'

export const LOG_DIR = path.resolve('test-results/faults/scale')
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * What every process of the release shares, fixed once for the test run as an operator fixes it
 * for a release: the organisers' cookie secret (also the key of the rate limits' counters), the
 * server actions' encryption key (build and run) and the deployment id (build and run).
 */
export const RELEASE_SECRETS = {
  AUTH_SECRET: randomBytes(32).toString('base64url'),
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  NEXT_DEPLOYMENT_ID: `scale-test-${Date.now()}`,
}

/** The environment of the release's processes: the parent's, less anything that would choose for them. */
export function releaseEnv(settings: { databaseUrl: string; publicUrl: string; smtpUrl: string }): NodeJS.ProcessEnv {
  const inherited = { ...process.env }
  // Instances migrate themselves (MIGRATE unset); the rest is set per process below.
  for (const name of ['MIGRATE', 'PORT', 'NEXT_DIST_DIR', 'DATA_DIR', 'WORKER', 'RATE_LIMITS', 'TEST_DATABASE_URL', 'SEED_EXAMPLE']) {
    delete inherited[name]
  }
  return {
    ...inherited,
    ...RELEASE_SECRETS,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: settings.databaseUrl,
    PUBLIC_URL: settings.publicUrl,
    SMTP_URL: settings.smtpUrl,
    MAIL_FROM: 'Mjölbybussen <noreply@mjolbybussen.test>',
    // The example trip, open for signups, on a real database too.
    SEED_EXAMPLE: '1',
    // The balancer on loopback appends the client's address to X-Forwarded-For.
    TRUST_PROXY: 'loopback',
    EMAIL_RETRY_DELAY_SECONDS: '1',
    EMAIL_RETRY_MAX_DELAY_SECONDS: '2',
  }
}

// ---------------------------------------------------------------------------------------------
// Processes: each in a process group of its own (npm, tsx and Next.js below it), so that a crash
// can be simulated by killing the whole group, as a host going away would.

const groups = new Set<number>()
process.on('exit', () => {
  for (const pid of groups) killGroup(pid, 'SIGKILL')
})

function killGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal)
  } catch {
    // Already gone.
  }
}

export type Proc = {
  name: string
  child: ChildProcess
  /** The last lines it wrote (the whole output is in its log file). */
  tail: () => string
  exitCode: () => number | string | null
  /** SIGTERM to the group, then SIGKILL if it has not exited within `graceMs`. */
  stop: (graceMs?: number) => Promise<void>
  /** The whole group, at once (a crash). */
  kill: () => Promise<void>
}

export function startProcess(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  { onLine }: { onLine?: (line: string) => void } = {},
): Proc {
  fs.mkdirSync(LOG_DIR, { recursive: true })
  const logFile = path.join(LOG_DIR, `${name}.log`)
  fs.appendFileSync(logFile, `\n===== ${new Date().toISOString()} ${command} ${args.join(' ')}\n`)
  const child = spawn(command, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  groups.add(child.pid!)
  const lines: string[] = []
  let partial = ''
  const take = (chunk: Buffer) => {
    fs.appendFileSync(logFile, chunk)
    const text = partial + chunk.toString('utf8')
    const parts = text.split('\n')
    partial = parts.pop()!
    for (const line of parts) {
      lines.push(line)
      if (lines.length > 40) lines.shift()
      onLine?.(line)
    }
  }
  child.stdout!.on('data', take)
  child.stderr!.on('data', take)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const done = () => child.exitCode !== null || child.signalCode !== null
  const end = async (signal: NodeJS.Signals, graceMs: number) => {
    if (!done()) {
      killGroup(child.pid!, signal)
      await Promise.race([exited, sleep(graceMs)])
    }
    // Whatever of the group outlived its leader goes too.
    killGroup(child.pid!, 'SIGKILL')
    if (!done()) await exited
    groups.delete(child.pid!)
  }
  return {
    name,
    child,
    tail: () => [...lines, partial].filter(Boolean).slice(-15).join('\n'),
    exitCode: () => child.exitCode ?? child.signalCode,
    stop: (graceMs = 20_000) => end('SIGTERM', graceMs),
    kill: () => end('SIGKILL', 10_000),
  }
}

// ---------------------------------------------------------------------------------------------
// The release: built once; each instance gets a copy of the build (a host of its own would).

export async function buildRelease(distDir: string, env: NodeJS.ProcessEnv): Promise<{ buildId: string; seconds: number }> {
  const started = Date.now()
  fs.rmSync(distDir, { recursive: true, force: true })
  const build = startProcess('build', 'npm', ['run', 'build'], { ...env, NEXT_DIST_DIR: distDir })
  await new Promise((resolve) => build.child.once('exit', resolve))
  if (build.exitCode() !== 0) throw new Error(`npm run build failed (${build.exitCode()}):\n${build.tail()}`)
  return { buildId: readBuildId(distDir), seconds: (Date.now() - started) / 1000 }
}

export function readBuildId(distDir: string): string {
  return fs.readFileSync(path.join(distDir, 'BUILD_ID'), 'utf8').trim()
}

export function copyBuild(from: string, to: string) {
  fs.rmSync(to, { recursive: true, force: true })
  fs.cpSync(from, to, { recursive: true, preserveTimestamps: true })
}

export type InstanceSpec = { name: string; port: number; worker: boolean; distDir: string }

export type Instance = InstanceSpec & {
  url: string
  proc: Proc
  dataDir: string
  /** The line of its output that showed it building instead of serving the build it was given. */
  rebuilt: () => string | null
}

// What `npm start` (scripts/serve.ts) or `next build` print when a build begins.
const BUILD_BEGINS = /"event":"build\.start"|Creating an optimized production build/

/** `npm start` for one instance, on a data folder of its own. */
export function startInstance(spec: InstanceSpec, env: NodeJS.ProcessEnv): Instance {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `mjolbybussen-${spec.name}-`))
  let rebuilt: string | null = null
  const proc = startProcess(
    spec.name,
    'npm',
    ['start'],
    { ...env, PORT: String(spec.port), NEXT_DIST_DIR: spec.distDir, DATA_DIR: dataDir, WORKER: spec.worker ? 'on' : 'off' },
    { onLine: (line) => (rebuilt ??= BUILD_BEGINS.test(line) ? line : null) },
  )
  return { ...spec, url: `http://127.0.0.1:${spec.port}`, proc, dataDir, rebuilt: () => rebuilt }
}

export function startWorkerProcess(env: NodeJS.ProcessEnv, name = 'worker'): Proc {
  return startProcess(name, 'npm', ['run', 'worker'], env)
}

/** The pages an instance must serve to count as up (the health check alone is not enough: an
 * instance whose start-up failed may answer it and 500 to everything else). */
export const UP_PATHS = ['/api/health', '/', '/resor/exempelresa', '/resor/exempelresa/anmalan']

/**
 * Waits until the instance answers 200 on every UP_PATH. Fails at once when it exits or begins
 * a build of its own; fails when it answers at all but not 200 for `answeringLimitMs`.
 */
export async function waitUntilUp(
  instance: Instance,
  { buildId, limitMs, answeringLimitMs, publicHost }: { buildId: string; limitMs: number; answeringLimitMs: number; publicHost: string },
): Promise<number> {
  const started = Date.now()
  let firstAnswer: number | null = null
  let last = ''
  for (;;) {
    if (instance.rebuilt()) {
      throw new Error(`instance ${instance.name}: \`npm start\` began a build of its own instead of serving the build it was given: ${instance.rebuilt()}`)
    }
    if (instance.proc.exitCode() !== null) {
      throw new Error(`instance ${instance.name} exited (${instance.proc.exitCode()}) before it served:\n${instance.proc.tail()}`)
    }
    const answers = await Promise.all(
      UP_PATHS.map((p) => get(instance.url + p, { host: publicHost }).then((a) => `${p} ${a.status}`, () => null)),
    )
    if (answers.every((a) => a?.endsWith(' 200'))) break
    if (answers.some((a) => a !== null)) {
      firstAnswer ??= Date.now()
      last = answers.filter((a) => a && !a.endsWith(' 200')).join(', ')
      if (Date.now() - firstAnswer > answeringLimitMs) {
        throw new Error(`instance ${instance.name} answers but does not serve (${last}) ${answeringLimitMs / 1000} s after its first answer:\n${instance.proc.tail()}`)
      }
    }
    if (Date.now() - started > limitMs) {
      throw new Error(`instance ${instance.name} did not come up within ${limitMs / 1000} s (${last || 'no answer'}):\n${instance.proc.tail()}`)
    }
    await sleep(250)
  }
  const served = readBuildId(instance.distDir)
  if (served !== buildId) throw new Error(`instance ${instance.name} serves build ${served}, not the release's ${buildId}: it built again`)
  if (instance.rebuilt()) throw new Error(`instance ${instance.name}: \`npm start\` built again: ${instance.rebuilt()}`)
  return (Date.now() - started) / 1000
}

// ---------------------------------------------------------------------------------------------
// HTTP as the tests send it: to the balancer, or straight to one instance with the Host and
// Origin the balancer would pass on (it keeps Host as the browser sent it).

export type Answer = SimpleAnswer & { servedBy?: string }

type Options = { host?: string; localAddress?: string; cookie?: string }

function headersFor(url: string, { host, cookie }: Options, extra: Record<string, string> = {}) {
  return { host: host ?? new URL(url).host, ...(cookie ? { cookie } : {}), ...extra }
}

export async function get(url: string, options: Options = {}): Promise<Answer> {
  const answer = await requestFrom(url, { headers: headersFor(url, options), localAddress: options.localAddress })
  return { ...answer, servedBy: answer.headers[SERVED_BY] as string | undefined }
}

/** Fetches the page and reads its server-action form that has `field` (form-post.ts). */
export async function fetchForm(url: string, field: string, options: Options = {}): Promise<ActionForm & { servedBy?: string }> {
  const page = await get(url, options)
  if (page.status !== 200) throw new Error(`GET ${url}: ${page.status}`)
  return { ...readActionForm(page.body, field), servedBy: page.servedBy }
}

/** Posts a server-action form as a browser without JavaScript does (multipart, with Origin). */
export async function postForm(
  url: string,
  form: ActionForm,
  fields: Iterable<[string, FieldValue]>,
  options: Options = {},
): Promise<Answer> {
  const data = new FormData()
  for (const [name, value] of form.hidden) data.append(name, value)
  for (const [name, value] of fields) data.append(name, value)
  const { body, contentType } = await multipartBody(data)
  const host = options.host ?? new URL(url).host
  const answer = await requestFrom(url, {
    method: 'POST',
    headers: headersFor(url, options, { 'content-type': contentType, origin: `http://${host}` }),
    body,
    localAddress: options.localAddress,
  })
  return { ...answer, servedBy: answer.headers[SERVED_BY] as string | undefined }
}

/** The session cookie's name=value pairs from Set-Cookie headers, as a Cookie header. */
export function cookieHeader(setCookie: string[]): string {
  return setCookie.map((c) => c.split(';')[0]!).join('; ')
}

// ---------------------------------------------------------------------------------------------
// A burst of signups through the balancer, each simulated person from a loopback address of its own.

export type LoadAttempt = Attempt & { servedBy?: string }

export function startSignupBurst(
  balancerUrl: string,
  signupPath: string,
  form: ActionForm,
  fieldsFor: (email: string) => [string, string][],
  { clients, prefix, subnet }: { clients: number; prefix: string; subnet: string },
) {
  const attempts: LoadAttempt[] = []
  let stopping = false
  let seq = 0
  const client = async (index: number) => {
    while (!stopping) {
      const email = `${prefix}${++seq}@example.se`
      const attempt: LoadAttempt = { email, startedAt: Date.now(), endedAt: 0 }
      attempts.push(attempt)
      try {
        const answer = await postForm(balancerUrl + signupPath, form, fieldsFor(email), { localAddress: `${subnet}.${index + 1}` })
        attempt.status = answer.status
        attempt.servedBy = answer.servedBy
        attempt.token = receiptToken({ status: answer.status, location: answer.location ?? null })
        attempt.contentType = String(answer.headers['content-type'] ?? '')
        if (!attempt.token) attempt.body = answer.body
      } catch (err) {
        attempt.error = (err as NodeJS.ErrnoException).code ?? (err as Error).message
        await sleep(100)
      } finally {
        attempt.endedAt = Date.now()
      }
    }
  }
  const running = Array.from({ length: clients }, (_, i) => client(i))
  return {
    attempts,
    async stop(): Promise<LoadAttempt[]> {
      stopping = true
      await Promise.all(running)
      return attempts
    },
  }
}
