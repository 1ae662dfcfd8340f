// The interest list's scheduled job (lib/jobs/worker.ts runs it every minute): tell whoever a newly
// opened trip concerns, then apply retention.
import { JOBS, queue } from '../jobs/queue'
import { log } from '../log'
import { notifyOpenedTrips } from './opening-notices'
import { purgeInterestList } from './retention'

/** The scheduled job: tell whoever a newly opened trip concerns, then apply retention. */
export async function runInterestList(now: Date = new Date()): Promise<void> {
  await notifyOpenedTrips(now)
  await purgeInterestList(now)
}

/**
 * Runs the job soon rather than at the next minute: after an organiser saved a trip (which may
 * have opened it). The job decides; a failure here only leaves it to the schedule.
 */
export async function runInterestListSoon(): Promise<void> {
  try {
    await (await queue()).send(JOBS.interestList, {})
  } catch (err) {
    log.warn('interest.not_queued', { message: err instanceof Error ? err.message : String(err) })
  }
}
