// Every page is valid HTML (DESIGN.md): the Nu Html Checker (vnu-jar) finds no error in the
// markup the site serves, for every page.tsx under app/ (public and admin, found from the files so
// that a new page is checked too), in the states a person meets (a new signup's receipt, forms
// answered with errors, the not-found page of each dynamic route). No message is let through. All
// pages go to one java run: starting the checker is most of its cost.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { APIRequestContext } from '@playwright/test'
import { LIST_KINDS } from '../../lib/admin/trip-lists'
import { newLinkToken } from '../../lib/registrations/links'
import { createTestTrip } from '../support/factories'
import { readActionForm } from '../support/form-post'
import { adminTest as test, expect, signInAsOrganiser } from './support/fixtures'
import { E2E_PORT } from './support/paths'

const SITE = `http://127.0.0.1:${E2E_PORT}`
const VNU_JAR = path.resolve('node_modules/vnu-jar/build/dist/vnu.jar')
const APP_DIR = path.resolve('app')

type VnuMessage = { type: string; url: string; lastLine?: number; message: string; extract?: string }

/** The action attribute of every form on the page posted to a server action (method POST). */
function postedFormActions(markup: string): (string | undefined)[] {
  return (markup.match(/<form\b[^>]*>/g) ?? [])
    .filter((tag) => /\smethod="POST"/i.test(tag))
    .map((tag) => tag.match(/\saction="([^"]*)"/)?.[1]?.replace(/&amp;/g, '&'))
}

/**
 * The URLs a page.tsx answers at, its [params] filled with samples keyed by folder/[param]; a
 * sample may depend on the URL so far (a registration's id only under its own trip).
 */
type Samples = Record<string, string[] | ((urlSoFar: string) => string[])>
function urlsOf(file: string, samples: Samples): string[] {
  const segments = path.relative(APP_DIR, path.dirname(file)).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s))
  let urls = ['']
  segments.forEach((segment, i) => {
    if (!segment.startsWith('[')) {
      urls = urls.map((u) => `${u}/${segment}`)
      return
    }
    const key = `${segments[i - 1]}/${segment}`
    const values = samples[key]
    if (!values) throw new Error(`no sample value for ${key} (${file}): add one to the samples in this test`)
    urls = urls.flatMap((u) => (typeof values === 'function' ? values(u) : values).map((v) => `${u}/${v}`))
  })
  return urls.map((u) => u || '/')
}

async function html(request: APIRequestContext, url: string, expectedStatus = 200): Promise<string> {
  const response = await request.get(url)
  expect(response.status(), url).toBe(expectedStatus)
  expect(response.headers()['content-type'], url).toMatch(/^text\/html/)
  return response.text()
}

