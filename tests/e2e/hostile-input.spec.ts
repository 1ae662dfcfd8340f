// Hostile input over HTTP, posted to the real signup and change-of-answers server actions as a
// browser without JavaScript posts them (multipart, with the form's $ACTION fields): random and
// hostile text, bytes that are not UTF-8, files where text belongs, repeated and missing fields,
// and tampered bound arguments. The site never answers 5xx, and what the form says back is
// Swedish. Then: answers that are hostile but valid (markup, a way out of a script tag, SQL) are
// stored as typed and shown as text, never as markup, to organisers and on the public pages.
import fc from 'fast-check'
import type { Page } from '@playwright/test'
import { createTestTrip } from '../support/factories'
import { fetchActionForm, postActionForm, receiptToken, type ActionForm, type FieldValue } from '../support/form-post'
import { adminTest, expect, signInAsOrganiser, test } from './support/fixtures'

const RUNS = 200

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '</script><script>alert(1)</script>',
  "'; DROP TABLE \"Registration\"; --",
  "' OR '1'='1",
  '${7*7}{{7*7}}',
  '=HYPERLINK("http://exempel.se")',
  '\u0000',
  'a\u0000b',
  '\u202Eevil',
  '\uD800',
  '\uDFFFx',
  '\r\n\r\n--boundary',
  '👩‍👩‍👧‍👦🚌',
  'аnna@example.se',
  '__proto__',
  'on',
  '',
]
/** Bytes a browser would never send for a text field: invalid UTF-8, an encoded surrogate, NUL, an overlong '/'. */
const BAD_BYTES = [Buffer.from([0xff, 0xfe, 0xfd]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0x41, 0x00, 0x42]), Buffer.from([0xc0, 0xaf]), Buffer.from([0xe2, 0x80, 0xae, 0x41])]

type Part = [string, string | Buffer | Blob]

const text = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: fc.constantFrom(...HOSTILE), maxLength: 5 }),
)
const value: fc.Arbitrary<string | Buffer | Blob> = fc.oneof(
  { weight: 6, arbitrary: text },
  { weight: 1, arbitrary: fc.constantFrom(...BAD_BYTES) },
  // Large, but under the 1 MB that Next.js takes for a server action's body.
  { weight: 1, arbitrary: fc.constantFrom('x', 'ö', '<', '\u0000').map((c) => c.repeat(100_000)) },
  { weight: 1, arbitrary: fc.constant(new Blob(['<script>alert(1)</script>'], { type: 'text/html' })) },
)

const VALID: [string, string][] = [
  ['firstName', 'Anna'],
  ['lastName', 'Andersson'],
  ['email', 'anna@example.se'],
  ['phone', '070-123 45 67'],
  ['organisation', 'Mjölby kommun'],
  ['role', 'foretagare'],
  ['overnight', 'enkelrum'],
  ['privacyAccepted', 'on'],
]
const FIELDS = [...VALID.map(([name]) => name), 'dietaryNeeds', 'shareRoomWith', 'boardingStopId', 'otherInfo', 'showInParticipantList', 'webbplats', 'status', 'tripId']

/** A form from valid answers with some fields replaced, removed, repeated, or added. */
function payload(stopIds: number[], uniqueEmail: () => string): fc.Arbitrary<Part[]> {
  const edit = fc.record({ field: fc.constantFrom(...FIELDS), how: fc.constantFrom('replace', 'remove', 'repeat'), value })
  return fc.array(edit, { maxLength: 4 }).map((edits) => {
    let parts: Part[] = [...VALID.map(([n, v]): Part => [n, n === 'email' ? uniqueEmail() : v]), ['boardingStopId', String(stopIds[0])]]
    for (const { field, how, value } of edits) {
      if (how === 'remove') parts = parts.filter(([n]) => n !== field)
      else if (how === 'repeat') parts.push([field, value])
      else parts = [...parts.filter(([n]) => n !== field), [field, value]]
    }
    return parts
  })
}

/** Tampered bound arguments: the trip's slug or the personal token, as the browser sends them back. */
const tamperedArgument = fc.constantFrom<unknown>('\u0000', '2024-boras\u0000', 123, null, { a: 1 }, ['x'], 'x'.repeat(10_000), '$n1', '$D2020-01-01', '\ud800', '../../admin', '')

