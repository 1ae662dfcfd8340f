// The rules for a start with DATABASE_URL (lib/deployment.ts) and for a build meant for several
// instances (lib/build-identity.ts): each missing piece is one Swedish line naming its variable.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { BuildKeyError, buildKeys, sourceFingerprint } from '../../lib/build-identity'
import { deploymentProblem } from '../../lib/deployment'
import { parseEnv } from '../../lib/env'

const scratch = () => fs.mkdtempSync(path.join(os.tmpdir(), 'mjolbybussen-deploy-'))
const secret = 'x'.repeat(40)
const server = { DATABASE_URL: 'postgres://app@db.internal:5432/mjolbybussen', AUTH_SECRET: secret, SMTP_URL: 'smtp://mail.internal:587' }

describe('deploymentProblem', () => {
  it('the embedded database needs none of it', () => {
    expect(deploymentProblem(parseEnv({ DATA_DIR: scratch() }))).toBeNull()
  })

  it('a complete configuration passes', () => {
    expect(deploymentProblem(parseEnv({ ...server, DATA_DIR: scratch() }))).toBeNull()
  })

  it('DATABASE_URL without AUTH_SECRET names AUTH_SECRET, on one line', () => {
    const problem = deploymentProblem(parseEnv({ ...server, AUTH_SECRET: undefined, DATA_DIR: scratch() }))
    expect(problem).toMatch(/^Fel i miljövariabeln AUTH_SECRET: saknas/)
    expect(problem).not.toContain('\n')
  })

  it('DATABASE_URL without SMTP_URL names SMTP_URL, unless MAIL_TO_FILES=1 says files are meant', () => {
    const dataDir = scratch()
    const problem = deploymentProblem(parseEnv({ ...server, SMTP_URL: undefined, DATA_DIR: dataDir }))
    expect(problem).toMatch(/^Fel i miljövariabeln SMTP_URL: saknas/)
    expect(problem).not.toContain('\n')
    expect(deploymentProblem(parseEnv({ ...server, SMTP_URL: undefined, MAIL_TO_FILES: '1', DATA_DIR: dataDir }))).toBeNull()
    expect(deploymentProblem(parseEnv({ ...server, SMTP_URL: undefined, MAIL_TO_FILES: '0', DATA_DIR: dataDir }))).toMatch(/SMTP_URL/)
  })

  it('a DATA_DIR holding the embedded database is refused with DATABASE_URL (its data would be ignored)', () => {
    const dataDir = scratch()
    fs.mkdirSync(path.join(dataDir, 'pgdata'))
    // An empty pgdata folder is no database yet.
    expect(deploymentProblem(parseEnv({ ...server, DATA_DIR: dataDir }))).toBeNull()
    fs.writeFileSync(path.join(dataDir, 'pgdata', 'PG_VERSION'), '17\n')
    const problem = deploymentProblem(parseEnv({ ...server, DATA_DIR: dataDir }))
    expect(problem).toMatch(/^Fel i miljövariabeln DATA_DIR: .* innehåller den inbäddade databasen/)
    expect(problem).not.toContain('\n')
  })

  it('pool sizes come from the environment, within bounds', () => {
    expect(parseEnv({}).DATABASE_POOL_SIZE).toBe(10)
    expect(parseEnv({}).QUEUE_POOL_SIZE).toBe(4)
    expect(parseEnv({ DATABASE_POOL_SIZE: '25', QUEUE_POOL_SIZE: '2' })).toMatchObject({ DATABASE_POOL_SIZE: 25, QUEUE_POOL_SIZE: 2 })
    for (const bad of ['0', 'tio', '1.5', '201']) {
      expect(() => parseEnv({ DATABASE_POOL_SIZE: bad })).toThrow(/^Fel i miljövariabeln DATABASE_POOL_SIZE/)
      expect(() => parseEnv({ QUEUE_POOL_SIZE: bad })).toThrow(/^Fel i miljövariabeln QUEUE_POOL_SIZE/)
    }
    expect(parseEnv({ RATE_LIMITS_POOL_SIZE: '6' }).RATE_LIMITS_POOL_SIZE).toBe(6)
    expect(() => parseEnv({ RATE_LIMITS_POOL_SIZE: '0' })).toThrow(/^Fel i miljövariabeln RATE_LIMITS_POOL_SIZE/)
    expect(() => parseEnv({ MIGRATE: 'nej' })).toThrow(/^Fel i miljövariabeln MIGRATE/)
  })
})

