// Hostile requests at the level of HTTP itself, sent byte for byte over a socket to the built
// site, on every route that takes a post: the public forms (signup, lost link, change and cancel
// on a personal link, the accessibility report), the organisers' sign-in and an admin form, and
// Better Auth's endpoints. Broken multipart (a boundary that does not match or is missing, parts
// cut short, no final boundary, huge part headers), bodies shorter than their Content-Length,
// random bytes under every content type, charsets that are wrong or do not exist, bytes that are
// not UTF-8, huge headers, Content-Type twice, and React's argument encoding tampered with (for
// forms posted with and without JavaScript). The property: never a 5xx, no stack trace or other
// internals in the answer, a refusal in Swedish, and nothing stored.
// (Field values within well-formed posts: hostile-input.spec.ts.)
import fc from 'fast-check'
import { createTestTrip } from '../support/factories'
import { fetchActionForm, postActionForm, readActionForm, receiptToken, signupFields, type ActionForm } from '../support/form-post'
import { multipartBody, rawPost, rawRequest, requestFrom } from '../support/raw-http'
import { adminTest as test, expect } from './support/fixtures'

// RAW_REQUEST_RUNS: more for a longer search by hand.
const RUNS = Number(process.env.RAW_REQUEST_RUNS ?? 300)

/** What a person or program must never see: a server error's page, a stack frame, a path on the server. */
const INTERNALS = /Internal Server Error|Application error|\n\s+at \S+ \(|node_modules|\/work\/|\.next|TypeError|SyntaxError|RangeError|ReferenceError|Prisma/

type Target = {
  name: string
  path: string
  /** The form's hidden fields (its action's id and bound arguments), when it is a server-action form. */
  form?: ActionForm
  /** The action's id, as React sends it in `next-action` with JavaScript. */
  actionId?: string
  cookie?: string
}

type Attempt = {
  kind: string
  headers: readonly string[]
  body: Buffer
  contentLength?: string
  /** Send less than announced and close our side. */
  endEarly?: boolean
}

const CRLF = '\r\n'
/** Boundaries that occur nowhere in the parts (as a browser's random ones; undici fails on a value that ends with the boundary). */
const B = 'grans7Qz'
const A = 'annan4Wx'
const part = (boundary: string, name: string, value: string | Buffer, extraHeaders = '') =>
  Buffer.concat([Buffer.from(`--${boundary}${CRLF}Content-Disposition: form-data; name="${name}"${CRLF}${extraHeaders}${CRLF}`), Buffer.from(value), Buffer.from(CRLF)])

/** The target's form as a browser sends it (hidden fields and a few answers), as multipart parts. */
function formParts(target: Target, boundary: string, answers: [string, string | Buffer][]): Buffer {
  const fields: [string, string | Buffer][] = [...(target.form?.hidden ?? []), ...answers]
  return Buffer.concat(fields.map(([n, v]) => part(boundary, n, v)))
}

const bytes = fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b))
const boundaryText = fc.stringMatching(/^[A-Za-z0-9'()+_,.\/:=?-]{1,70}$/)
/** Text that is not UTF-8, or is but should not be there. */
const badText = fc.oneof(
  fc.constantFrom(Buffer.from([0xff, 0xfe, 0x00, 0x41]), Buffer.from([0xc0, 0xaf]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('\u0000'), Buffer.from('å'.repeat(3), 'utf16le')),
  fc.string({ unit: 'binary', maxLength: 40 }).map((s) => Buffer.from(s)),
)
const charset = fc.constantFrom('utf-16', 'UTF-16LE', 'x-finns-inte', 'iso-8859-1', 'utf-8', '"', '')
const contentType = fc.constantFrom(
  'multipart/form-data',
  'multipart/form-data; boundary=',
  'multipart/form-data; boundary="unterminated',
  'Multipart/Form-Data; boundary=x',
  'multipart/mixed; boundary=x',
  'application/x-www-form-urlencoded',
  'text/plain',
  'text/plain;charset=UTF-8',
  'application/json',
  'application/octet-stream',
  '',
  ';;;',
)
/** React's argument encoding, tampered with: not JSON, unknown kinds, references to nothing, too deep, too many. */
const tamperedArguments = fc.oneof(
  fc.constantFrom(
    '',
    'garbage[',
    '{"a":1}',
    '"text"',
    '5',
    'null',
    '["$Q1"]',
    '["$W1"]',
    '["$h1"]',
    '["$B1"]',
    '["$R1"]',
    '["$i1"]',
    '["$A1"]',
    '["$T"]',
    '"$T"',
    '["$@9"]',
    '["$9"]',
    '["$1:a:b"]',
    '["$nx"]',
    '["$n' + '9'.repeat(400) + '"]',
    '[' + '['.repeat(5000) + ']'.repeat(5000) + ']',
    JSON.stringify(Array.from({ length: 1500 }, () => 0)),
    '["$K1",' + '"x",'.repeat(10) + '"$@0"]',
    // A well-formed personal link's token inside an array: it passes a pattern as its text.
    '[["' + 'A'.repeat(22) + '"]]',
    '[["' + 'A'.repeat(22) + '"],["' + 'A'.repeat(22) + '"]]',
  ),
  fc.json({ maxDepth: 3 }),
  bytes.map((b) => b.toString('latin1')),
)

function attempts(target: Target): fc.Arbitrary<Attempt> {
  const multipart = (boundary: string) => `Content-Type: multipart/form-data; boundary=${boundary}`
  // Never a valid answer: a post that does get through to an action is refused by it, and stores nothing.
  const answers: [string, string][] = [['email', 'inte-en-adress']]
  return fc.oneof(
    // A boundary in the header that the body does not use.
    fc.tuple(boundaryText, boundaryText).map(([a, b]) => ({ kind: 'other boundary', headers: [multipart(a === b ? a + 'x' : a)], body: Buffer.concat([formParts(target, b, answers), Buffer.from(`--${b}--${CRLF}`)]) })),
    // No boundary at all, or an empty one.
    fc.constantFrom('Content-Type: multipart/form-data', 'Content-Type: multipart/form-data; boundary=', 'Content-Type: multipart/form-data; charset=utf-8').map((h) => ({
      kind: 'no boundary',
      headers: [h],
      body: Buffer.concat([formParts(target, B, answers), Buffer.from(`--${B}--${CRLF}`)]),
    })),
    // Cut short anywhere (with a matching Content-Length), or without the final boundary.
    fc.tuple(boundaryText, fc.double({ min: 0, max: 0.99, noNaN: true }), fc.boolean()).map(([b, at, withEnd]) => {
      const whole = Buffer.concat([formParts(target, b, answers), Buffer.from(withEnd ? `--${b}--${CRLF}` : '')])
      return { kind: 'cut short', headers: [multipart(b)], body: whole.subarray(0, Math.floor(whole.length * at)) }
    }),
    // A part header far longer than any browser writes.
    fc.tuple(fc.integer({ min: 10_000, max: 300_000 }), fc.constantFrom('X-Lang', 'Content-Disposition')).map(([n, header]) => ({
      kind: 'huge part header',
      headers: [multipart(B)],
      body: Buffer.concat([
        formParts(target, B, []),
        Buffer.from(`--${B}${CRLF}${header === 'X-Lang' ? `Content-Disposition: form-data; name="email"${CRLF}X-Lang: ${'x'.repeat(n)}` : `Content-Disposition: form-data; name="${'e'.repeat(n)}"`}${CRLF}${CRLF}a${CRLF}--${B}--${CRLF}`),
      ]),
    })),
    // Parts a browser never sends: base64, a file where the arguments belong, no name.
    fc.constantFrom('Content-Transfer-Encoding: base64' + CRLF, 'Content-Type: text/html' + CRLF, '').map((extra) => ({
      kind: 'odd parts',
      headers: [multipart(B)],
      body: Buffer.concat([
        ...(target.form?.hidden ?? []).map(([n, v]) => part(B, n, v, extra)),
        Buffer.from(`--${B}${CRLF}Content-Disposition: form-data; filename="x"${CRLF}${CRLF}x${CRLF}--${B}--${CRLF}`),
      ]),
    })),
    // Random bytes under any content type.
    fc.tuple(contentType, bytes).map(([type, body]) => ({ kind: 'random bytes', headers: type ? [`Content-Type: ${type}`] : [], body })),
    // Charsets that are wrong or do not exist, and text that is not UTF-8.
    fc.tuple(charset, badText).map(([cs, text]) => ({
      kind: 'charset',
      headers: [`Content-Type: multipart/form-data; boundary=${B}; charset=${cs}`],
      body: Buffer.concat([formParts(target, B, [['email', text], ['firstName', text]]), Buffer.from(`--${B}--${CRLF}`)]),
    })),
    fc.tuple(charset, badText).map(([cs, text]) => ({ kind: 'urlencoded', headers: [`Content-Type: application/x-www-form-urlencoded; charset=${cs}`], body: Buffer.concat([Buffer.from('email='), text]) })),
    // Content-Type twice, disagreeing.
    fc.constantFrom(['Content-Type: text/plain', multipart(B)], [multipart(A), 'Content-Type: application/json'], [multipart(A), multipart(B)]).map((headers) => ({
      kind: 'content-type twice',
      headers,
      body: Buffer.concat([formParts(target, B, answers), Buffer.from(`--${B}--${CRLF}`)]),
    })),
    // A head too large for the server (many headers, or one long one).
    fc.integer({ min: 20_000, max: 120_000 }).map((n) => ({ kind: 'huge header', headers: [multipart(B), `X-Fyllnad: ${'y'.repeat(n)}`], body: Buffer.from(`--${B}--${CRLF}`) })),
    // Less body than announced: the client stops sending.
    fc.tuple(fc.integer({ min: 1, max: 100_000 }), bytes).map(([extra, body]) => ({
      kind: 'shorter than announced',
      headers: [multipart(B)],
      body: Buffer.concat([formParts(target, B, answers).subarray(0, 200), body]),
      contentLength: String(200 + body.length + extra),
      endEarly: true,
    })),
    // The form's own fields with its bound arguments tampered with (without JavaScript).
    tamperedArguments.map((args) => ({
      kind: 'tampered form arguments',
      headers: [multipart(B)],
      body: Buffer.concat([
        ...(target.form?.hidden ?? []).map(([n, v]) => part(B, n, /^\$ACTION_\d+:\d+$/.test(n) && !n.endsWith(':0') ? args : v)),
        part(B, 'email', 'inte-en-adress'),
        Buffer.from(`--${B}--${CRLF}`),
      ]),
    })),
    // React's own post with JavaScript (next-action), its arguments tampered with, as text and as multipart.
    fc.tuple(tamperedArguments, fc.boolean()).map(([args, asMultipart]) => ({
      kind: 'tampered fetch arguments',
      headers: [`Next-Action: ${target.actionId ?? '7f' + '0'.repeat(40)}`, asMultipart ? multipart(B) : 'Content-Type: text/plain;charset=UTF-8'],
      body: asMultipart ? Buffer.concat([part(B, '0', args), part(B, '1_email', 'inte-en-adress'), Buffer.from(`--${B}--${CRLF}`)]) : Buffer.from(args),
    })),
  )
}

function withoutToken(form: ActionForm, token: string): ActionForm {
  return { ...form, hidden: form.hidden.map(([n, v]) => [n, v.replaceAll(token, 'x'.repeat(token.length))]) }
}

/** The id of the action of the form's descriptor ($ACTION_n:0), as React sends it in `next-action`. */
function actionIdOf(form: ActionForm): string | undefined {
  const descriptor = form.hidden.find(([n]) => /^\$ACTION_\d+:0$/.test(n))?.[1]
  const fromId = form.hidden.find(([n]) => n.startsWith('$ACTION_ID_'))?.[0].slice('$ACTION_ID_'.length)
  return descriptor ? (JSON.parse(descriptor) as { id: string }).id : fromId
}

test('malformed requests to every route that takes a post: never a 5xx, never internals, nothing stored', async ({ baseURL, db, organiser }) => {
  test.setTimeout(300_000)
  const port = Number(new URL(baseURL!).port)
  const trip = await createTestTrip(db, { boardingStops: ['Mjölby'] })
  const signupUrl = `${baseURL}/resor/${trip.slug}/anmalan`
  const signupForm = await fetchActionForm(signupUrl, 'firstName')
  const receipt = await postActionForm(signupUrl, signupForm, [...signupFields('raka.fragor@example.se'), ['boardingStopId', String(trip.boardingStops[0]!.id)]])
  const token = receiptToken(receipt)
  expect(token, receipt.body.slice(0, 300)).not.toBeNull()

  // An organiser's session, for an admin form.
  const signInForm = await fetchActionForm(`${baseURL}/admin/logga-in`, 'email')
  const signInData = new FormData()
  for (const [n, v] of signInForm.hidden) signInData.append(n, v)
  signInData.append('email', organiser.email)
  signInData.append('password', organiser.password)
  const signInBody = await multipartBody(signInData)
  const signedIn = await requestFrom(`${baseURL}/admin/logga-in`, { method: 'POST', headers: { 'content-type': signInBody.contentType, origin: baseURL! }, body: signInBody.body })
  expect(signedIn.status).toBe(303)
  const cookie = signedIn.setCookie.map((c) => c.split(';')[0]).join('; ')
  const settingsPage = await requestFrom(`${baseURL}/admin/installningar`, { headers: { cookie } })
  expect(settingsPage.status).toBe(200)
  const registrationPath = `/admin/resor/${trip.slug}/anmalan/${(await db.registration.findFirstOrThrow({ where: { tripId: trip.id } })).id}`
  const registrationPage = await requestFrom(baseURL + registrationPath, { headers: { cookie } })
  expect(registrationPage.status).toBe(200)

  const withForm = (name: string, path: string, form: ActionForm, extra: Partial<Target> = {}): Target => ({ name, path, form, actionId: actionIdOf(form), ...extra })
  const targets: Target[] = [
    withForm('signup', `/resor/${trip.slug}/anmalan`, signupForm),
    withForm('lost link', `/resor/${trip.slug}/lank`, await fetchActionForm(`${baseURL}/resor/${trip.slug}/lank`, 'email')),
    withForm('change', `/anmalan/${token}`, await fetchActionForm(`${baseURL}/anmalan/${token}`, 'firstName')),
    // Its bound token replaced by one of no registration: whatever reaches the action cancels nothing.
    withForm('cancel', `/anmalan/${token}/avboka`, withoutToken(await fetchActionForm(`${baseURL}/anmalan/${token}/avboka`, 'erase'), token!)),
    withForm('report', '/tillganglighet', await fetchActionForm(`${baseURL}/tillganglighet`, 'description')),
    withForm('sign-in', '/admin/logga-in', signInForm),
    withForm('settings', '/admin/installningar', readActionForm(settingsPage.body, '$ACTION_KEY'), { cookie }),
    withForm('correction', registrationPath, readActionForm(registrationPage.body, 'firstName'), { cookie }),
    { name: 'sign-out', path: '/api/auth/sign-out' },
    { name: 'session', path: '/api/auth/get-session' },
    { name: 'home page', path: '/' },
  ]

  // What these posts could have stored (the suite's other tests write to the same database meanwhile):
  // this trip's registrations and the one made above, e-mail about it or to the organiser's
  // address, and the audit log's entries for it and by this organiser.
  const registration = await db.registration.findFirstOrThrow({ where: { tripId: trip.id } })
  const counts = async () => ({
    registrations: await db.registration.count({ where: { tripId: trip.id } }),
    registration: await db.registration.findUniqueOrThrow({ where: { id: registration.id } }),
    outbox: await db.outboxMessage.count({ where: { OR: [{ registrationId: registration.id }, { toAddress: { in: [registration.email, organiser.email] } }] } }),
    audit: await db.auditEntry.count({ where: { OR: [{ entityId: { in: [String(registration.id), String(trip.id), trip.slug] } }, { actor: organiser.email }] } }),
  })
  const before = await counts()
  const seen: Record<string, Record<string, number>> = {}

  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...targets).chain((target) => attempts(target).map((attempt) => ({ target, attempt }))),
      async ({ target, attempt }) => {
        const headers = [...attempt.headers, ...(target.cookie ? [`Cookie: ${target.cookie}`] : [])]
        const answer = await rawRequest(port, rawPost(port, target.path, headers, attempt.body, { contentLength: attempt.contentLength }), {
          endAfterSending: attempt.endEarly,
          timeoutMs: 20_000,
        })
        const status = answer.status === null ? 'no answer' : String(answer.status)
        ;(seen[attempt.kind] ??= {})[status] = (seen[attempt.kind]?.[status] ?? 0) + 1
        const where = `${attempt.kind} to ${target.name}: ${answer.head.split(CRLF)[0]} ${answer.body.slice(0, 300)}`
        // Only a client that stopped sending may be left without an answer (the server gives up on it).
        if (answer.status === null) expect(attempt.endEarly, where).toBe(true)
        else expect(answer.status, where).toBeLessThan(500)
        expect(answer.body, where).not.toMatch(INTERNALS)
      },
    ),
    { numRuns: RUNS },
  )
  console.log(JSON.stringify(seen))

  // Nothing stored (the sign-in above is before).
  expect(await counts()).toEqual(before)
  // The refusals that this site writes are in Swedish (and the attempts reached them).
  const refusal = await rawRequest(port, rawPost(port, `/resor/${trip.slug}/anmalan`, ['Content-Type: multipart/form-data; boundary=a'], Buffer.from(`--b${CRLF}`)))
  expect(refusal.status).toBe(400)
  expect(refusal.body).toContain('Förfrågan gick inte att läsa och har inte sparats.')
  // Some posts were well-formed enough to reach the forms' actions (which refused the answers).
  const statuses = new Set(Object.values(seen).flatMap((s) => Object.keys(s)))
  expect([...statuses]).toEqual(expect.arrayContaining(['200', '400', '415', '431']))
})

