// The background worker: delivers the outbox and sends reminders. It runs inside the app by
// default (instrumentation.ts) and as its own process with `npm run worker`; any number of
// either may run against one database, since pg-boss hands each job to one of them.
import { deliverOutboxMessage } from '../email/outbox'
import { log } from '../log'
import { sendDueReminders } from '../registrations/reminders'
import { JOBS, queue, type DeliverEmailJob } from './queue'

export async function startWorker() {
  const boss = await queue()
  await boss.work<DeliverEmailJob>(JOBS.deliverEmail, { batchSize: 5, pollingIntervalSeconds: 1 }, async (jobs) => {
    for (const job of jobs) await deliverOutboxMessage(job.data.messageId)
  })
  await boss.work(JOBS.sendReminders, { pollingIntervalSeconds: 10 }, async () => {
    await sendDueReminders(new Date())
  })
  // Every hour; a reminder is due from the start of its day, so it goes out in the first hour.
  await boss.schedule(JOBS.sendReminders, '5 * * * *', undefined, { tz: 'Europe/Stockholm' })
  log.info('worker.started')
}