test('the Nu Html Checker finds no error on any page', async ({ page, request, organiser, db }) => {
  test.setTimeout(360_000) // some sixty pages fetched and one Java run: 1.7 min measured on a loaded machine
  // A trip of the test's own with a signup, so that every page that shows a registration has one.
  const trip = await createTestTrip(db, { hasOvernight: true, boardingStops: ['Mjölby', 'Mantorp'] })
  const form = readActionForm(await html(request, `/resor/${trip.slug}/anmalan`), 'email')
  const answers = {
    firstName: 'Sara',
    lastName: 'Lind',
    email: `html.${Date.now()}@example.se`,
    phone: '070-123 45 67',
    organisation: 'Mjölby kommun',
    role: 'tjansteperson',
    overnight: 'enkelrum',
    boardingStopId: String(trip.boardingStops[1]!.id),
    dietaryNeeds: 'Glutenfritt',
    showInParticipantList: 'on',
    privacyAccepted: 'on',
  }
  const post = (fields: Record<string, string>) =>
    request.post(`/resor/${trip.slug}/anmalan`, {
      multipart: { ...Object.fromEntries(form.hidden), ...fields },
      headers: { origin: SITE },
      maxRedirects: 0,
    })
  const receipt = await post(answers)
  expect(receipt.status()).toBe(303)
  const token = receipt.headers().location!.match(/\/anmalan\/([A-Za-z0-9_-]{22})\?ny=1$/)![1]!
  const registration = await db.registration.findFirstOrThrow({ where: { email: answers.email } })
  const item = await db.programmeItem.create({
    data: { tripId: trip.id, startsAt: new Date(trip.startDate!.getTime() + 6 * 3_600_000), title: 'Avresa', place: 'Mjölby resecentrum' },
  })

  // A change of address waiting for confirmation: the page its e-mail's link opens.
  const confirmation = newLinkToken()
  await db.pendingEmailChange.create({
    data: { registrationId: registration.id, newEmail: `ny.${answers.email}`, tokenHash: confirmation.tokenHash, expiresAt: new Date(Date.now() + 86_400_000) },
  })

  const ofTestTrip = (id: number) => (url: string) => (url.includes(`/${trip.slug}/`) ? [String(id)] : [])
  const samples: Samples = {
    'resor/[slug]': ['2024-boras', '2023-mora', 'exempelresa', trip.slug],
    'orter/[slug]': ['boras', 'hoganas'],
    'anmalan/[token]': [token],
    'bekrafta-epost/[token]': [confirmation.token],
    'anmalan/[id]': ofTestTrip(registration.id),
    'program/[id]': ofTestTrip(item.id),
    'visa/[kind]': [...LIST_KINDS],
    // The interest list's links: one that works no longer (their pages say so, with status 200).
    'bekrafta/[token]': ['A'.repeat(22)],
    'avsluta/[token]': [`1.${'A'.repeat(43)}`],
  }
  const files = (fs.readdirSync(APP_DIR, { recursive: true }) as string[]).filter((f) => path.basename(f) === 'page.tsx').map((f) => path.join(APP_DIR, f))
  const urls = files.flatMap((f) => urlsOf(f, samples))
  expect(urls).toEqual(
    expect.arrayContaining(['/', '/admin', `/anmalan/${token}`, `/admin/resor/${trip.slug}/anmalan/${registration.id}`, `/admin/resor/${trip.slug}/redigera/program/${item.id}`]),
  )

  const pages = new Map<string, string>() // label → HTML
  // Public pages as visitors see them; the sign-in page too (signed in, it sends to /admin).
  for (const url of urls.filter((u) => !u.startsWith('/admin') || u === '/admin/logga-in')) pages.set(url, await html(request, url))
  pages.set(`/anmalan/${token}?ny=1`, await html(request, `/anmalan/${token}?ny=1`))
  pages.set('404', await html(request, '/finns-inte', 404))
  pages.set('404 for a personal link', await html(request, '/anmalan/ingen-sadan-lank', 404))
  pages.set('404 for an address confirmation', await html(request, `/anmalan/bekrafta-epost/${'A'.repeat(22)}`, 404))
  pages.set('404 for a trip', await html(request, '/resor/finns-inte', 404))
  pages.set('404 for a host city', await html(request, '/orter/finns-inte', 404))
  // A signup sent without JavaScript with mistakes: the form again, with the error summary.
  const answeredWithErrors = await post({ ...answers, email: 'inte en adress', phone: '12' })
  expect(answeredWithErrors.status()).toBe(200)
  pages.set('the signup form with errors', await answeredWithErrors.text())
  const signIn = readActionForm(pages.get('/admin/logga-in')!, 'password')
  const failedSignIn = await request.post('/admin/logga-in', {
    multipart: { ...Object.fromEntries(signIn.hidden), email: organiser.email, password: 'fel lösenord helt klart' },
    headers: { origin: SITE },
  })
  pages.set('the sign-in form with its error', await failedSignIn.text())
  const lostLink = readActionForm(pages.get(`/resor/${trip.slug}/lank`)!, 'email')
  const lostLinkWithError = await request.post(`/resor/${trip.slug}/lank`, {
    multipart: { ...Object.fromEntries(lostLink.hidden), email: 'inte en adress' },
    headers: { origin: SITE },
  })
  expect(lostLinkWithError.status()).toBe(200)
  pages.set('the lost-link form with its error', await lostLinkWithError.text())
  const report = readActionForm(pages.get('/tillganglighet')!, 'description')
  const reportWithErrors = await request.post('/tillganglighet', {
    multipart: { ...Object.fromEntries(report.hidden), description: '', email: 'inte en adress' },
    headers: { origin: SITE },
  })
  expect(reportWithErrors.status()).toBe(200)
  pages.set('the report form with errors', await reportWithErrors.text())
  const edit = readActionForm(pages.get(`/anmalan/${token}`)!, 'email')
  const editWithErrors = await request.post(`/anmalan/${token}`, {
    multipart: { ...Object.fromEntries(edit.hidden), ...answers, firstName: '', phone: '12' },
    headers: { origin: SITE },
  })
  expect(editWithErrors.status()).toBe(200)
  pages.set('the change form with errors', await editWithErrors.text())

  await signInAsOrganiser(page, organiser)
  for (const url of urls.filter((u) => u.startsWith('/admin') && u !== '/admin/logga-in')) pages.set(url, await html(page.request, url))
  pages.set('/admin/resor/2024-boras, filtered', await html(page.request, '/admin/resor/2024-boras?q=sara&status=CONFIRMED&sort=name'))
  pages.set('404 for an admin trip', await html(page.request, '/admin/resor/finns-inte', 404))
  // The confirmation steps before what a click cannot undo (the test trip has a signup, so its
  // deletion is refused there; the example trip's is offered), and a message's preview.
  const editPath = `/admin/resor/${trip.slug}/redigera`
  for (const url of [
    `/admin/resor/${trip.slug}/anmalan/${registration.id}?bekrafta=avboka`,
    `${editPath}?bekrafta=ta-bort-punkt&punkt=${item.id}`,
    `${editPath}?bekrafta=ta-bort-resan`,
    '/admin/resor/exempelresa/redigera?bekrafta=ta-bort-resan',
  ]) {
    pages.set(url, await html(page.request, url))
  }
  const messagesPath = `/admin/resor/${trip.slug}/meddelanden`
  const message = readActionForm(pages.get(messagesPath)!, 'subject')
  const messagePreview = await page.request.post(messagesPath, {
    multipart: { ...Object.fromEntries(message.hidden), step: 'forhandsgranska', audience: 'all', subject: 'Packlista', body: 'Ta med **regnkläder**.\n\n## Dag ett\n\n- Paraply' },
    headers: { origin: SITE },
  })
  expect(messagePreview.status()).toBe(200)
  const previewHtml = await messagePreview.text()
  expect(previewHtml).toContain('<strong>regnkläder</strong>')
  pages.set(`${messagesPath}, the preview`, previewHtml)
  // An organiser's form answered with errors: a new trip with nothing filled in.
  const newTrip = readActionForm(pages.get('/admin/resor/ny')!, 'title')
  const newTripWithErrors = await page.request.post('/admin/resor/ny', {
    multipart: { ...Object.fromEntries(newTrip.hidden), title: '' },
    headers: { origin: SITE },
  })
  expect(newTripWithErrors.status()).toBe(200)
  pages.set('the new trip form with errors', await newTripWithErrors.text())

  // Every form that posts to a server action names its page as its action (useActionState's
  // permalink), so that a post without JavaScript goes back to the page it came from.
  let postedForms = 0
  for (const [label, markup] of pages) {
    if (!label.startsWith('/')) continue
    for (const action of postedFormActions(markup)) {
      expect(action, `a form on ${label}`).toBe(label.split(/[?,]/)[0])
      postedForms++
    }
  }
  expect(postedForms).toBeGreaterThan(20)

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mjolbybussen-vnu-'))
  const fileToPage = new Map<string, string>()
  try {
    const htmlFiles = [...pages].map(([label, markup], i) => {
      const file = path.join(dir, `${String(i).padStart(3, '0')}.html`)
      fs.writeFileSync(file, markup)
      fileToPage.set(`file:${file}`, label)
      return file
    })
    const run = spawnSync('java', ['-jar', VNU_JAR, '--errors-only', '--format', 'json', ...htmlFiles], { encoding: 'utf8' })
    expect(run.error, 'java (for the Nu Html Checker) must be installed').toBeUndefined()
    const { messages } = JSON.parse(run.stderr || run.stdout) as { messages: VnuMessage[] }
    expect(messages.every((m) => fileToPage.has(m.url)), 'every message is about one of the pages').toBe(true)
    const errors = messages
      .filter((m) => m.type !== 'info')
      .map((m) => `${fileToPage.get(m.url)} (line ${m.lastLine}): ${m.message} [${m.extract}]`)
    expect(errors).toEqual([])
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
  expect(pages.size).toBeGreaterThan(40)
})
