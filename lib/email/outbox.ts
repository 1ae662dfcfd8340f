// The outbox: every e-mail is a row written in the same transaction as the change that causes
// it, together with its delivery job, so a committed change always has its e-mail on the way and
// a rolled-back one never does. The worker delivers each row: an SMTP outage delays mail (retries
// with capped exponential backoff) but loses none, and a row that is SENT is never sent again.
import { db, type Tx } from '../db'
import { env } from '../env'
import { JOBS, startedQueue, type DeliverEmailJob } from '../jobs/queue'
import { log } from '../log'
import { sendEmail } from './transport'

export type { Tx }

export type QueuedEmail = {
  kind: string
  to: string
  subject: string
  text: string
  html: string
  ics?: string | null
  registrationId?: number | null
  /** Messages that must go out once only carry a key; a second one with the same key is dropped. */
  dedupeKey?: string
}

/** Writes the message and its delivery job inside `tx`. Returns its id, or null for a duplicate. */
export async function enqueueEmail(tx: Tx, email: QueuedEmail): Promise<number | null> {
  const [row] = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO "OutboxMessage" (kind, "registrationId", "toAddress", subject, "textBody", "htmlBody", "icsAttachment", "dedupeKey", "updatedAt")
    VALUES (${email.kind}, ${email.registrationId ?? null}, ${email.to}, ${email.subject}, ${email.text}, ${email.html}, ${email.ics ?? null}, ${email.dedupeKey ?? null}, now())
    ON CONFLICT ("dedupeKey") DO NOTHING
    RETURNING id`
  if (!row) return null
  await scheduleDelivery(row.id, 0, tx)
  return row.id
}

/** Queues the delivery job (in `tx` when given, so it commits or rolls back with the message). */
async function scheduleDelivery(messageId: number, delaySeconds: number, tx?: Tx) {
  const data: DeliverEmailJob = { messageId }
  await startedQueue().send(JOBS.deliverEmail, data, {
    startAfter: delaySeconds,
    db: tx ? { executeSql: async (text, values) => ({ rows: await tx.$queryRawUnsafe(text, ...values) }) } : undefined,
  })
}

type Claimed = {
  id: number
  toAddress: string
  subject: string
  textBody: string
  htmlBody: string
  icsAttachment: string | null
  attempts: number
}

// A row left SENDING this long ago belongs to a worker that died mid-send: it may be retried.
const STALE_SENDING_MINUTES = 5

/** Thrown when a message is being sent by another worker right now: its job is tried again later. */
class MessageBusy extends Error {}

/**
 * Delivers one outbox message. Claiming the row (QUEUED → SENDING) is one conditional update, so
 * of two workers that get the same message only one sends it, and a SENT row is left alone. The
 * claim's attempt number goes into every later write, so a worker whose claim went stale (and
 * was taken over) cannot overwrite the newer outcome.
 */
export async function deliverOutboxMessage(messageId: number): Promise<'sent' | 'retry' | 'failed' | 'skipped'> {
  const [message] = await db().$queryRaw<Claimed[]>`
    UPDATE "OutboxMessage" SET status = 'SENDING', attempts = attempts + 1, "updatedAt" = now()
    WHERE id = ${messageId}
      AND (status = 'QUEUED' OR (status = 'SENDING' AND "updatedAt" < now() - make_interval(mins => ${STALE_SENDING_MINUTES})))
    RETURNING id, "toAddress", subject, "textBody", "htmlBody", "icsAttachment", attempts`
  if (!message) {
    const row = await db().outboxMessage.findUnique({ where: { id: messageId }, select: { status: true } })
    // Being sent elsewhere: fail this job so pg-boss tries again (and the sweeper, at worst).
    if (row?.status === 'SENDING') throw new MessageBusy(`message ${messageId} is being sent`)
    return 'skipped' // sent, failed for good, or erased
  }
  const mine = { id: message.id, status: 'SENDING' as const, attempts: message.attempts }

  try {
    await sendEmail({
      to: message.toAddress,
      subject: message.subject,
      text: message.textBody,
      html: message.htmlBody,
      ics: message.icsAttachment,
    })
  } catch (err) {
    const { code, responseCode, response, command } = err as {
      code?: string
      responseCode?: number
      response?: string
      command?: string
    }
    // Final only when the server refuses the recipient (no such mailbox). Anything else, a wrong
    // SMTP password (535) included, may pass later.
    const permanent = typeof responseCode === 'number' && responseCode >= 500 && (code === 'EENVELOPE' || /RCPT/i.test(command ?? ''))
    const { EMAIL_MAX_ATTEMPTS, EMAIL_RETRY_DELAY_SECONDS, EMAIL_RETRY_MAX_DELAY_SECONDS } = env()
    const giveUp = permanent || message.attempts >= EMAIL_MAX_ATTEMPTS
    const reason = (responseCode ? `${responseCode} ${response ?? ''}` : (code ?? String(err))).slice(0, 500)
    const delay = Math.min(EMAIL_RETRY_DELAY_SECONDS * 2 ** (message.attempts - 1), EMAIL_RETRY_MAX_DELAY_SECONDS)
    // The new state and the next attempt's job commit together: never a queued row without a job.
    await db().$transaction(async (tx) => {
      const { count } = await tx.outboxMessage.updateMany({
        where: mine,
        data: { status: giveUp ? 'FAILED' : 'QUEUED', lastError: reason },
      })
      if (count === 1 && !giveUp) await scheduleDelivery(message.id, delay, tx)
    })
    // Only codes in the log: the SMTP answer can quote the address.
    log.warn(giveUp ? 'mail.failed' : 'mail.retry', { messageId, attempts: message.attempts, code, responseCode })
    return giveUp ? 'failed' : 'retry'
  }
  // The bodies go once sent: they hold a working personal link, which the database otherwise
  // keeps only as a hash. (Organisers resend by writing a new message with a new link.)
  await db().outboxMessage.updateMany({
    where: mine,
    data: { status: 'SENT', sentAt: new Date(), lastError: null, textBody: '', htmlBody: '', icsAttachment: null },
  })
  log.info('mail.sent', { messageId })
  return 'sent'
}

/**
 * Gives a job to every message that could have lost its own: queued and untouched for longer than
 * the longest retry wait, or stuck in SENDING by a worker that died. Run every few minutes; a
 * message that still has a job just gets a second one, which finds it claimed or sent.
 */
export async function sweepOutbox(): Promise<number> {
  const { EMAIL_RETRY_MAX_DELAY_SECONDS } = env()
  const stuck = await db().$queryRaw<{ id: number }[]>`
    SELECT id FROM "OutboxMessage"
    WHERE (status = 'QUEUED' AND "updatedAt" < now() - make_interval(secs => ${EMAIL_RETRY_MAX_DELAY_SECONDS + 60}))
       OR (status = 'SENDING' AND "updatedAt" < now() - make_interval(mins => ${STALE_SENDING_MINUTES}))
    ORDER BY id LIMIT 1000`
  for (const { id } of stuck) await scheduleDelivery(id, 0)
  if (stuck.length) log.warn('outbox.swept', { count: stuck.length })
  return stuck.length
}
