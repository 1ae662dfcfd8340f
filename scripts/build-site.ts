// The one way the site is built (`npm run build`, and `npm start` when there is no build of this
// code): next build with the server-action key and deployment id fixed (lib/build-identity.ts),
// then the identity written beside the build, last, so that a failed build leaves none.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { buildIdentityPath, buildKeys, sourceFingerprint, writeBuildIdentity } from '../lib/build-identity'
import type { Env } from '../lib/env'
import { log } from '../lib/log'

const nextBin = path.join('node_modules', 'next', 'dist', 'bin', 'next')

/** Builds; resolves with next build's exit status. Throws BuildKeyError when the keys are missing. */
export async function buildSite(config: Env, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const fingerprint = sourceFingerprint()
  const { encryptionKey, deploymentId } = buildKeys({
    DATABASE_URL: config.DATABASE_URL,
    DATA_DIR: config.DATA_DIR,
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY,
    NEXT_DEPLOYMENT_ID: env.NEXT_DEPLOYMENT_ID,
    fingerprint,
  })
  const distDir = env.NEXT_DIST_DIR || '.next'
  // An identity left from an earlier build must not vouch for this one if it fails.
  fs.rmSync(buildIdentityPath(distDir), { force: true })
  log.info('build.start', { deploymentId })
  const status = await new Promise<number | null>((resolve) =>
    spawn(process.execPath, [nextBin, 'build'], {
      stdio: 'inherit',
      env: {
        NEXT_TELEMETRY_DISABLED: '1',
        ...env,
        NODE_ENV: 'production',
        NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: encryptionKey,
        NEXT_DEPLOYMENT_ID: deploymentId,
      },
    }).on('exit', resolve),
  )
  if (status !== 0) return status ?? 1
  writeBuildIdentity({ fingerprint, deploymentId, builtAt: new Date().toISOString() }, distDir)
  return 0
}
