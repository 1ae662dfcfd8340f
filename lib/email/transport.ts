// The one way the site hands an e-mail to the outside world (the outbox's worker calls it). With SMTP_URL set, nodemailer delivers over SMTP; without
// it, each message is written as an .eml file under DATA_DIR/mail so that a local run shows it.
import fs from 'node:fs'
import path from 'node:path'
import nodemailer, { type Transporter, type TransportOptions } from 'nodemailer'
import { env } from '../env'
import { log } from '../log'

export type OutgoingEmail = {
  to: string
  subject: string
  text: string
  html: string
  /** An iCalendar file for the trip, attached as mjolbybussen.ics. */
  ics?: string | null
}

const smtpTransports = new Map<string, Transporter>()
let files: Transporter | undefined

function smtpTransport(url: string): Transporter {
  let smtp = smtpTransports.get(url)
  if (smtp) return smtp
  smtp = nodemailer.createTransport({
    url,
    // Bounded waits, so a hung server fails the attempt (to be retried) instead of holding a worker.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  } as TransportOptions)
  smtpTransports.set(url, smtp)
  return smtp
}

export async function sendEmail(email: OutgoingEmail): Promise<{ via: 'smtp' } | { via: 'file'; file: string }> {
  const { SMTP_URL, MAIL_FROM, mailDir } = env()
  const { ics, ...content } = email
  const message = {
    from: MAIL_FROM,
    ...content,
    attachments: ics
      ? [{ filename: 'mjolbybussen.ics', content: ics, contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }]
      : [],
  }
  if (SMTP_URL) {
    await smtpTransport(SMTP_URL).sendMail(message)
    return { via: 'smtp' }
  }
  files ??= nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
  const info = await files.sendMail(message)
  fs.mkdirSync(mailDir, { recursive: true })
  const file = path.join(mailDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${info.messageId.replace(/[^\w.-]/g, '')}.eml`)
  fs.writeFileSync(file, info.message as Buffer)
  log.info('mail.written', { file })
  return { via: 'file', file }
}
