// The client's address, for the rate limits (lib/rate-limits).
//
// Next.js gives a page, action or route no access to the socket, and `next start` only fills
// X-Forwarded-For with the socket's address when a request comes WITHOUT one
// (`req.headers['x-forwarded-for'] ??= socket.remoteAddress` in next/dist/server/base-server.js):
// a header the client wrote itself is kept as it is, and the address that connected is lost. So
// the server's own HTTP layer records it: recordSocketAddresses (called from instrumentation.ts,
// before Next.js handles its first request) listens on Node's `http.server.request.start`
// diagnostics channel, which runs for every request before any handler, and appends the socket's
// address to X-Forwarded-For as a proxy does, marking the request with a per-process secret.
// clientAddress then reads the chain and believes as many entries as TRUST_PROXY says
// (lib/http/trusted-proxies.ts): by default none, so the socket's address.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { subscribe } from 'node:diagnostics_channel'
import type { IncomingMessage } from 'node:http'
import type { Socket } from 'node:net'
import { env } from '../env'
import { resolveClientAddress } from '../http/trusted-proxies'

/** Holds the secret that proves the socket's address was appended to X-Forwarded-For by this process. */
export const SOCKET_MARK_HEADER = 'x-mjolbybussen-socket'

/** What a request is counted under when its socket's address is unknown: all such requests share one allowance. */
export const UNKNOWN_ADDRESS = 'okänd'

// On globalThis: Next.js bundles instrumentation.ts and the app separately, each with its own
// copy of this module, and both must see the one secret.
const MARK = Symbol.for('mjolbybussen.socket-mark')
type Holder = { [MARK]?: string }

/** Starts appending each request's socket address to its X-Forwarded-For. Idempotent. */
export function recordSocketAddresses(): void {
  const holder = globalThis as Holder
  if (holder[MARK]) return
  const mark = randomBytes(18).toString('base64url')
  holder[MARK] = mark
  subscribe('http.server.request.start', (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket }
    const prior = request.headers['x-forwarded-for']
    const forwarded = Array.isArray(prior) ? prior.join(', ') : prior
    const own = socket.remoteAddress ?? UNKNOWN_ADDRESS
    request.headers['x-forwarded-for'] = forwarded ? `${forwarded}, ${own}` : own
    // Set, not appended: a client's own header of this name is replaced.
    request.headers[SOCKET_MARK_HEADER] = mark
  })
}

function carriesMark(headers: Headers): boolean {
  const mark = (globalThis as Holder)[MARK]
  const given = headers.get(SOCKET_MARK_HEADER)
  if (!mark || !given || given.length !== mark.length) return false
  return timingSafeEqual(Buffer.from(given), Buffer.from(mark))
}

/**
 * The address the request is counted under. `socketAddress`: the socket's address where the
 * caller knows it (tests, or a request that did not pass the recording, such as a unit test's).
 * A request without either (one that reached Next.js before the recording began, in the first
 * moment after a start) is counted under UNKNOWN_ADDRESS: shared, so never a fresh allowance.
 */
export function clientAddress(headers: Headers, socketAddress?: string): string {
  const forwarded = (headers.get('x-forwarded-for') ?? '').split(',')
  let chain: string[]
  if (carriesMark(headers)) chain = forwarded
  else if (socketAddress) chain = [...forwarded, socketAddress]
  else return UNKNOWN_ADDRESS
  return (resolveClientAddress(chain, env().TRUST_PROXY) || UNKNOWN_ADDRESS).slice(0, 100)
}
