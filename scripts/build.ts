// `npm run build`: builds the site once for any number of instances (scripts/build-site.ts).
// The build renders the public pages that are cached from the start, so it reads the database:
// DATABASE_URL's, which `npm run db:prepare` must have migrated and seeded first (this says so in
// one line otherwise), or, without DATABASE_URL, the embedded one in DATA_DIR, which this starts
// and prepares itself. With DATABASE_URL it also needs NEXT_SERVER_ACTIONS_ENCRYPTION_KEY and
// NEXT_DEPLOYMENT_ID, and stops with one line naming the one that is missing.
import fs from 'node:fs'
import path from 'node:path'
import { buildKeys, sourceFingerprint } from '../lib/build-identity'
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../lib/db/embedded'
import { unappliedMigrations } from '../lib/db/migrate'
import { prepareDatabase } from '../lib/db/prepare'
import { EnvError, parseEnv } from '../lib/env'
import { wantsExample } from '../lib/seed/example-trip'
import { buildSite } from './build-site'

if (fs.existsSync('.env')) process.loadEnvFile('.env')
let embedded: EmbeddedPostgres | undefined
try {
  const config = parseEnv(process.env)
  // Before anything slow: a missing key is the first thing to hear about.
  buildKeys({ ...config, ...pick(process.env), fingerprint: sourceFingerprint() })
  let databaseUrl = config.DATABASE_URL
  if (databaseUrl) {
    const missing = await unappliedMigrations(databaseUrl)
    if (missing.length) {
      throw new EnvError(`Databasen saknar ${missing.length} migrering(ar) (${missing.join(', ')}): kör npm run db:prepare före bygget.`)
    }
  } else {
    embedded = await startEmbeddedPostgres(path.resolve(config.DATA_DIR))
    databaseUrl = embedded.url
    await prepareDatabase(databaseUrl, { seedExample: wantsExample({ embedded: true, SEED_EXAMPLE: config.SEED_EXAMPLE }) })
  }
  process.exitCode = await buildSite(config, { ...process.env, DATABASE_URL: databaseUrl })
} catch (err) {
  // One line (a missing key, a database out of reach or behind, the data folder in use), no stack.
  console.error(err instanceof Error ? err.message : String(err))
  process.exitCode = 1
} finally {
  await embedded?.stop()
}

function pick(env: NodeJS.ProcessEnv) {
  return { NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, NEXT_DEPLOYMENT_ID: env.NEXT_DEPLOYMENT_ID }
}
