// Each integration test starts from empty tables (but for the contact settings), on the database global-setup prepared.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, inject } from 'vitest'
import { db } from '../../lib/db'
import { queue, stopQueue } from '../../lib/jobs/queue'
import { siteSettings } from '../../lib/seed/initial-content'
import { truncateAll } from '../support/test-database'

process.env.DATABASE_URL = inject('databaseUrl')
// E-mail goes to files in a scratch folder unless a test sets SMTP_URL.
process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'mjolbybussen-it-'))
delete process.env.SMTP_URL
process.env.LOG_LEVEL ??= 'warn'
// Retries of e-mail delivery within seconds, not minutes.
process.env.EMAIL_RETRY_DELAY_SECONDS = '1'
process.env.EMAIL_RETRY_MAX_DELAY_SECONDS = '2'

// The queue is started as the app starts it: before any transaction queues a job.
beforeAll(async () => {
  await queue()
})
afterAll(async () => {
  await stopQueue()
})

beforeEach(async () => {
  await truncateAll(inject('databaseUrl'))
  // Every e-mail carries the contact settings, so they are always there, as after a real start.
  await db().siteSettings.create({ data: { id: 1, ...siteSettings } })
})
