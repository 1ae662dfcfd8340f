// What the command-line scripts (`npm run organiser`, `npm run retention`) share: the environment
// read as `npm start` reads it, and the database opened so that a script works while the site
// runs on the embedded database (only one process may own it: the script then goes through the
// site's server) and while it does not (the script starts and migrates it for itself).
import fs from 'node:fs'
import path from 'node:path'
import { EnvError, parseEnv, type Env } from '../env'
import { embeddedInfoPath, startEmbeddedPostgres, type EmbeddedPostgres } from './embedded'
import { applyMigrations } from './migrate'

/** The validated environment (and `.env`); a bad value ends the script with its Swedish message. */
export function scriptEnv(): Env {
  if (fs.existsSync('.env')) process.loadEnvFile('.env')
  try {
    return parseEnv(process.env)
  } catch (err) {
    console.error(err instanceof EnvError ? err.message : err)
    process.exit(1)
  }
}

/** DATABASE_URL; unset, the running site's embedded server, or else one started here. */
export async function openScriptDatabase(config: Env): Promise<{ url: string; embedded?: EmbeddedPostgres }> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL }
  const dataDir = path.resolve(config.DATA_DIR)
  try {
    const info = JSON.parse(fs.readFileSync(embeddedInfoPath(dataDir), 'utf8')) as { url: string; pid: number }
    process.kill(info.pid, 0) // throws if that process is gone
    return { url: info.url }
  } catch {
    // Not running (or the file is left from a killed process): start it here.
  }
  const embedded = await startEmbeddedPostgres(dataDir)
  try {
    await applyMigrations(embedded.url)
  } catch (err) {
    await embedded.stop()
    throw err
  }
  return { url: embedded.url, embedded }
}
