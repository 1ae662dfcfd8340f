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
const STALE_SENDING = "interval '5 minutes'"

/**
 * Delivers one outbox message. Claiming the row (QUEUED → SENDING) is one conditional update, so
 * of two workers that get the same message only one sends it, and a SENT row is left alone.
 */
export async function deliverOutboxMessage(messageId: number): Promise<'sent' | 'retry' | 'failed' | 'skipped'> {
  const [message] = await db().$queryRawUnsafe<Claimed[]>(
    `UPDATE "OutboxMessage" SET status = 'SENDING', attempts = attempts + 1, "updatedAt" = now()
     WHERE id = $1 AND (status = 'QUEUED' OR (status = 'SENDING' AND "updatedAt" < now() - ${STALE_SENDING}))
     RETURNING id, "toAddress", subject, "textBody", "htmlBody", "icsAttachment", attempts`,
    messageId,
  )
  if (!message) return 'skipped'

  try {
    await sendEmail({
      to: message.toAddress,
      subject: message.subject,
      text: message.textBody,
      html: message.htmlBody,
      ics: message.icsAttachment,
    })
  } catch (err) {
    const { code, responseCode, response } = err as { code?: string; responseCode?: number; response?: string }
    // An SMTP 5xx answer is final (no such mailbox, refused); anything else may pass later.
    const permanent = typeof responseCode === 'number' && responseCode >= 500
    const { EMAIL_MAX_ATTEMPTS, EMAIL_RETRY_DELAY_SECONDS, EMAIL_RETRY_MAX_DELAY_SECONDS } = env()
    const giveUp = permanent || message.attempts >= EMAIL_MAX_ATTEMPTS
    const reason = (responseCode ? `${responseCode} ${response ?? ''}` : (code ?? String(err))).slice(0, 500)
    await db().outboxMessage.update({
      where: { id: message.id },
      data: { status: giveUp ? 'FAILED' : 'QUEUED', lastError: reason },
    })
    // Only codes in the log: the SMTP answer can quote the address.
    log.warn(giveUp ? 'mail.failed' : 'mail.retry', { messageId, attempts: message.attempts, code, responseCode })
    if (giveUp) return 'failed'
    const delay = Math.min(EMAIL_RETRY_DELAY_SECONDS * 2 ** (message.attempts - 1), EMAIL_RETRY_MAX_DELAY_SECONDS)
    await scheduleDelivery(message.id, delay)
    return 'retry'
  }
  await db().outboxMessage.update({ where: { id: message.id }, data: { status: 'SENT', sentAt: new Date(), lastError: null } })
  log.info('mail.sent', { messageId })
  return 'sent'
}
