// `npm run worker`: the background worker as its own process (run the app with WORKER=off).
import fs from 'node:fs'
import { EnvError, parseEnv } from '../lib/env'
import { startWorker } from '../lib/jobs/worker'
import { stopQueue } from '../lib/jobs/queue'

if (fs.existsSync('.env')) process.loadEnvFile('.env')
try {
  const config = parseEnv(process.env)
  if (!config.DATABASE_URL) throw new EnvError('Fel i miljövariabeln DATABASE_URL: behövs för en separat worker')
} catch (err) {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
}
await startWorker()
const stop = async () => {
  await stopQueue()
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
