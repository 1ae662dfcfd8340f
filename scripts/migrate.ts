// `npm run db:migrate` applies pending migrations to DATABASE_URL (or the embedded database),
// waiting for another migration in progress rather than failing (lib/db/advisory-lock.ts);
// `npm run db:prepare` migrates and then seeds, as an instance does at start unless MIGRATE=off;
// `npm run db:migration -- NAME` writes a new migration from the changes to prisma/schema.prisma.
import fs from 'node:fs'
import path from 'node:path'
import { startEmbeddedPostgres } from '../lib/db/embedded'
import { applyMigrations, createMigration } from '../lib/db/migrate'
import { prepareDatabase } from '../lib/db/prepare'
import { EnvError, parseEnv } from '../lib/env'
import { wantsExample } from '../lib/seed/example-trip'

if (fs.existsSync('.env')) process.loadEnvFile('.env')
let config
try {
  config = parseEnv(process.env)
} catch (err) {
  if (!(err instanceof EnvError)) throw err
  console.error(err.message)
  process.exit(1)
}
const [command, name] = process.argv.slice(2)
const embedded = config.DATABASE_URL ? undefined : await startEmbeddedPostgres(path.resolve(config.DATA_DIR))
const url = config.DATABASE_URL ?? embedded!.url
try {
  if (command === 'deploy') {
    console.log('Körda migreringar:', (await applyMigrations(url)).join(', ') || 'inga (databasen är aktuell)')
  } else if (command === 'prepare') {
    const prepared = await prepareDatabase(url, {
      seedExample: wantsExample({ embedded: !config.DATABASE_URL, SEED_EXAMPLE: config.SEED_EXAMPLE }),
    })
    console.log(
      'Körda migreringar:', prepared.applied.join(', ') || 'inga (databasen är aktuell)',
      `· tillagda resor: ${prepared.tripsAdded}, värdorter: ${prepared.hostCitiesAdded}${prepared.exampleAdded ? ', exempelresan' : ''}`,
    )
  } else if (command === 'create' && name) {
    const dir = await createMigration(url, name)
    console.log(dir ? `Skrev ${dir}/migration.sql` : 'Inga ändringar i schemat.')
  } else {
    console.error('Användning: tsx scripts/migrate.ts deploy | prepare | create NAMN')
    process.exitCode = 2
  }
} finally {
  await embedded?.stop()
}