test('the two posts that answered 500 before: a boundary that does not match, and random bytes as a form', async ({ baseURL, db }) => {
  const port = Number(new URL(baseURL!).port)
  const trip = await createTestTrip(db)
  const form = await fetchActionForm(`${baseURL}/resor/${trip.slug}/lank`, 'email')
  const body = Buffer.concat([formParts({ name: 'lost link', path: '', form }, 'xyz', [['email', 'anna@example.se']]), Buffer.from(`--xyz--${CRLF}`)])
  const mismatched = await rawRequest(port, rawPost(port, `/resor/${trip.slug}/lank`, ['Content-Type: multipart/form-data; boundary=abc'], body))
  expect(mismatched.status).toBe(400)
  expect(mismatched.head).toMatch(/content-type: text\/plain; charset=utf-8/i)
  expect(mismatched.body).toContain('Förfrågan gick inte att läsa och har inte sparats. Öppna sidan igen och skicka formuläret därifrån.')
  const random = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7919 + 13) % 256))
  for (const type of ['multipart/form-data; boundary=abc', 'application/x-www-form-urlencoded']) {
    const answer = await rawRequest(port, rawPost(port, `/resor/${trip.slug}/lank`, [`Content-Type: ${type}`], random))
    expect(answer.status, type).toBeGreaterThanOrEqual(400)
    expect(answer.status, type).toBeLessThan(500)
    expect(answer.body).toMatch(/Förfrågan gick inte att läsa|Sidan tar inte emot data i det här formatet/)
  }
})
