// The background worker: delivers the outbox, sends reminders and runs the retention job. It runs
// inside the app by default (instrumentation.ts) and as its own process with `npm run worker`; any
// number of either may run against one database, since pg-boss hands each job to one of them.
import { deliverOutboxMessage, sweepOutbox } from '../email/outbox'
import { runInterestList } from '../interest/job'
import { log } from '../log'
import { runRetention } from '../privacy/retention'
import { sendDueReminders } from '../registrations/reminders'
import { JOBS, queue, whileQueueLocked, type DeliverEmailJob } from './queue'

export async function startWorker() {
  const boss = await queue()
  await boss.work<DeliverEmailJob>(JOBS.deliverEmail, { batchSize: 10, pollingIntervalSeconds: 1 }, async (jobs) => {
    for (const job of jobs) {
      try {
        await deliverOutboxMessage(job.data.messageId)
      } catch (err) {
        // Fail just this job (pg-boss retries it); the rest of the batch completes. With the
        // database away that fails too: the job then expires and is retried, and the sweeper
        // finds the row in any case, so it is logged rather than thrown.
        await boss.fail(JOBS.deliverEmail, job.id, { error: err instanceof Error ? err.message : String(err) }).catch(() => {
          log.warn('worker.fail_not_recorded', { messageId: job.data.messageId })
        })
      }
    }
  })
  await boss.work(JOBS.sendReminders, { pollingIntervalSeconds: 10 }, async () => {
    await sendDueReminders(new Date())
  })
  await boss.work(JOBS.sweepOutbox, { pollingIntervalSeconds: 10 }, async () => {
    await sweepOutbox()
  })
  await boss.work(JOBS.interestList, { pollingIntervalSeconds: 5 }, async () => {
    await runInterestList(new Date())
  })
  await boss.work(JOBS.runRetention, { pollingIntervalSeconds: 10 }, async () => {
    await runRetention(new Date())
  })
  // Every hour: a reminder is due from midnight UTC of its day, so it goes out by about 02.00 in
  // Stockholm. The sweeper every five minutes. Retention once a night, when nobody signs up.
  // Every minute: a trip whose set opening time has passed is announced to the interest list
  // within a minute or two (an organiser opening it by hand also queues the job at once).
  // (Under the queue's lock: several workers starting together each write the same schedules.)
  await whileQueueLocked(async () => {
    await boss.schedule(JOBS.sendReminders, '5 * * * *', undefined, { tz: 'Europe/Stockholm' })
    await boss.schedule(JOBS.sweepOutbox, '*/5 * * * *', undefined, { tz: 'Europe/Stockholm' })
    await boss.schedule(JOBS.interestList, '* * * * *', undefined, { tz: 'Europe/Stockholm' })
    await boss.schedule(JOBS.runRetention, '30 3 * * *', undefined, { tz: 'Europe/Stockholm' })
  })
  log.info('worker.started')
}
