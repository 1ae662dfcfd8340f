// `npm start` and `npm run dev`: validate the configuration, start the embedded PostgreSQL when
// no DATABASE_URL is set, migrate and seed, build if the build is missing or older than the
// code, then run Next.js with DATABASE_URL pointing at the database. This process owns the
// embedded database, so it stays up as long as the site does and stops it on the way out.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { EnvError, parseEnv } from '../lib/env'
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../lib/db/embedded'
import { prepareDatabase } from '../lib/db/prepare'
import { log } from '../lib/log'
import { wantsExample } from '../lib/seed/example-trip'

const mode = process.argv[2] === 'dev' ? 'dev' : 'start'
if (fs.existsSync('.env')) process.loadEnvFile('.env')

let config
try {
  config = parseEnv(process.env)
} catch (err) {
  if (err instanceof EnvError) {
    console.error(err.message)
    process.exit(1)
  }
  throw err
}

const nextBin = path.join('node_modules', 'next', 'dist', 'bin', 'next')
let embedded: EmbeddedPostgres | undefined
let child: ChildProcess | undefined

async function shutdown(code: number) {
  child?.kill('SIGTERM')
  await embedded?.stop().catch(() => {})
  process.exit(code)
}
process.on('SIGINT', () => void shutdown(0))
process.on('SIGTERM', () => void shutdown(0))

try {
  let databaseUrl = config.DATABASE_URL
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(path.resolve(config.DATA_DIR))
    databaseUrl = embedded.url
    log.info('db.embedded', { dataDir: path.resolve(config.DATA_DIR) })
  }
  const prepared = await prepareDatabase(databaseUrl, {
    seedExample: wantsExample({ embedded: !config.DATABASE_URL, SEED_EXAMPLE: config.SEED_EXAMPLE }),
  })
  log.info('db.ready', prepared)

  const childEnv = { NEXT_TELEMETRY_DISABLED: '1', ...process.env, DATABASE_URL: databaseUrl }
  if (mode === 'start' && buildIsStale()) {
    log.info('build.start')
    // Not spawnSync: this process serves the embedded database that the build reads from.
    const status = await new Promise<number | null>((resolve) =>
      spawn(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env: childEnv }).on('exit', resolve),
    )
    if (status !== 0) await shutdown(status ?? 1)
    fs.writeFileSync(buildMarker(), new Date().toISOString() + '\n')
  }

  child = spawn(process.execPath, [nextBin, mode, '--port', String(config.PORT)], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: childEnv,
  })
  child.on('exit', (code) => void shutdown(code ?? 1))
  await waitUntilServing(config.PORT)
  console.log(`\nMjölbybussen är igång: http://localhost:${config.PORT}\n`)
} catch (err) {
  console.error(err instanceof Error ? err.message : err)
  await shutdown(1)
}

/** Written after a build succeeds (Next writes BUILD_ID before it knows that it will). */
function buildMarker(): string {
  return path.join(process.env.NEXT_DIST_DIR || '.next', 'build-complete')
}

/** A build is stale when it is missing, failed, or older than any source file it is built from. */
function buildIsStale(): boolean {
  if (!fs.existsSync(buildMarker())) return true
  const builtAt = fs.statSync(buildMarker()).mtimeMs
  const sources = ['app', 'components', 'lib', 'public', 'next.config.ts', 'proxy.ts', 'package-lock.json', 'tsconfig.json']
  const newer = (p: string): boolean => {
    if (!fs.existsSync(p)) return false
    const stat = fs.statSync(p)
    if (stat.isDirectory()) return fs.readdirSync(p).some((name) => newer(path.join(p, name)))
    return stat.mtimeMs > builtAt
  }
  return sources.some(newer)
}

async function waitUntilServing(port: number) {
  for (let i = 0; i < 600; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/`, { method: 'HEAD' })
      return
    } catch {
      await new Promise((r) => setTimeout(r, 200))
    }
  }
}