/** The multipart body built by hand, so that a part may hold any bytes at all. */
async function postParts(url: string, form: ActionForm, parts: Part[], firstArgument?: { value: unknown }, cutArguments = false) {
  const boundary = `----hostile${Math.random().toString(36).slice(2)}`
  const hidden = form.hidden.map(([n, v]): Part => {
    // The action's bound arguments: [the slug or token, the form's previous state].
    if ((!firstArgument && !cutArguments) || !/^\$ACTION_\d+:1$/.test(n)) return [n, v]
    const [first, ...rest] = JSON.parse(v) as unknown[]
    // Cut short, the arguments shift: the form data takes the previous state's place and none is left.
    return [n, JSON.stringify(cutArguments ? [first] : [firstArgument!.value, ...rest])]
  })
  const chunks: Buffer[] = []
  for (const [name, v] of [...hidden, ...parts]) {
    const file = v instanceof Blob
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"${file ? '; filename="x.html"\r\nContent-Type: text/html' : ''}\r\n\r\n`))
    chunks.push(file ? Buffer.from(await v.arrayBuffer()) : Buffer.isBuffer(v) ? v : Buffer.from(v))
    chunks.push(Buffer.from('\r\n'))
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  const response = await fetch(url, {
    method: 'POST',
    body: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, origin: new URL(url).origin },
    redirect: 'manual',
  })
  return { status: response.status, body: await response.text() }
}

/** Zod's and Next.js's English defaults, which must never reach a person. */
const ENGLISH = /Invalid input|Expected (string|number)|Required\b|Too (big|small)|Internal Server Error|Application error/

async function expectNeverServerError(url: string, form: ActionForm, arbitrary: fc.Arbitrary<Part[]>) {
  const statuses: Record<number, number> = {}
  await fc.assert(
    fc.asyncProperty(arbitrary, fc.option(tamperedArgument.map((value) => ({ value })), { freq: 10 }), async (parts, tampered) => {
      const answer = await postParts(url, form, parts, tampered ?? undefined)
      statuses[answer.status] = (statuses[answer.status] ?? 0) + 1
      expect(answer.status, answer.body.slice(0, 300)).toBeLessThan(500)
      expect(answer.body).not.toMatch(ENGLISH)
    }),
    { numRuns: RUNS },
  )
  // More than the site takes at all (Next.js reads at most 1 MB): refused, not failed.
  const huge = await postParts(url, form, [...VALID, ['otherInfo', 'ö'.repeat(1_000_000)]])
  expect(huge.status).toBeLessThan(500)
  expect(huge.body).not.toMatch(ENGLISH)
  const cut = await postParts(url, form, [...VALID], undefined, true)
  expect(cut.status, cut.body.slice(0, 300)).toBeLessThan(500)
  return statuses
}

test('hostile signups posted without JavaScript never get a server error', async ({ baseURL, db }) => {
  test.setTimeout(180_000)
  const trip = await createTestTrip(db, { seats: 3, boardingStops: ['Mjölby', 'Mantorp'] })
  const url = `${baseURL}/resor/${trip.slug}/anmalan`
  const form = await fetchActionForm(url, 'firstName')
  let n = 0
  const statuses = await expectNeverServerError(url, form, payload(trip.boardingStops.map((s) => s.id), () => `fientlig.${++n}@example.se`))
  // The payloads reached both the refusal and the receipt.
  expect(Object.keys(statuses)).toEqual(expect.arrayContaining(['200', '303']))
})

test('hostile changes posted to a personal link without JavaScript never get a server error', async ({ baseURL, db }) => {
  test.setTimeout(180_000)
  const trip = await createTestTrip(db, { boardingStops: ['Mjölby', 'Mantorp'] })
  const signup = await fetchActionForm(`${baseURL}/resor/${trip.slug}/anmalan`, 'firstName')
  const receipt = await postActionForm(`${baseURL}/resor/${trip.slug}/anmalan`, signup, [...VALID, ['boardingStopId', String(trip.boardingStops[0]!.id)]])
  const token = receiptToken(receipt)
  expect(token).not.toBeNull()
  const url = `${baseURL}/anmalan/${token}`
  const form = await fetchActionForm(url, 'firstName')
  // Always the registration's own address (or a broken one), so that a change is never refused as taken.
  const statuses = await expectNeverServerError(url, form, payload(trip.boardingStops.map((s) => s.id), () => 'anna@example.se'))
  expect(Object.keys(statuses)).toEqual(expect.arrayContaining(['200', '303']))
})

test('hostile addresses of public pages are answered as pages that do not exist, not as errors', async ({ baseURL }) => {
  // NUL reached PostgreSQL in a slug (which refuses it: a 500); the others are checked on the way.
  const paths = ['/resor/%00', '/resor/a%00b', '/orter/%00', '/resor/%00/anmalan', '/resor/%00/lank', '/anmalan/%00', '/resor/%ff', '/resor/%F0%9F%98%80', `/resor/${'x'.repeat(4000)}`, "/resor/'%3B%20DROP%20TABLE%20x%3B--"]
  for (const path of paths) {
    const response = await fetch(baseURL + path)
    expect(response.status, path).toBeGreaterThanOrEqual(400)
    expect(response.status, path).toBeLessThan(500)
  }
})

