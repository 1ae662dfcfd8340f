// Which address a request is counted under (lib/http/trusted-proxies.ts, lib/auth/client-address.ts):
// with no trusted proxy the socket's, whatever the client wrote into X-Forwarded-For; with N hops
// the entry the outermost trusted proxy added; with a list, the first entry from the right that
// is not a trusted proxy. (Over real HTTP against the built site: tests/e2e/client-address.spec.ts.)
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { clientAddress, recordSocketAddresses, SOCKET_MARK_HEADER, UNKNOWN_ADDRESS } from '../../lib/auth/client-address'
import { normaliseAddress, parseTrustProxy, resolveClientAddress, TrustProxyError } from '../../lib/http/trusted-proxies'

const resolve = (chain: string[], trust: string) => resolveClientAddress(chain, parseTrustProxy(trust))

describe('resolveClientAddress', () => {
  // The chain: what the header says, then the socket's address.
  const chain = ['198.51.100.7', '203.0.113.9', '10.0.0.2', '10.0.0.1']

  it('with nothing trusted: the socket\'s address, the header ignored', () => {
    expect(resolve(chain, '')).toBe('10.0.0.1')
    expect(resolve(chain, '0')).toBe('10.0.0.1')
    expect(resolve(['127.0.0.1'], '')).toBe('127.0.0.1')
  })

  it('with N hops: the address the outermost of N proxies saw (N from the right of the header)', () => {
    expect(resolve(chain, '1')).toBe('10.0.0.2')
    expect(resolve(chain, '2')).toBe('203.0.113.9')
    expect(resolve(chain, '3')).toBe('198.51.100.7')
  })

  it('with more hops than entries (a request that came past the proxies): the leftmost', () => {
    expect(resolve(chain, '9')).toBe('198.51.100.7')
    expect(resolve(['127.0.0.1'], '1')).toBe('127.0.0.1')
  })

  it('with a list: walks from the right past trusted addresses and networks', () => {
    expect(resolve(chain, '10.0.0.0/8')).toBe('203.0.113.9')
    expect(resolve(chain, '10.0.0.1')).toBe('10.0.0.2')
    expect(resolve(chain, '10.0.0.0/8, 203.0.113.0/24')).toBe('198.51.100.7')
    // An untrusted hop stops the walk, even with a trusted one further left.
    expect(resolve(['10.0.0.9', '198.51.100.7', '10.0.0.1'], '10.0.0.0/8')).toBe('198.51.100.7')
    // A peer that is not a trusted proxy: its header is not believed.
    expect(resolve(['203.0.113.50', '192.0.2.1'], '10.0.0.0/8')).toBe('192.0.2.1')
  })

  it('IPv6 addresses and networks, and the named ranges', () => {
    expect(resolve(['2001:db8::7', 'fd00::1'], 'fd00::/8')).toBe('2001:db8::7')
    expect(resolve(['2001:db8::7', '::1'], 'loopback')).toBe('2001:db8::7')
    expect(resolve(['2001:db8::7', '192.168.1.1'], 'uniquelocal')).toBe('2001:db8::7')
    expect(resolve(['2001:db8::7', '2001:db8::1'], 'uniquelocal')).toBe('2001:db8::1')
  })

  it('hops and a list together: a hop is trusted if either says so', () => {
    expect(resolve(['198.51.100.7', '10.0.0.3', '203.0.113.9'], '1, 10.0.0.0/8')).toBe('198.51.100.7')
  })

  it('reads entries with ports, brackets and IPv4 written as IPv6', () => {
    expect(normaliseAddress(' 198.51.100.7:4711 ')).toBe('198.51.100.7')
    expect(normaliseAddress('[2001:db8::7]:443')).toBe('2001:db8::7')
    expect(normaliseAddress('::ffff:127.0.0.1')).toBe('127.0.0.1')
    expect(resolve(['198.51.100.7:4711', '::ffff:10.0.0.1'], '10.0.0.0/8')).toBe('198.51.100.7')
  })

  it('skips empty entries; an entry that is not an address is nobody\'s proxy', () => {
    expect(resolve(['', '198.51.100.7', ' ', '10.0.0.1'], '1')).toBe('198.51.100.7')
    expect(resolve(['198.51.100.7', 'unknown', '10.0.0.1'], '10.0.0.0/8')).toBe('unknown')
  })
})

describe('parseTrustProxy', () => {
  it.each(['ja', 'true', '1,2', '10.0.0.0/33', '10.0.0.0/x', '::1/129', '1.2.3', '-1', '101', 'proxy.example.se'])('refuses %s', (value) => {
    expect(() => parseTrustProxy(value)).toThrow(TrustProxyError)
  })
})

describe('clientAddress', () => {
  const saved = process.env.TRUST_PROXY
  afterEach(() => {
    if (saved === undefined) delete process.env.TRUST_PROXY
    else process.env.TRUST_PROXY = saved
  })

  it('without TRUST_PROXY: the socket\'s address, however many entries the client sent', () => {
    delete process.env.TRUST_PROXY
    expect(clientAddress(new Headers({ 'x-forwarded-for': '198.51.100.66, 203.0.113.9' }), '127.0.0.1')).toBe('127.0.0.1')
  })

  it('with TRUST_PROXY=1: the last entry (the one the proxy added)', () => {
    process.env.TRUST_PROXY = '1'
    expect(clientAddress(new Headers({ 'x-forwarded-for': '198.51.100.66, 203.0.113.9' }), '127.0.0.1')).toBe('203.0.113.9')
    expect(clientAddress(new Headers(), '127.0.0.1')).toBe('127.0.0.1')
  })

  it('without a known socket (a request before the recording began): one shared address, never one the client names', () => {
    process.env.TRUST_PROXY = '1'
    expect(clientAddress(new Headers({ 'x-forwarded-for': '198.51.100.66' }))).toBe(UNKNOWN_ADDRESS)
    expect(clientAddress(new Headers({ 'x-forwarded-for': '198.51.100.66', [SOCKET_MARK_HEADER]: 'gissat' }))).toBe(UNKNOWN_ADDRESS)
  })

  it('over HTTP: the socket\'s address is appended to what the client sent, with the process\'s mark', async () => {
    recordSocketAddresses()
    recordSocketAddresses() // once is enough; twice must not append twice
    const seen: Headers[] = []
    const server = http.createServer((request, response) => {
      seen.push(new Headers(Object.entries(request.headers).map(([k, v]) => [k, String(v)] as [string, string])))
      response.end()
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    try {
      const get = (headers: Record<string, string>) =>
        new Promise<void>((r) =>
          http.get({ host: '127.0.0.1', port: (server.address() as AddressInfo).port, localAddress: '127.0.0.3', headers }, (res) => res.resume().on('end', r)),
        )
      await get({ 'x-forwarded-for': '198.51.100.66', [SOCKET_MARK_HEADER]: 'förfalskad' })
      await get({})
    } finally {
      server.close()
    }
    expect(seen[0]!.get('x-forwarded-for')).toBe('198.51.100.66, 127.0.0.3')
    expect(seen[1]!.get('x-forwarded-for')).toBe('127.0.0.3')
    delete process.env.TRUST_PROXY
    expect(clientAddress(seen[0]!)).toBe('127.0.0.3')
    process.env.TRUST_PROXY = '1'
    expect(clientAddress(seen[0]!)).toBe('198.51.100.66')
    expect(clientAddress(seen[1]!)).toBe('127.0.0.3')
    process.env.TRUST_PROXY = '127.0.0.0/8'
    expect(clientAddress(seen[0]!)).toBe('198.51.100.66')
  })
})
