// The background worker: delivers the outbox and sends reminders. It runs inside the app by
// default (instrumentation.ts) and as its own process with `npm run worker`; any number of
// either may run against one database, since pg-boss hands each job to one of them.
import { deliverOutboxMessage, sweepOutbox } from '../email/outbox'
import { log } from '../log'
import { sendDueReminders } from '../registrations/reminders'
import { JOBS, queue, type DeliverEmailJob } from './queue'

export async function startWorker() {
  const boss = await queue()
  await boss.work<DeliverEmailJob>(JOBS.deliverEmail, { batchSize: 10, pollingIntervalSeconds: 1 }, async (jobs) => {
    for (const job of jobs) {
      try {
        await deliverOutboxMessage(job.data.messageId)
      } catch (err) {
        // Fail just this job (pg-boss retries it); the rest of the batch completes.
        await boss.fail(JOBS.deliverEmail, job.id, { error: err instanceof Error ? err.message : String(err) })
      }
    }
  })
  await boss.work(JOBS.sendReminders, { pollingIntervalSeconds: 10 }, async () => {
    await sendDueReminders(new Date())
  })
  await boss.work(JOBS.sweepOutbox, { pollingIntervalSeconds: 10 }, async () => {
    await sweepOutbox()
  })
  // Every hour: a reminder is due from midnight UTC of its day, so it goes out by about 02.00 in
  // Stockholm. The sweeper every five minutes.
  await boss.schedule(JOBS.sendReminders, '5 * * * *', undefined, { tz: 'Europe/Stockholm' })
  await boss.schedule(JOBS.sweepOutbox, '*/5 * * * *', undefined, { tz: 'Europe/Stockholm' })
  log.info('worker.started')
}
