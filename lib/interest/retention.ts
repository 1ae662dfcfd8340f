// The interest list keeps an address no longer than it says (/integritet): unconfirmed rows go
// after UNCONFIRMED_HOURS (their link has stopped working), confirmed ones
// INTEREST_LIST_RETENTION_MONTHS after confirmation.
import { db } from '../db'
import { env } from '../env'
import { log } from '../log'
import { UNCONFIRMED_HOURS } from './list'

/** Deletes unconfirmed addresses older than UNCONFIRMED_HOURS and confirmed ones past retention. */
export async function purgeInterestList(now: Date = new Date(), months: number = env().INTEREST_LIST_RETENTION_MONTHS): Promise<number> {
  const unconfirmed = await db().interestSubscription.deleteMany({
    where: { confirmedAt: null, createdAt: { lt: new Date(now.getTime() - UNCONFIRMED_HOURS * 3600_000) } },
  })
  const [expired] = await db().$queryRaw<{ count: bigint }[]>`
    WITH gone AS (
      DELETE FROM "InterestSubscription"
      WHERE "confirmedAt" IS NOT NULL AND "confirmedAt" < ${now}::timestamptz - make_interval(months => ${months}::int)
      RETURNING 1)
    SELECT count(*) AS count FROM gone`
  const total = unconfirmed.count + Number(expired!.count)
  if (total) log.info('interest.purged', { count: total })
  return total
}
