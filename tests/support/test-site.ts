// Starts the real site for end-to-end tests and benchmarks: a fresh database (TEST_DATABASE_URL
// or embedded), migrated and seeded, a production build in its own folder, and `next start`.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { prepareDatabase } from '../../lib/db/prepare'
import { openTestDatabase, type TestDatabase } from './test-database'

const nextBin = path.join('node_modules', 'next', 'dist', 'bin', 'next')

export type TestSite = { url: string; databaseUrl: string; stop: () => Promise<void> }

export async function startTestSite(opts: {
  port: number
  distDir: string
  label: string
  env?: Record<string, string>
  /** Called once the database is ready, before the site answers. */
  onDatabaseReady?: (databaseUrl: string) => void
}): Promise<TestSite> {
  const database: TestDatabase = await openTestDatabase(opts.label)
  await prepareDatabase(database.url)
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
    ...opts.env,
  }
  // A fresh build every time: a Turbopack cache left by an interrupted build can fail the next one.
  fs.rmSync(opts.distDir, { recursive: true, force: true })
  const run = (args: string[]): ChildProcess => spawn(process.execPath, [nextBin, ...args], { env, stdio: 'inherit' })

  const buildStatus = await new Promise<number | null>((resolve) => run(['build']).on('exit', resolve))
  if (buildStatus !== 0) {
    await database.stop()
    throw new Error(`next build failed (${buildStatus})`)
  }
  const server = run(['start', '--port', String(opts.port), '--hostname', '127.0.0.1'])
  const url = `http://127.0.0.1:${opts.port}`
  const stopServer = async () => {
    if (server.exitCode === null) {
      server.kill('SIGTERM')
      await new Promise((r) => server.once('exit', r))
    }
  }
  try {
    await waitUntilAnswering(url, server)
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
  }
}

async function waitUntilAnswering(url: string, server: ChildProcess) {
  for (let i = 0; i < 300; i++) {
    if (server.exitCode !== null) throw new Error(`next start exited (${server.exitCode})`)
    try {
      await fetch(url, { method: 'HEAD' })
      return
    } catch {
      await new Promise((r) => setTimeout(r, 200))
    }
  }
  throw new Error('the site did not start within 60 s')
}
