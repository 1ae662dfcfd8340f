// Starts the real site for end-to-end tests and benchmarks: a fresh database (TEST_DATABASE_URL,
// embedded, or one the caller gives), migrated and seeded, a production build in its own folder,
// and `next start`, which the fault tests may kill and start again on the same build.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { prepareDatabase } from '../../lib/db/prepare'
import { TEST_DEPLOYMENT } from './test-deployment'
import { openTestDatabase, type TestDatabase } from './test-database'

const nextBin = path.join('node_modules', 'next', 'dist', 'bin', 'next')
const tsx = path.join('node_modules', '.bin', 'tsx')


export type TestSite = {
  url: string
  databaseUrl: string
  stop: () => Promise<void>
  /** Kills `next start` with the signal (SIGKILL: as a crash) and waits until it has exited. */
  killServer: (signal: NodeJS.Signals) => Promise<void>
  /** Starts `next start` again on the same build and waits until it answers. */
  restartServer: () => Promise<void>
}

export async function startTestSite(opts: {
  port: number
  distDir: string
  label: string
  env?: Record<string, string>
  /** An empty database of the caller's to use instead of TEST_DATABASE_URL or an embedded one. */
  databaseUrl?: string
  /** Seed the example trip, as the embedded default does (default true). */
  seedExample?: boolean
  /** Called once the database is ready, before the site answers. */
  onDatabaseReady?: (databaseUrl: string) => void
  /** Also appends everything `next start` writes (stdout and stderr) to this file, for tests of the logs. */
  serverLogFile?: string
  /** With serverLogFile: write the server's output only there (the fault tests' outages log thousands of lines). */
  quiet?: boolean
}): Promise<TestSite> {
  const database: TestDatabase = opts.databaseUrl
    ? { url: opts.databaseUrl, stop: async () => {} }
    : await openTestDatabase(opts.label)
  // As a fresh `npm start` on the embedded default: with the example trip (lib/seed).
  await prepareDatabase(database.url, { seedExample: opts.seedExample ?? true })
  opts.onDatabaseReady?.(database.url)
  const env = {
    ...process.env,
    NODE_ENV: 'production' as const,
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: opts.distDir,
    DATABASE_URL: database.url,
    PUBLIC_URL: `http://127.0.0.1:${opts.port}`,
    PORT: String(opts.port),
    DATA_DIR: path.join(opts.distDir, 'data'),
    // As if behind one reverse proxy: tests name the client's address in X-Forwarded-For (and a
    // request without the header counts as its socket's, 127.0.0.1). The default, no proxy, is
    // tested on a server of its own (tests/e2e/client-address.spec.ts).
    TRUST_PROXY: '1',
    ...TEST_DEPLOYMENT,
    // E-mail goes to the caller's SMTP capture when it gives one, else to files in DATA_DIR/mail.
    ...(opts.env?.SMTP_URL ? {} : { MAIL_TO_FILES: '1' }),
    ...opts.env,
  }
  // A fresh build every time: a Turbopack cache left by an interrupted build can fail the next one.
  fs.rmSync(opts.distDir, { recursive: true, force: true })
  const run = (args: string[], logFile?: string): ChildProcess => {
    if (!logFile) return spawn(process.execPath, [nextBin, ...args], { env, stdio: 'inherit' })
    const child = spawn(process.execPath, [nextBin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    fs.mkdirSync(path.dirname(logFile), { recursive: true })
    child.stdout!.on('data', (chunk: Buffer) => (opts.quiet || process.stdout.write(chunk), fs.appendFileSync(logFile, chunk)))
    child.stderr!.on('data', (chunk: Buffer) => (opts.quiet || process.stderr.write(chunk), fs.appendFileSync(logFile, chunk)))
    return child
  }

  // As `npm run build` does (scripts/build.ts): the deployment's key and id, and the build's identity.
  const buildStatus = await new Promise<number | null>((resolve) =>
    spawn(tsx, ['scripts/build.ts'], { env, stdio: 'inherit' }).on('exit', resolve),
  )
  if (buildStatus !== 0) {
    await database.stop()
    throw new Error(`next build failed (${buildStatus})`)
  }
  const url = `http://127.0.0.1:${opts.port}`
  let server: ChildProcess
  const startServer = async () => {
    server = run(['start', '--port', String(opts.port), '--hostname', '127.0.0.1'], opts.serverLogFile)
    await waitUntilAnswering(url, server)
  }
  const killServer = async (signal: NodeJS.Signals) => {
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((r) => server.once('exit', r))
      server.kill(signal)
      await exited
    }
  }
  const stopServer = () => killServer('SIGTERM')
  try {
    await startServer()
  } catch (err) {
    await stopServer()
    await database.stop()
    throw err
  }
  return {
    url,
    databaseUrl: database.url,
    async stop() {
      await stopServer()
      await database.stop()
    },
    killServer,
    restartServer: startServer,
  }
}

async function waitUntilAnswering(url: string, server: ChildProcess) {
  for (let i = 0; i < 300; i++) {
    if (server.exitCode !== null || server.signalCode !== null) throw new Error(`next start exited (${server.exitCode})`)
    try {
      await fetch(url, { method: 'HEAD' })
      return
    } catch {
      await new Promise((r) => setTimeout(r, 200))
    }
  }
  throw new Error('the site did not start within 60 s')
}
