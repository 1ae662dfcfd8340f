// `npm run retention`: runs the retention job now (lib/privacy/retention.ts), as the worker does
// every night, and prints what it did. Safe to run any time: a second run changes nothing.
// Database: DATABASE_URL; unset, the embedded one, reached through the running site
// (DATA_DIR/embedded-postgres.json) or else started here (and migrated) for the run.
import { createPrismaClient } from '../lib/db'
import { openScriptDatabase, scriptEnv } from '../lib/db/script-database'
import { retentionSettings, runRetention } from '../lib/privacy/retention'
import { formatDays, formatMonths } from '../lib/privacy/wording'

const config = scriptEnv()

const { url, embedded } = await openScriptDatabase(config)
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
