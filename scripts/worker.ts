// `npm run worker`: the background worker as its own process (run the app with WORKER=off).
import fs from 'node:fs'
import { deploymentProblem } from '../lib/deployment'
import { EnvError, parseEnv } from '../lib/env'
import { startWorker } from '../lib/jobs/worker'
import { stopQueue } from '../lib/jobs/queue'
import { log } from '../lib/log'

if (fs.existsSync('.env')) process.loadEnvFile('.env')
try {
  const config = parseEnv(process.env)
  if (!config.DATABASE_URL) throw new EnvError('Fel i miljövariabeln DATABASE_URL: behövs för en separat worker')
  // The same rules as an app instance: the worker signs unsubscribe links and sends the e-mail.
  const problem = deploymentProblem(config)
  if (problem) throw new EnvError(problem)
} catch (err) {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
}
// pg-boss 10 does not await its own completion writes after a job; with the database away they
// reject unhandled, which would end a plain Node process. The queue recovers by itself (jobs
// expire and are retried, the outbox sweeper catches the rest), so log and keep running.
process.on('unhandledRejection', (reason) => {
  log.warn('worker.unhandled_rejection', { error: reason instanceof Error ? reason.message : String(reason) })
})
try {
  await startWorker()
} catch (err) {
  console.error(`Workern kunde inte starta: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
}
// A job in progress finishes (graceful stop), then the process ends.
const stop = async () => {
  await stopQueue()
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
