// `npm run db:migrate` applies pending migrations to DATABASE_URL (or the embedded database);
// `npm run db:migration -- NAME` writes a new migration from the changes to prisma/schema.prisma.
import fs from 'node:fs'
import path from 'node:path'
import { startEmbeddedPostgres } from '../lib/db/embedded'
import { applyMigrations, createMigration } from '../lib/db/migrate'
import { parseEnv } from '../lib/env'

if (fs.existsSync('.env')) process.loadEnvFile('.env')
const config = parseEnv(process.env)
const [command, name] = process.argv.slice(2)
const embedded = config.DATABASE_URL ? undefined : await startEmbeddedPostgres(path.resolve(config.DATA_DIR))
const url = config.DATABASE_URL ?? embedded!.url
try {
  if (command === 'deploy') {
    console.log('Körda migreringar:', (await applyMigrations(url)).join(', ') || 'inga (databasen är aktuell)')
  } else if (command === 'create' && name) {
    const dir = await createMigration(url, name)
    console.log(dir ? `Skrev ${dir}/migration.sql` : 'Inga ändringar i schemat.')
  } else {
    console.error('Användning: tsx scripts/migrate.ts deploy | create NAMN')
    process.exitCode = 2
  }
} finally {
  await embedded?.stop()
}
