// `npm run retention`: runs the retention job now (lib/privacy/retention.ts), as the worker does
// every night, and prints what it did. Safe to run any time: a second run changes nothing.
// Database: DATABASE_URL; unset, the embedded one, reached through the running site
// (DATA_DIR/embedded-postgres.json) or else started here (and migrated) for the run.
import fs from 'node:fs'
import path from 'node:path'
import { createPrismaClient } from '../lib/db'
import { embeddedInfoPath, startEmbeddedPostgres, type EmbeddedPostgres } from '../lib/db/embedded'
import { applyMigrations } from '../lib/db/migrate'
import { EnvError, parseEnv, type Env } from '../lib/env'
import { retentionSettings, runRetention } from '../lib/privacy/retention'
import { formatDays, formatMonths } from '../lib/privacy/wording'

if (fs.existsSync('.env')) process.loadEnvFile('.env')
let config: Env
try {
  config = parseEnv(process.env)
} catch (err) {
  console.error(err instanceof EnvError ? err.message : err)
  process.exit(1)
}

const { url, embedded } = await openDatabase()
const prisma = createPrismaClient(url, 2)
try {
  const periods = await retentionSettings(prisma)
  const figures = await runRetention(new Date(), periods, prisma)
  console.log(
    [
      'Gallringen är klar.',
      `Anmälningar avidentifieras ${formatMonths(periods.retentionMonths)} efter resan, svar om specialkost tas bort ` +
        `${formatDays(periods.dietaryRetentionDays)} efter resan och skickad e-post rensas efter ${formatDays(periods.sentEmailRetentionDays)}.`,
      `  Resor vars anmälningar avidentifierades nu: ${figures.tripsAnonymised}`,
      `  Avidentifierade anmälningar:               ${figures.registrationsAnonymised}`,
      `  Borttagna svar om specialkost:             ${figures.dietaryCleared}`,
      `  Rensade e-postmeddelanden:                 ${figures.emailsPruned}`,
    ].join('\n'),
  )
} catch (err) {
  console.error(`Gallringen kunde inte köras: ${err instanceof Error ? err.message : err}`)
  process.exitCode = 1
} finally {
  await prisma.$disconnect()
  await embedded?.stop()
}

// As `npm run organiser` opens it: the running site's embedded server, or one of its own.
async function openDatabase(): Promise<{ url: string; embedded?: EmbeddedPostgres }> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL }
  const dataDir = path.resolve(config.DATA_DIR)
  try {
    const info = JSON.parse(fs.readFileSync(embeddedInfoPath(dataDir), 'utf8')) as { url: string; pid: number }
    process.kill(info.pid, 0) // throws if that process is gone
    return { url: info.url }
  } catch {
    // Not running (or the file is left from a killed process): start it here.
  }
  const started = await startEmbeddedPostgres(dataDir)
  try {
    await applyMigrations(started.url)
  } catch (err) {
    await started.stop()
    throw err
  }
  return { url: started.url, embedded: started }
}