// ----- Shown as text, never as markup ---------------------------------------------------------

const HOSTILE_ANSWERS = {
  firstName: '<script>window.__injected = 1</script>',
  lastName: '<img src=x onerror="window.__injected = 2">',
  organisation: '</script><script>window.__injected = 3</script> AB',
  dietaryNeeds: '\'; DROP TABLE "Registration"; --',
  shareRoomWith: '"><svg onload="window.__injected = 4">',
  otherInfo: '<img src=x onerror=alert(1)>\n<a href="javascript:alert(2)">klicka</a> &amp; &lt;b&gt;',
}

/** No element from the answers made it into the page, and no script from them ran. */
async function expectNothingInjected(page: Page, dialogs: string[]) {
  expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined()
  expect(await page.locator('main script, main img, main svg[onload], [onerror], [onload], a[href^="javascript:"]').count()).toBe(0)
  expect(dialogs).toEqual([])
}

adminTest('answers that are hostile but valid are stored as typed and shown as text to organisers and on the public pages', async ({ page, db, organiser, baseURL }) => {
  const trip = await createTestTrip(db, { boardingStops: ['Mjölby', 'Mantorp'] })
  const signupUrl = `${baseURL}/resor/${trip.slug}/anmalan`
  const form = await fetchActionForm(signupUrl, 'firstName')
  const answer = await postActionForm(signupUrl, form, [
    ...VALID.filter(([n]) => !(n in HOSTILE_ANSWERS) && n !== 'overnight'),
    ...Object.entries(HOSTILE_ANSWERS),
    ['overnight', 'dubbelrum'],
    ['boardingStopId', String(trip.boardingStops[1]!.id)],
    ['showInParticipantList', 'on'],
  ] satisfies [string, FieldValue][])
  const token = receiptToken(answer)
  expect(token, answer.body.slice(0, 300)).not.toBeNull()
  const stored = await db.registration.findFirstOrThrow({ where: { tripId: trip.id } })
  // (A form post sends every line break as CR LF.)
  expect(stored).toMatchObject({ ...HOSTILE_ANSWERS, otherInfo: HOSTILE_ANSWERS.otherInfo.replace(/\n/g, '\r\n') })

  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  const name = `${HOSTILE_ANSWERS.firstName} ${HOSTILE_ANSWERS.lastName}`

  // The organisers' table and the registration's page.
  await signInAsOrganiser(page, organiser)
  await page.goto(`/admin/resor/${trip.slug}`)
  const link = page.getByRole('link', { name: `${HOSTILE_ANSWERS.lastName}, ${HOSTILE_ANSWERS.firstName}` })
  await expect(link).toBeVisible()
  await expect(page.locator('main')).toContainText(HOSTILE_ANSWERS.organisation)
  await expectNothingInjected(page, dialogs)
  await link.click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
  const main = page.locator('main')
  for (const text of [HOSTILE_ANSWERS.organisation, HOSTILE_ANSWERS.dietaryNeeds, HOSTILE_ANSWERS.shareRoomWith]) await expect(main).toContainText(text)
  await expect(main).toContainText('<img src=x onerror=alert(1)>')
  await expect(main).toContainText('<a href="javascript:alert(2)">klicka</a> &amp; &lt;b&gt;')
  // The correction form holds the answers as they were typed.
  await expect(page.getByLabel('Förnamn', { exact: true })).toHaveValue(HOSTILE_ANSWERS.firstName)
  await expect(page.getByLabel('Efternamn', { exact: true })).toHaveValue(HOSTILE_ANSWERS.lastName)
  await expect(page.getByLabel('Övrigt', { exact: true })).toHaveValue(stored.otherInfo!.replace(/\r\n/g, '\n'))
  await expectNothingInjected(page, dialogs)

  // The participant's own page, and the trip's public list of participants.
  await page.goto(`/anmalan/${token}`)
  await expect(page.getByLabel('Organisation', { exact: true })).toHaveValue(HOSTILE_ANSWERS.organisation)
  await expectNothingInjected(page, dialogs)
  await page.goto(`/resor/${trip.slug}`)
  await expect(page.locator('main')).toContainText(HOSTILE_ANSWERS.lastName)
  await expect(page.locator('main')).toContainText(HOSTILE_ANSWERS.organisation)
  await expectNothingInjected(page, dialogs)
})
