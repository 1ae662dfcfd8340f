// Playwright's web server: an SMTP server that captures mail, and the site (built for tests,
// on a fresh database) sending to it. Writes where tests find the database and the mailbox.
import fs from 'node:fs'
import path from 'node:path'
import { SmtpCapture } from '../../support/smtp-capture'
import { startTestSite } from '../../support/test-site'
import { E2E_DIST_DIR, E2E_PORT, E2E_STATE_FILE, MAILBOX_DIR, SERVER_LOG_FILE } from './paths'

fs.rmSync(MAILBOX_DIR, { recursive: true, force: true })
fs.rmSync(E2E_STATE_FILE, { force: true })
fs.rmSync(SERVER_LOG_FILE, { force: true })
const smtp = await new SmtpCapture(MAILBOX_DIR).start()
const site = await startTestSite({
  port: E2E_PORT,
  distDir: E2E_DIST_DIR,
  label: 'e2e',
  env: { SMTP_URL: smtp.url, MAIL_FROM: 'Mjölbybussen <noreply@mjolbybussen.test>' },
  serverLogFile: SERVER_LOG_FILE,
  onDatabaseReady: (databaseUrl) => {
    fs.mkdirSync(path.dirname(E2E_STATE_FILE), { recursive: true })
    fs.writeFileSync(E2E_STATE_FILE, JSON.stringify({ databaseUrl }))
  },
})

async function stop() {
  await site.stop()
  await smtp.stop()
  process.exit(0)
}
process.on('SIGTERM', () => void stop())
process.on('SIGINT', () => void stop())