describe('buildKeys', () => {
  const key = Buffer.alloc(32, 7).toString('base64')
  const fingerprint = 'f'.repeat(64)

  it('with DATABASE_URL both come from the environment, and a missing one is named', () => {
    const base = { DATABASE_URL: server.DATABASE_URL, DATA_DIR: scratch(), fingerprint }
    expect(buildKeys({ ...base, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key, NEXT_DEPLOYMENT_ID: 'abc123' })).toEqual({
      encryptionKey: key,
      deploymentId: 'abc123',
    })
    expect(() => buildKeys({ ...base, NEXT_DEPLOYMENT_ID: 'abc123' })).toThrow(/^Fel i miljövariabeln NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: saknas/)
    expect(() => buildKeys({ ...base, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key })).toThrow(/^Fel i miljövariabeln NEXT_DEPLOYMENT_ID: saknas/)
    // Nothing was written to DATA_DIR: a deployment's keys are not made up on one host.
    expect(fs.readdirSync(base.DATA_DIR)).toEqual([])
  })

  it('refuses a key Next.js cannot use and an id that cannot go in a URL', () => {
    const base = { DATA_DIR: scratch(), fingerprint }
    for (const bad of ['kort', Buffer.alloc(16).toString('base64'), 'ä'.repeat(44)]) {
      expect(() => buildKeys({ ...base, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: bad })).toThrow(BuildKeyError)
    }
    for (const bad of ['v 1', 'a/b', 'x'.repeat(65)]) expect(() => buildKeys({ ...base, NEXT_DEPLOYMENT_ID: bad })).toThrow(BuildKeyError)
  })

  it('on the embedded database the key is made once and kept in DATA_DIR; the id follows the sources', () => {
    const dataDir = scratch()
    const first = buildKeys({ DATA_DIR: dataDir, fingerprint })
    expect(Buffer.from(first.encryptionKey, 'base64')).toHaveLength(32)
    expect(first.deploymentId).toBe(fingerprint.slice(0, 16))
    const file = path.join(dataDir, 'build-keys.json')
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    expect(buildKeys({ DATA_DIR: dataDir, fingerprint: 'e'.repeat(64) })).toEqual({ encryptionKey: first.encryptionKey, deploymentId: 'e'.repeat(16) })
  })
})

describe('sourceFingerprint', () => {
  it('follows the contents of the sources, not their modification times', () => {
    const root = scratch()
    fs.mkdirSync(path.join(root, 'app'))
    fs.writeFileSync(path.join(root, 'app', 'page.tsx'), 'export default 1\n')
    fs.mkdirSync(path.join(root, 'lib', 'generated'), { recursive: true })
    const before = sourceFingerprint(root)
    // A fresh checkout: the same files with new times.
    fs.utimesSync(path.join(root, 'app', 'page.tsx'), new Date(), new Date(Date.now() + 3_600_000))
    fs.writeFileSync(path.join(root, 'lib', 'generated', 'client.ts'), 'generated\n')
    expect(sourceFingerprint(root)).toBe(before)
    fs.writeFileSync(path.join(root, 'app', 'page.tsx'), 'export default 2\n')
    expect(sourceFingerprint(root)).not.toBe(before)
  })
})

describe('sourceFingerprint and tsconfig.json', () => {
  it('ignores the type folders next build adds to "include", not a change to the compiler settings', () => {
    const root = scratch()
    const write = (config: object) => fs.writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify(config, null, 2))
    write({ compilerOptions: { strict: true }, include: ['**/*.ts'] })
    const before = sourceFingerprint(root)
    write({ compilerOptions: { strict: true }, include: ['**/*.ts', '.next-other/types/**/*.ts'] })
    expect(sourceFingerprint(root)).toBe(before)
    write({ compilerOptions: { strict: false }, include: ['**/*.ts'] })
    expect(sourceFingerprint(root)).not.toBe(before)
  })
})
