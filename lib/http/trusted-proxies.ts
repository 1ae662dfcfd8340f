// Which X-Forwarded-For entries to believe (TRUST_PROXY, as Express's `trust proxy` and Django's
// settings do it). The chain is the header's entries with the address of the socket last (the
// peer that actually connected). Walking from the right, an entry is skipped while it is a
// trusted proxy: one of the first `hops` entries, or an address in `ranges`. The first entry
// that is not is the client; if every entry is trusted, the leftmost. With nothing trusted
// (the default) that is the socket's address and whatever a client wrote into the header is
// ignored; with one hop it is the address the proxy in front saw connect to it.
import net from 'node:net'

export type TrustProxy = {
  /** How many proxies in front of the site, counted from it (0: none). */
  hops: number
  /** Addresses and networks of proxies, as written (kept for messages and the README's examples). */
  ranges: string[]
  /** The same as a block list, for matching. */
  list: net.BlockList
}

const NAMED_RANGES: Record<string, string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
}

export class TrustProxyError extends Error {}

/**
 * Parses TRUST_PROXY: a comma list of at most one number of hops and any addresses, networks
 * (CIDR, IPv4 and IPv6) or the names loopback, linklocal and uniquelocal. Empty means "0".
 * Throws TrustProxyError with a Swedish message for anything else.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const list = new net.BlockList()
  let hops: number | undefined
  const ranges: string[] = []
  for (const raw of (value ?? '').split(',')) {
    const token = raw.trim()
    if (token === '') continue
    if (/^\d+$/.test(token)) {
      if (hops !== undefined) throw new TrustProxyError('får bara ha ett antal proxyer')
      hops = Number(token)
      if (!Number.isSafeInteger(hops) || hops > 100) throw new TrustProxyError(`«${token}» är för många proxyer`)
      continue
    }
    const named = NAMED_RANGES[token.toLowerCase()]
    for (const range of named ?? [token]) {
      if (!addRange(list, range)) {
        throw new TrustProxyError(`«${token.slice(0, 60)}» är varken ett antal, en adress eller ett nät som 10.0.0.0/8`)
      }
    }
    ranges.push(token)
  }
  return { hops: hops ?? 0, ranges, list }
}

function addRange(list: net.BlockList, range: string): boolean {
  const slash = range.indexOf('/')
  const address = normaliseAddress(slash === -1 ? range : range.slice(0, slash))
  const family = net.isIP(address)
  if (family === 0) return false
  const type = family === 4 ? 'ipv4' : 'ipv6'
  if (slash === -1) {
    list.addAddress(address, type)
    return true
  }
  const prefixText = range.slice(slash + 1)
  const prefix = Number(prefixText)
  if (!/^\d{1,3}$/.test(prefixText) || prefix > (family === 4 ? 32 : 128)) return false
  list.addSubnet(address, prefix, type)
  return true
}

/**
 * One entry of the chain as an address: without the port some proxies add ("1.2.3.4:5678",
 * "[::1]:80"), and an IPv4 address written as IPv6 (a dual-stack socket's "::ffff:1.2.3.4") as
 * IPv4, so that one client has one spelling. Anything else is returned trimmed, as it is.
 */
export function normaliseAddress(entry: string): string {
  let address = entry.trim()
  const bracketed = address.match(/^\[([^\]]+)\](?::\d+)?$/)
  if (bracketed) address = bracketed[1]!
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.indexOf(':'))
  const mapped = address.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i)
  if (mapped) address = mapped[1]!
  return address
}

function isTrustedAddress(trust: TrustProxy, address: string): boolean {
  const family = net.isIP(address)
  if (family === 0) return false
  return trust.list.check(address, family === 4 ? 'ipv4' : 'ipv6')
}

/** The client's address from the chain (the header's entries, then the socket's address). */
export function resolveClientAddress(chain: readonly string[], trust: TrustProxy): string {
  const addresses = chain.map(normaliseAddress).filter((a) => a !== '')
  if (addresses.length === 0) return ''
  for (let fromRight = 0; fromRight < addresses.length; fromRight++) {
    const address = addresses[addresses.length - 1 - fromRight]!
    const trusted = fromRight < trust.hops || isTrustedAddress(trust, address)
    if (!trusted) return address
  }
  return addresses[0]!
}
