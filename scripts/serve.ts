// `npm start` and `npm run dev`: validate the configuration, start the embedded PostgreSQL when
// no DATABASE_URL is set, migrate and seed (unless MIGRATE=off), build when there is no build of
// this code (lib/build-identity.ts: a build made by `npm run build` from the same sources is
// served as it is), then run Next.js with DATABASE_URL pointing at the database. This process
// owns the embedded database, so it stays up as long as the site does and stops it on the way out.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { BuildKeyError, readBuildIdentity, sourceFingerprint } from '../lib/build-identity'
import { EnvError, parseEnv } from '../lib/env'
import { deploymentProblem } from '../lib/deployment'
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../lib/db/embedded'
import { unappliedMigrations } from '../lib/db/migrate'
import { prepareDatabase } from '../lib/db/prepare'
import { log } from '../lib/log'
import { wantsExample } from '../lib/seed/example-trip'
import { buildSite } from './build-site'

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
const problem = mode === 'start' ? deploymentProblem(config) : null
if (problem) {
  console.error(problem)
  process.exit(1)
}

const nextBin = path.join('node_modules', 'next', 'dist', 'bin', 'next')
let embedded: EmbeddedPostgres | undefined
let child: ChildProcess | undefined
let stopping = false

async function shutdown(code: number) {
  if (stopping) return
  stopping = true
  // Next.js drains on SIGTERM (finishes the requests it has, stops the queue: instrumentation.ts);
  // the embedded database it uses must outlive that.
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child!.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  }
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
  if (config.MIGRATE === 'off') {
    // A deploy migrates once (`npm run db:prepare`) before the instances roll; one that finds the
    // database behind its code stops rather than fail on every request that reads a new column.
    const missing = await unappliedMigrations(databaseUrl)
    if (missing.length) {
      throw new Error(`Databasen saknar ${missing.length} migrering(ar) (${missing.join(', ')}), och MIGRATE=off: kör npm run db:prepare först.`)
    }
  } else {
    const prepared = await prepareDatabase(databaseUrl, {
      seedExample: wantsExample({ embedded: !config.DATABASE_URL, SEED_EXAMPLE: config.SEED_EXAMPLE }),
    })
    log.info('db.ready', prepared)
  }

  const childEnv: NodeJS.ProcessEnv = { NEXT_TELEMETRY_DISABLED: '1', ...process.env, DATABASE_URL: databaseUrl }
  if (mode === 'start') {
    let identity = readBuildIdentity()
    if (identity?.fingerprint !== sourceFingerprint()) {
      // Not spawnSync: this process serves the embedded database, which a build may read.
      const status = await buildSite(config, childEnv)
      if (status !== 0) throw new Error(`Bygget misslyckades (next build slutade med ${status}).`)
      identity = readBuildIdentity()!
    }
    // The deployment id the build was made with (its pages carry it), whatever the environment says now.
    childEnv.NEXT_DEPLOYMENT_ID = identity.deploymentId
  }

  child = spawn(process.execPath, [nextBin, mode, '--port', String(config.PORT)], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: childEnv,
  })
  child.on('exit', (code, signal) => void shutdown(code ?? (signal ? 1 : 0)))
  await waitUntilServing(config.PORT)
  console.log(`\nMjölbybussen är igång: http://localhost:${config.PORT}\n`)
} catch (err) {
  // A setting's own line ("Fel i miljövariabeln …") as it is; anything else (the database away, a
  // migration that failed) as the one line an instance's failed start prints (lib/start-failure.ts).
  const message = err instanceof Error ? err.message : String(err)
  console.error(err instanceof EnvError || err instanceof BuildKeyError ? message : `Sajten kunde inte starta: ${message}`)
  await shutdown(1)
}

async function waitUntilServing(port: number) {
  for (let i = 0; i < 600 && !stopping; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/`, { method: 'HEAD' })
      return
    } catch {
      await new Promise((r) => setTimeout(r, 200))
    }
  }
}
