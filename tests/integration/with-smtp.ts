// For integration tests that read the e-mail: a real SMTP server on loopback for the file, the
// worker delivering to it, and a clean slate before each test.
import { afterAll, beforeAll, beforeEach } from 'vitest'
import { startWorker } from '../../lib/jobs/worker'
import { SmtpCapture } from '../support/smtp-capture'

export function smtpWithWorker(): SmtpCapture {
  const smtp = new SmtpCapture()
  beforeAll(async () => {
    await smtp.start()
    await startWorker()
  })
  afterAll(async () => {
    delete process.env.SMTP_URL
    await smtp.stop()
  })
  beforeEach(() => {
    process.env.SMTP_URL = smtp.url
    process.env.MAIL_FROM = 'Mjölbybussen <noreply@mjolbybussen.test>'
    smtp.messages.length = 0
    smtp.rejectRecipients = null
  })
  return smtp
}
