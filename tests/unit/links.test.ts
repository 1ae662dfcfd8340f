import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { hashLinkToken, isWellFormedToken, newLinkToken } from '../../lib/registrations/links'

describe('newLinkToken', () => {
  it('gives a 22-character base64url token of 128 random bits', () => {
    const { token } = newLinkToken()
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/)
    const bytes = Buffer.from(token, 'base64url')
    expect(bytes).toHaveLength(16)
    expect(bytes.toString('base64url')).toBe(token)
  })

  it('gives a different token and hash every time', () => {
    const n = 5000
    const made = Array.from({ length: n }, () => newLinkToken())
    expect(new Set(made.map((m) => m.token)).size).toBe(n)
    expect(new Set(made.map((m) => m.tokenHash)).size).toBe(n)
  })

  it('uses the whole alphabet (the bits are random, not e.g. only hex digits)', () => {
    const chars = new Set(Array.from({ length: 500 }, () => newLinkToken().token).join(''))
    expect(chars.size).toBeGreaterThan(60)
  })

  it('gives the hash of the token, never the token itself', () => {
    for (let i = 0; i < 50; i++) {
      const { token, tokenHash } = newLinkToken()
      expect(tokenHash).toBe(hashLinkToken(token))
      expect(tokenHash).not.toContain(token)
    }
  })

  it('every token it makes is well-formed', () => {
    for (let i = 0; i < 1000; i++) expect(isWellFormedToken(newLinkToken().token)).toBe(true)
  })
})

describe('hashLinkToken', () => {
  it('is 64 lower-case hex characters', () => {
    expect(hashLinkToken(newLinkToken().token)).toMatch(/^[0-9a-f]{64}$/)
  })

  it('is deterministic', () => {
    const token = 'AAECAwQFBgcICQoLDA0ODw'
    expect(hashLinkToken(token)).toBe(hashLinkToken(token))
    expect(hashLinkToken(token)).toBe(hashLinkToken(String(token)))
  })

  it('is the SHA-256 of the token (so stored hashes stay valid)', () => {
    expect(hashLinkToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    const token = 'AAECAwQFBgcICQoLDA0ODw'
    expect(hashLinkToken(token)).toBe(createHash('sha256').update(token, 'utf8').digest('hex'))
  })

  it('differs for tokens that differ in one character or only in case', () => {
    const a = 'AAECAwQFBgcICQoLDA0ODw'
    expect(hashLinkToken(a)).not.toBe(hashLinkToken('AAECAwQFBgcICQoLDA0ODx'))
    expect(hashLinkToken(a)).not.toBe(hashLinkToken(a.toLowerCase()))
  })
})

describe('isWellFormedToken', () => {
  it.each(['AAECAwQFBgcICQoLDA0ODw', 'abcdefghijklmnopqrstuv', '0123456789-_0123456789', '----------------------'])('accepts %j', (token) => {
    expect(isWellFormedToken(token)).toBe(true)
  })

  it.each([
    ['empty', ''],
    ['21 characters', 'AAECAwQFBgcICQoLDA0OD'],
    ['23 characters', 'AAECAwQFBgcICQoLDA0ODwA'],
    ['padded base64', 'AAECAwQFBgcICQoLDA0ODw=='],
    ['standard base64 +', 'AAECAwQFBgcICQoLDA0O+w'],
    ['standard base64 /', 'AAECAwQFBgcICQoLDA0O/w'],
    ['a space', 'AAECAwQFBgcICQ LDA0ODw'],
    ['a trailing newline', 'AAECAwQFBgcICQoLDA0ODw\n'],
    ['a leading space', ' AAECAwQFBgcICQoLDA0ODw'],
    ['a non-ASCII letter', 'AAECAwQFBgcICQoLDA0ODö'],
    ['a dot', 'AAECAwQFBgcICQoLDA0OD.'],
    ['a path', '../../../../etc/passwd/'],
    ['a hash instead of a token', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['SQL', "' OR 1=1 --AAAAAAAAAAAA"],
  ])('refuses %s', (_, token) => {
    expect(isWellFormedToken(token)).toBe(false)
  })
})
