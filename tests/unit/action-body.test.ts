// The proxy's check of a server action's body (lib/http/action-body.ts): what Next.js and React
// would fail to decode (a 500) is found first; what a browser sends for this site's forms, with
// JavaScript and without, passes. (Over HTTP against the built site: tests/e2e/raw-requests.spec.ts.)
import { describe, expect, it } from 'vitest'
import { checkActionBody } from '../../lib/http/action-body'
import { isActionPost } from '../../lib/http/request-guards'
import { isForm, isId, isSlug, refuseTampered } from '../../lib/http/action-arguments'

const ID = '7f' + 'ab'.repeat(20)
const check = (body: string | Uint8Array, contentType: string, fetchAction = false, signal?: AbortSignal) =>
  checkActionBody(async () => new Uint8Array(typeof body === 'string' ? Buffer.from(body) : body).buffer, contentType, fetchAction, signal)

async function multipart(fields: [string, string | Blob][]) {
  const form = new FormData()
  for (const [n, v] of fields) form.append(n, v)
  const response = new Response(form)
  return { body: new Uint8Array(await response.arrayBuffer()), type: response.headers.get('content-type')! }
}

const formFields = (bound: string, extra: [string, string][] = []): [string, string][] => [
  ['$ACTION_REF_1', ''],
  ['$ACTION_1:0', JSON.stringify({ id: ID, bound: '$@1' })],
  ['$ACTION_1:1', bound],
  ['$ACTION_KEY', 'k0'],
  ['email', 'anna@example.se'],
  ...extra,
]

describe('a form posted without JavaScript', () => {
  it('passes as the browser sends it', async () => {
    const { body, type } = await multipart(formFields('["2024-boras",{}]'))
    expect(await check(body, type)).toBeNull()
    const unbound = await multipart([[`$ACTION_ID_${ID}`, ''], ['x', 'y']])
    expect(await check(unbound.body, unbound.type)).toBeNull()
    const state = await multipart(formFields('["tok",{"values":{"email":"a","n":"$undefined","d":"$D2026-01-01T00:00:00.000Z"},"errors":{}}]'))
    expect(await check(state.body, state.type)).toBeNull()
  })

  it('is refused when the multipart cannot be read', async () => {
    const { body, type } = await multipart(formFields('["2024-boras",{}]'))
    expect(await check(body, type.replace(/boundary=.*/, 'boundary=annan'))).toBe('multipart')
    expect(await check(body, 'multipart/form-data')).toBe('multipart')
    expect(await check(body.subarray(0, body.length - 10), type)).toBe('multipart')
    expect(await check('', type)).toBe('multipart')
  })

  it('is refused when it is not an action, or its arguments cannot be decoded', async () => {
    for (const bound of ['garbage[', '', '"text"', '{"a":1}', '["$Q2"]', '["$@9"]', '["$B1"]', '["$nx"]', '["$1:a"]', '["$T"]', '[' + '['.repeat(100) + ']'.repeat(100) + ']']) {
      const { body, type } = await multipart(formFields(bound))
      expect(await check(body, type), bound).toBe('arguments')
    }
    const noAction = await multipart([['email', 'anna@example.se']])
    expect(await check(noAction.body, noAction.type)).toBe('arguments')
    const noDescriptor = await multipart([['$ACTION_REF_1', ''], ['email', 'x']])
    expect(await check(noDescriptor.body, noDescriptor.type)).toBe('arguments')
    const cycle = await multipart([...formFields('["$@2"]'), ['$ACTION_1:2', '["$@1"]']])
    expect(await check(cycle.body, cycle.type)).toBe('arguments')
  })
})

describe('a form posted by React with JavaScript (next-action)', () => {
  it('passes as React sends it: text, or multipart with the form\'s fields', async () => {
    expect(await check('["2024-boras",{}]', 'text/plain;charset=UTF-8', true)).toBeNull()
    const { body, type } = await multipart([['0', '["2024-boras",{},"$K1"]'], ['1_email', 'anna@example.se'], ['1_file', new Blob(['x'])]])
    expect(await check(body, type, true)).toBeNull()
  })

  it('is refused when its arguments are not an array of values React decodes', async () => {
    for (const text of ['', 'garbage', '{"a":1}', '["$@1"]', '"$T"', JSON.stringify(Array(1001).fill(0)), '["$h1"]']) {
      expect(await check(text, 'text/plain;charset=UTF-8', true), text).toBe('arguments')
    }
    expect(await check(Buffer.from([0xff, 0xfe, 0x5b]), 'text/plain', true)).toBe('arguments')
  })

  it('is refused when busboy cannot read it (Next.js parses these with busboy)', async () => {
    const { body, type } = await multipart([['0', '[]']])
    expect(await check(body.subarray(0, body.length - 4), type, true)).toBe('multipart')
    const base64 = Buffer.from('--b\r\nContent-Disposition: form-data; name="0"; filename="x"\r\nContent-Transfer-Encoding: base64\r\n\r\nW10=\r\n--b--\r\n')
    expect(await check(base64, 'multipart/form-data; boundary=b', true)).toBe('multipart')
  })
})

it('gives up on a body that never arrives when the client goes away', async () => {
  const controller = new AbortController()
  const waiting = checkActionBody(() => new Promise<ArrayBuffer>(() => {}), 'multipart/form-data; boundary=b', false, controller.signal)
  controller.abort()
  expect(await waiting).toBe('unreadable')
})

describe('which posts the proxy checks', () => {
  const post = (pathname: string, headers: Record<string, string>, method = 'POST') => isActionPost({ method, pathname, headers: new Headers(headers) })
  it('every server-action post to a page, with JavaScript and without', () => {
    expect(post('/resor/x/anmalan', { 'content-type': 'multipart/form-data; boundary=b' })).toBe(true)
    expect(post('/', { 'content-type': 'text/plain;charset=UTF-8', 'next-action': ID })).toBe(true)
  })
  it('not Better Auth\'s endpoints (they read their own JSON), nor what is refused anyway', () => {
    expect(post('/api/auth/sign-out', { 'content-type': 'multipart/form-data; boundary=b' })).toBe(false)
    expect(post('/resor/x/anmalan', { 'content-type': 'text/plain' })).toBe(false)
    expect(post('/resor/x/anmalan', { 'content-type': 'multipart/form-data; boundary=b' }, 'GET')).toBe(false)
  })
})

describe('an action\'s own arguments (lib/http/action-arguments.ts)', () => {
  it('passes what the forms bind and send, and answers anything else as not found', () => {
    expect(() => refuseTampered(isSlug('2024-boras'), isId(12), isForm(new FormData()))).not.toThrow()
    for (const checks of [[isForm(undefined)], [isForm('$K1')], [isSlug(123)], [isSlug('')], [isId('12')], [isId(1.5)], [isId(0)], [isId(2n)]]) {
      expect(() => refuseTampered(...checks)).toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/)
    }
  })
})
