// `npm run build`: builds the site once for any number of instances (scripts/build-site.ts).
// Needs no database. With DATABASE_URL set it needs NEXT_SERVER_ACTIONS_ENCRYPTION_KEY and
// NEXT_DEPLOYMENT_ID too, and stops with one line naming the one that is missing.
import fs from 'node:fs'
import { BuildKeyError } from '../lib/build-identity'
import { EnvError, parseEnv } from '../lib/env'
import { buildSite } from './build-site'

if (fs.existsSync('.env')) process.loadEnvFile('.env')
try {
  process.exitCode = await buildSite(parseEnv(process.env))
} catch (err) {
  if (!(err instanceof EnvError || err instanceof BuildKeyError)) throw err
  console.error(err.message)
  process.exitCode = 1
}
