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

// Gmail ignores dots in the local part, and googlemail.com is gmail.com.
const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com'])

/**
 * One inbox, one count: the address as the inbox it reaches, for counting only (what is stored and
 * sent to stays as typed). Case and surrounding space never matter, nor does a "+tag" at any
 * domain (Gmail, Outlook, iCloud, Proton and Google's and Microsoft's company mail deliver it to
 * the inbox without it; where "a+b@" is an inbox of its own, it merely shares a count); at Gmail
 * (and googlemail.com) dots do not matter either.
 */
export function emailForLimits(email: string): string {
  const trimmed = email.trim().toLowerCase()
  const at = trimmed.lastIndexOf('@')
  if (at < 0) return trimmed
  let local = trimmed.slice(0, at).replace(/\+.*$/, '')
  let domain = trimmed.slice(at + 1)
  if (GMAIL_DOMAINS.has(domain)) {
    domain = 'gmail.com'
    local = local.replaceAll('.', '')
  }
  return `${local}@${domain}`
}

export const registrationKey = (registrationId: number) => hash(`registration\0${registrationId}`)
export const addressKey = (address: string) => hash(`address\0${addressForLimits(address)}`)
export const emailKey = (email: string) => hash(`email\0${emailForLimits(email)}`)
