// What makes one build the same on every instance (README, "Drift på flera servrar"): the key
// Next.js encrypts server actions' bound values with and salts their ids with, and the deployment
// id its client compares to notice a newer build. Both are fixed when `npm run build` runs
// (scripts/build.ts) and written beside the build with a fingerprint of the sources it was built
// from, so `npm start` serves that build as long as the code is the same, instead of building again.
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export type BuildIdentity = { fingerprint: string; deploymentId: string; builtAt: string }

/** What the build is made from: a change to any of these is a new build. */
const SOURCES = ['app', 'components', 'lib', 'public', 'prisma/schema.prisma', 'next.config.ts', 'proxy.ts', 'instrumentation.ts', 'package-lock.json', 'tsconfig.json']
// Written by `prisma generate` from prisma/schema.prisma, which is in SOURCES.
const NOT_SOURCES = new Set(['lib/generated'])

/** A hash of the sources' paths and contents (not their times: a fresh checkout has new ones). */
export function sourceFingerprint(root = process.cwd()): string {
  const hash = createHash('sha256')
  const add = (relative: string) => {
    if (NOT_SOURCES.has(relative)) return
    const full = path.join(root, relative)
    let stat: fs.Stats
    try {
      stat = fs.statSync(full)
    } catch {
      return
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(full).sort()) add(path.posix.join(relative, name))
    } else {
      const content = relative === 'tsconfig.json' ? compilerSettings(full) : fs.readFileSync(full)
      hash.update(`${relative}\0`).update(content).update('\0')
    }
  }
  SOURCES.forEach(add)
  return hash.digest('hex')
}

/**
 * tsconfig.json without its "include": `next build` adds its build folder's type folders there
 * (for each NEXT_DIST_DIR), which changes nothing in the build, but would make the host that
 * built differ from a fresh checkout of the same code.
 */
function compilerSettings(file: string): string {
  const text = fs.readFileSync(file, 'utf8')
  try {
    const { include: _include, ...rest } = JSON.parse(text) as Record<string, unknown>
    return JSON.stringify(rest)
  } catch {
    return text
  }
}

export function buildIdentityPath(distDir = process.env.NEXT_DIST_DIR || '.next'): string {
  return path.join(distDir, 'build-identity.json')
}

/** The identity a completed `npm run build` wrote; null when there is none (no build, or it failed). */
export function readBuildIdentity(distDir?: string): BuildIdentity | null {
  try {
    return JSON.parse(fs.readFileSync(buildIdentityPath(distDir), 'utf8')) as BuildIdentity
  } catch {
    return null
  }
}

export function writeBuildIdentity(identity: BuildIdentity, distDir?: string) {
  fs.writeFileSync(buildIdentityPath(distDir), JSON.stringify(identity, null, 2) + '\n')
}

export class BuildKeyError extends Error {}

/** A key as Next.js takes it: 32 random bytes in base64. */
function isEncryptionKey(value: string): boolean {
  return /^[A-Za-z0-9+/]+={0,2}$/.test(value) && Buffer.from(value, 'base64').length === 32
}

/**
 * The server-action key and deployment id for a build. With DATABASE_URL (several instances,
 * perhaps several builds over a rolling deploy) both must come from the environment, the same for
 * every build of a deployment; without it (the embedded database, one process) the key is made
 * once and kept in DATA_DIR/build-keys.json, and the deployment id is the sources' fingerprint.
 */
export function buildKeys(source: {
  DATABASE_URL?: string
  DATA_DIR: string
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY?: string
  NEXT_DEPLOYMENT_ID?: string
  fingerprint: string
}): { encryptionKey: string; deploymentId: string } {
  const given = source.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY || undefined
  if (given !== undefined && !isEncryptionKey(given)) {
    throw new BuildKeyError(
      'Fel i miljövariabeln NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: ska vara 32 slumpmässiga byte i base64, t.ex. från `openssl rand -base64 32`.',
    )
  }
  const deploymentId = source.NEXT_DEPLOYMENT_ID || undefined
  if (deploymentId !== undefined && !/^[A-Za-z0-9._-]{1,64}$/.test(deploymentId)) {
    throw new BuildKeyError('Fel i miljövariabeln NEXT_DEPLOYMENT_ID: ska vara 1–64 tecken av a–z, A–Z, 0–9, punkt, bindestreck och understreck, t.ex. en git-commit.')
  }
  if (source.DATABASE_URL) {
    if (!given) {
      throw new BuildKeyError(
        'Fel i miljövariabeln NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: saknas. Med DATABASE_URL byggs sajten för flera instanser: ' +
          'sätt samma nyckel för varje bygge (t.ex. från `openssl rand -base64 32`), så att ett formulär från ett bygge kan skickas till ett annat.',
      )
    }
    if (!deploymentId) {
      throw new BuildKeyError(
        'Fel i miljövariabeln NEXT_DEPLOYMENT_ID: saknas. Med DATABASE_URL byggs sajten för flera instanser: sätt en id för det här bygget, t.ex. `git rev-parse --short HEAD`.',
      )
    }
    return { encryptionKey: given, deploymentId }
  }
  return { encryptionKey: given ?? keptEncryptionKey(source.DATA_DIR), deploymentId: deploymentId ?? source.fingerprint.slice(0, 16) }
}

/** DATA_DIR/build-keys.json: made at the first build on the embedded database, then reused. */
function keptEncryptionKey(dataDir: string): string {
  const file = path.join(path.resolve(dataDir), 'build-keys.json')
  try {
    const { encryptionKey } = JSON.parse(fs.readFileSync(file, 'utf8')) as { encryptionKey?: string }
    if (encryptionKey && isEncryptionKey(encryptionKey)) return encryptionKey
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT' && !(err instanceof SyntaxError)) throw err
  }
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const encryptionKey = randomBytes(32).toString('base64')
  fs.writeFileSync(file, JSON.stringify({ encryptionKey }) + '\n', { mode: 0o600 })
  return encryptionKey
}
