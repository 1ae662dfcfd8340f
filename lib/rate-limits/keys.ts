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

/**
 * One inbox, one count: case and a "+tag" in the local part (name+1@…, name+2@… all reach
 * name@… at most providers) do not make a new address, or a flood could go round the limit.
 */
export function emailForLimits(email: string): string {
  const trimmed = email.trim().toLowerCase()
  const at = trimmed.lastIndexOf('@')
  if (at < 0) return trimmed
  return trimmed.slice(0, at).replace(/\+.*$/, '') + trimmed.slice(at)
}

export const addressKey = (address: string) => hash(`address\0${addressForLimits(address)}`)
export const emailKey = (email: string) => hash(`email\0${emailForLimits(email)}`)
