// Personal links to a registration: 128 random bits, base64url, of which only a SHA-256 is
// stored. (An e-mail waiting in the outbox holds its link until it is sent; its body is cleared
// then, see lib/email/outbox.ts.) A hash needs no salt or slow function here: the token has 128 bits of entropy, so it
// cannot be guessed from its hash, unlike a password.
import { createHash, randomBytes } from 'node:crypto'

const TOKEN_BYTES = 16
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/

export function newLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(TOKEN_BYTES).toString('base64url')
  return { token, tokenHash: hashLinkToken(token) }
}

export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** Whether a string has the form of a token (so malformed ones never reach the database). */
// unknown: a token can come from a tampered post as any of React's values (an array of one string
// would pass the pattern as its text, then break the hash).
export function isWellFormedToken(token: unknown): token is string {
  return typeof token === 'string' && TOKEN_PATTERN.test(token)
}
