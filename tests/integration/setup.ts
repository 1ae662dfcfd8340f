// Each integration test starts from empty tables, on the database global-setup prepared.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeEach, inject } from 'vitest'
import { truncateAll } from '../support/test-database'

process.env.DATABASE_URL = inject('databaseUrl')
// E-mail goes to files in a scratch folder unless a test sets SMTP_URL.
process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'mjolbybussen-it-'))
delete process.env.SMTP_URL
process.env.LOG_LEVEL ??= 'warn'

beforeEach(async () => {
  await truncateAll(inject('databaseUrl'))
})
