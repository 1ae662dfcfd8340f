// A deployment's start (DATABASE_URL set) that lacks what several instances need stops at once
// with one line naming the variable and exit status 1, before it touches the database or builds:
// `npm start`, `npm run worker` and `npm run build` (lib/deployment.ts, lib/build-identity.ts).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase } from '../support/fresh-database'
import { runScript, type Finished } from '../support/spawn-script'
import type { TestDatabase } from '../support/test-database'

const dataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'mjolbybussen-guard-'))
// Nothing listens here: a start that got as far as the database would fail differently.
const unreachable = 'postgres://postgres@127.0.0.1:1/mjb_guard_test'
const complete = {
  DATABASE_URL: unreachable,
  AUTH_SECRET: 'k'.repeat(40),
  SMTP_URL: 'smtp://127.0.0.1:1',
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
  NEXT_DEPLOYMENT_ID: 'guard-test',
}

function expectOneLine(result: Finished, pattern: RegExp) {
  expect(result.code).toBe(1)
  const lines = result.stderr.trim().split('\n')
  expect(lines, result.stderr).toHaveLength(1)
  expect(lines[0]).toMatch(pattern)
}

describe.each([
  ['npm start', 'scripts/serve.ts', ['start']],
  ['npm run worker', 'scripts/worker.ts', []],
])('%s with DATABASE_URL', (_name, script, args) => {
  it('without AUTH_SECRET', async () => {
    expectOneLine(await runScript(script, args, { ...complete, AUTH_SECRET: undefined, DATA_DIR: dataDir() }), /^Fel i miljövariabeln AUTH_SECRET: saknas/)
  })

  it('without SMTP_URL', async () => {
    expectOneLine(await runScript(script, args, { ...complete, SMTP_URL: undefined, DATA_DIR: dataDir() }), /^Fel i miljövariabeln SMTP_URL: saknas/)
  })

  it('with the embedded database in DATA_DIR', async () => {
    const dir = dataDir()
    fs.mkdirSync(path.join(dir, 'pgdata'))
    fs.writeFileSync(path.join(dir, 'pgdata', 'PG_VERSION'), '17\n')
    expectOneLine(await runScript(script, args, { ...complete, DATA_DIR: dir }), /^Fel i miljövariabeln DATA_DIR: .*inbäddade databasen/)
  })
})

describe('npm run build with DATABASE_URL', () => {
  it.each(['NEXT_SERVER_ACTIONS_ENCRYPTION_KEY', 'NEXT_DEPLOYMENT_ID'])('without %s: one line, and no build begun', async (missing) => {
    const distDir = path.join(dataDir(), 'dist')
    const result = await runScript('scripts/build.ts', [], { ...complete, [missing]: undefined, DATA_DIR: dataDir(), NEXT_DIST_DIR: distDir })
    expectOneLine(result, new RegExp(`^Fel i miljövariabeln ${missing}: saknas`))
    expect(fs.existsSync(distDir)).toBe(false)
  })
})

describe('npm start with MIGRATE=off', () => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await freshDatabase('guard')
  })
  afterAll(async () => {
    await database?.stop()
  })

  it('on a database its migrations have not reached: one line telling to run db:prepare', async () => {
    const result = await runScript('scripts/serve.ts', ['start'], { ...complete, DATABASE_URL: database.url, MIGRATE: 'off', DATA_DIR: dataDir() })
    expectOneLine(result, /^Sajten kunde inte starta: Databasen saknar \d+ migrering\(ar\) .*MIGRATE=off: kör npm run db:prepare först\.$/)
  })
})
