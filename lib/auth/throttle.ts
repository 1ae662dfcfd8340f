// Throttling of failed sign-ins, per account (e-mail) and per client address, in the database so
// that the limits hold across several app instances. An attempt is written BEFORE its password
// is checked and counted with the others; it is removed again if it succeeds or is refused. So
// parallel attempts see each other and cannot slip past the limit together, and the rows that
// remain are exactly the failed attempts.
import type { PrismaClient } from '../generated/prisma/client'

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000
/** Failed sign-ins per e-mail address within the window; the next one is refused. */
export const MAX_FAILURES_PER_EMAIL = 5
/** Failed sign-ins per client address within the window: higher, as an office shares one address. */
export const MAX_FAILURES_PER_ADDRESS = 30

export type Attempt = { id: number }

/** Records an attempt about to be checked; null when the e-mail or the address is over its limit. */
export async function beginAttempt(prisma: PrismaClient, email: string, ip: string, now = new Date()): Promise<Attempt | null> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS)
  const attempt = await prisma.signInAttempt.create({ data: { email, ip, createdAt: now }, select: { id: true } })
  const [byEmail, byAddress] = await Promise.all([
    prisma.signInAttempt.count({ where: { email, createdAt: { gt: since } } }),
    prisma.signInAttempt.count({ where: { ip, createdAt: { gt: since } } }),
  ])
  // The counts include this attempt: the sixth for an e-mail with five failures is refused.
  if (byEmail > MAX_FAILURES_PER_EMAIL || byAddress > MAX_FAILURES_PER_ADDRESS) {
    // A refused attempt is not counted, so the limit lifts 15 minutes after the failures even
    // while someone keeps trying, and the organiser can get in again.
    await prisma.signInAttempt.delete({ where: { id: attempt.id } })
    return null
  }
  return attempt
}

/** The password was right (or the check could not be made): the attempt is not a failure. */
export async function forgetAttempt(prisma: PrismaClient, attempt: Attempt): Promise<void> {
  await prisma.signInAttempt.deleteMany({ where: { id: attempt.id } })
}

/** The attempt failed and stays counted; rows older than the window go. */
export async function attemptFailed(prisma: PrismaClient, now = new Date()): Promise<void> {
  await prisma.signInAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - THROTTLE_WINDOW_MS) } } })
}
