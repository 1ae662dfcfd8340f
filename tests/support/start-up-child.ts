// One instance's start-up, as `npm start` and the Next.js instrumentation hook do it, in a process
// of its own: migrate and seed (lib/db/prepare.ts), then start the job queue and its worker.
// tests/integration/concurrent-start-up.test.ts runs several at once on an empty database.
// Prints one line: "ok <json>" or "error <message>", and exits 0 or 1.
import { prepareDatabase } from '../../lib/db/prepare'
import { queue, stopQueue } from '../../lib/jobs/queue'
import { startWorker } from '../../lib/jobs/worker'

try {
  const prepared = await prepareDatabase(process.env.DATABASE_URL!)
  await queue()
  await startWorker()
  await stopQueue()
  console.log(`ok ${JSON.stringify(prepared)}`)
  process.exit(0)
} catch (err) {
  console.log(`error ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
}
