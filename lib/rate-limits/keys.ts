// The keys the counters are stored under. Neither e-mail nor client addresses are stored: each
// key is an HMAC with the site's secret (the one every instance shares), so the counter table
// holds no personal data and a list of known addresses cannot be matched against it.
import { createHmac } from 'node:crypto'
import { isIPv6 } from 'node:net'
import { authSecret } from '../auth/secret'

function hash(value: string): string {
  return createHmac('sha256', authSecret()).update(`rate-limits\0${value}`).digest('base64url')
}

/**
 * One address per network: an IPv4 address as it is; an IPv6 address by its /64 prefix, which a
 * single connection usually owns whole (counting each address in it would let one computer
 * rotate past every limit).
 */
export function addressForLimits(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address)
  if (mapped) return mapped[1]!
  if (!isIPv6(address)) return address
  const [head = '', tail] = address.split('%')[0]!.split('::')
  const before = head ? head.split(':') : []
  const after = tail ? tail.split(':') : []
  const groups = tail === undefined ? before : [...before, ...Array<string>(Math.max(0, 8 - before.length - after.length)).fill('0'), ...after]
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`
}

// Big providers deliver many spellings of one address to the same inbox. Gmail ignores dots in
// the local part and everything from a "+", and googlemail.com is gmail.com. These others deliver
// "name+tag@" to "name@" (documented sub-addressing: Outlook.com since 2013, Proton, Fastmail;
// iCloud does the same) and none of them allows "+" in an address of its own, so folding the tag
// away can never merge two real inboxes.
const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com'])
const PLUS_TAG_DOMAINS = new Set([
  'outlook.com',
  'outlook.se',
  'hotmail.com',
  'hotmail.se',
  'live.com',
  'live.se',
  'msn.com',
  'proton.me',
  'protonmail.com',
  'protonmail.ch',
  'pm.me',
  'fastmail.com',
  'icloud.com',
  'me.com',
  'mac.com',
])

/**
 * One inbox, one count: the address as the inbox it reaches, for counting only (what is stored and
 * sent to stays as typed). Case and surrounding space never matter; at Gmail dots and a "+tag"
 * do not either, and at the providers above a "+tag" does not. Any other domain is left as it is:
 * there "a+b@" may well be an inbox of its own.
 */
export function emailForLimits(email: string): string {
  const trimmed = email.trim().toLowerCase()
  const at = trimmed.lastIndexOf('@')
  if (at < 0) return trimmed
  let local = trimmed.slice(0, at)
  let domain = trimmed.slice(at + 1)
  if (GMAIL_DOMAINS.has(domain)) {
    domain = 'gmail.com'
    local = local.replace(/\+.*$/, '').replaceAll('.', '')
  } else if (PLUS_TAG_DOMAINS.has(domain)) {
    local = local.replace(/\+.*$/, '')
  }
  return `${local}@${domain}`
}

export const registrationKey = (registrationId: number) => hash(`registration\0${registrationId}`)
export const addressKey = (address: string) => hash(`address\0${addressForLimits(address)}`)
export const emailKey = (email: string) => hash(`email\0${emailForLimits(email)}`)
