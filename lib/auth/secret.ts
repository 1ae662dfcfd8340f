// The secret that signs the organisers' session cookies. AUTH_SECRET when set; otherwise one made
// once and kept in DATA_DIR/auth-secret (mode 600), so a single instance works out of the box and
// its sessions survive restarts. Several instances must share one AUTH_SECRET (README).
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { env } from '../env'

export function authSecretPath(dataDir: string): string {
  return path.join(path.resolve(dataDir), 'auth-secret')
}

export function authSecret(): string {
  const config = env()
  if (config.AUTH_SECRET) return config.AUTH_SECRET
  const file = authSecretPath(config.DATA_DIR)
  try {
    const stored = fs.readFileSync(file, 'utf8').trim()
    if (stored.length >= 32) return stored
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
  }
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const secret = randomBytes(32).toString('base64url')
  try {
    // 'wx': of two processes starting at once, the first one's secret wins and the other reads it.
    fs.writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' })
    return secret
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    const stored = fs.readFileSync(file, 'utf8').trim()
    if (stored.length < 32) throw new Error(`${file} är för kort: ta bort filen, eller sätt AUTH_SECRET.`)
    return stored
  }
}
