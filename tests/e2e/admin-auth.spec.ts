// The organisers' sign-in in the browser (JavaScript on and off), sign-out, the one message for a
// failed sign-in, and that every admin page, route handler and server action refuses anyone
// without a session.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import ts from 'typescript'
import { createTestTrip } from '../support/factories'
import { adminTest as test, expect, expectNoAxeViolations } from './support/fixtures'
import { E2E_DIST_DIR } from './support/paths'
import type { Page } from '@playwright/test'

const SIGN_IN = '/admin/logga-in'
const SIGN_IN_FAILED = 'Fel e-post eller lösenord. Har du försökt många gånger, vänta en stund och försök igen.'

async function signIn(page: Page, email: string, password: string) {
  await page.goto(SIGN_IN)
  await page.getByLabel('E-post', { exact: true }).fill(email)
  await page.getByLabel('Lösenord', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Logga in' }).click()
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled })

    test('an organiser signs in, sees the admin and signs out', async ({ page, organiser }) => {
      test.slow() // sign-in, sign-out and four page loads (18.7 s measured on a loaded machine)
      await signIn(page, organiser.email.toUpperCase(), organiser.password)
      await expect(page).toHaveURL(/\/admin$/)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Administration')
      await expect(page.getByText(organiser.name)).toBeVisible()
      // The trips of the seed, each linking to its admin page.
      await expect(page.getByRole('link', { name: /Borås/ }).first()).toHaveAttribute('href', /^\/admin\/resor\/2024-boras$/)

      const session = (await page.context().cookies()).find((c) => c.name === 'mjolbybussen.session_token')
      expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false }) // Secure when PUBLIC_URL is https
      // Never indexed.
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/)

      await page.getByRole('button', { name: 'Logga ut' }).click()
      await expect(page).toHaveURL(/\/admin\/logga-in\?utloggad=1$/)
      await expect(page.getByRole('status')).toHaveText('Du är utloggad.')
      await page.goto('/admin')
      await expect(page).toHaveURL(/\/admin\/logga-in$/)
    })

    test('a wrong password shows the one message, keeps the e-mail and makes no session', async ({ page, organiser, db }) => {
      await signIn(page, organiser.email, 'helt fel lösenord här')
      await expect(page.getByRole('alert').filter({ hasText: 'Fel e-post' })).toHaveText(SIGN_IN_FAILED)
      await expect(page.getByLabel('E-post', { exact: true })).toHaveValue(organiser.email)
      await expect(page.getByLabel('Lösenord', { exact: true })).toHaveValue('')
      if (javaScriptEnabled) await expectNoAxeViolations(page)
      expect(await db.session.count({ where: { user: { email: organiser.email } } })).toBe(0)

      // An unknown address gets the very same answer.
      await signIn(page, 'ingen.sadan@mjolby.se', 'helt fel lösenord här')
      await expect(page.getByRole('alert').filter({ hasText: 'Fel e-post' })).toHaveText(SIGN_IN_FAILED)
    })
  })
}

test('the sign-in page and the admin start page have no axe violations', async ({ page, organiser }) => {
  await page.goto(SIGN_IN)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Logga in')
  await expectNoAxeViolations(page)
  await signIn(page, organiser.email, organiser.password)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Administration')
  await expectNoAxeViolations(page)
})

test('a signed-in organiser who opens the sign-in page goes to the admin', async ({ page, organiser }) => {
  await signIn(page, organiser.email, organiser.password)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Administration')
  await page.goto(SIGN_IN)
  await expect(page).toHaveURL(/\/admin$/)
})

test('Better Auth’s sign-in, sign-up and account endpoints are off (signing in goes through the throttle)', async ({ request, organiser }) => {
  const signInResponse = await request.post('/api/auth/sign-in/email', { data: { email: organiser.email, password: organiser.password } })
  expect(signInResponse.status()).toBe(404)
  const signUp = await request.post('/api/auth/sign-up/email', { data: { email: 'ny@mjolby.se', password: 'ett långt lösenord', name: 'Ny' } })
  expect(signUp.status()).toBe(404)
  const changePassword = await request.post('/api/auth/change-password', { data: { currentPassword: 'x', newPassword: 'y' } })
  expect(changePassword.status()).toBe(404)
  expect((await request.get('/api/auth/get-session')).status()).toBe(200) // the handler itself is mounted
})

// ---- Access: every admin route, route handler and action refuses a request without a session ----

const ADMIN_DIR = path.resolve('app/admin')
const SAMPLE_PARAMS: Record<string, string> = { slug: '2024-boras', id: '1', kind: 'deltagare' }

function filesUnder(dir: string, name: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => path.basename(f) === name).map((f) => path.join(dir, f))
}

/** The URL a file under app/admin answers at: route groups dropped, [param] filled in. */
function routeOf(file: string): string {
  const segments = path
    .relative(ADMIN_DIR, path.dirname(file))
    .split(path.sep)
    .filter((s) => s && !/^\(.*\)$/.test(s))
    .map((s) => {
      const param = /^\[{1,2}(?:\.\.\.)?([^\]]+)\]{1,2}$/.exec(s)?.[1]
      if (!param) return s
      if (!(param in SAMPLE_PARAMS)) throw new Error(`no sample value for [${param}] in ${file}: add one to SAMPLE_PARAMS`)
      return SAMPLE_PARAMS[param]!
    })
  return ['/admin', ...segments].join('/')
}

test('GET of /admin and of a trip’s admin page without a session ends on the sign-in page', async ({ page }) => {
  for (const url of ['/admin', '/admin/resor/2024-boras']) {
    await page.goto(url)
    await expect(page, url).toHaveURL(/\/admin\/logga-in$/)
  }
})

test('every page under app/admin, requested without a session, ends on the sign-in page', async ({ page }) => {
  test.slow() // every admin page, each followed to the sign-in page
  const routes = filesUnder(ADMIN_DIR, 'page.tsx')
    .map(routeOf)
    .filter((route) => route !== SIGN_IN)
  expect(routes).toContain('/admin')
  for (const route of routes) {
    const response = await page.goto(route)
    expect(response?.status(), route).toBe(200)
    expect(new URL(page.url()).pathname, `${route} without a session`).toBe(SIGN_IN)
  }
})

test('every route handler under app/admin refuses a request without a session', async ({ request }) => {
  for (const file of filesUnder(ADMIN_DIR, 'route.ts')) {
    const route = routeOf(file)
    const source = fs.readFileSync(file, 'utf8')
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      if (!new RegExp(`export\\s+(async\\s+)?(function|const)\\s+${method}\\b|as\\s+${method}\\b`).test(source)) continue
      const response = await request.fetch(route, { method, maxRedirects: 0 })
      const status = response.status()
      const refused = status === 401 || status === 403 || ([303, 307, 308].includes(status) && new URL(response.headers().location ?? '', 'http://x').pathname === SIGN_IN)
      expect(refused, `${method} ${route} answered ${status} without a session`).toBe(true)
    }
  }
})

// Every function exported from an actions.ts under app/admin is a server action ('use server'),
// with the names of its parameters (what the call below passes is chosen by them).
type AdminAction = { key: string; filename: string; name: string; parameters: string[]; firstStatement: string }

function adminActionsInSource(): AdminAction[] {
  const files = filesUnder(ADMIN_DIR, 'actions.ts')
  expect(files.length).toBeGreaterThan(0)
  const actions: AdminAction[] = []
  for (const file of files) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
    for (const statement of source.statements) {
      const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
      if (!exported) continue
      const functions: { name: string; fn: ts.FunctionLikeDeclaration }[] = []
      if (ts.isFunctionDeclaration(statement)) functions.push({ name: statement.name?.text ?? 'default', fn: statement })
      else if (ts.isVariableStatement(statement)) {
        for (const d of statement.declarationList.declarations) {
          const init = d.initializer
          if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) functions.push({ name: d.name.getText(source), fn: init })
          else throw new Error(`${file}: export ${d.name.getText(source)} is not a function; a 'use server' file exports only actions`)
        }
      } else continue
      for (const { name, fn } of functions) {
        const filename = path.relative(process.cwd(), file).split(path.sep).join('/')
        const body = fn.body
        actions.push({
          key: `${path.relative(ADMIN_DIR, file).split(path.sep).join('/')}#${name}`,
          filename,
          name,
          parameters: fn.parameters.map((p) => p.name.getText(source)),
          firstStatement: body && ts.isBlock(body) ? body.statements[0]?.getText(source) ?? '' : '',
        })
      }
    }
  }
  return actions
}

// The one action that needs no session: it is what makes one.
const PUBLIC_ACTIONS = new Set(['logga-in/actions.ts#signIn'])

test('every action exported from an actions.ts under app/admin begins with the one guard', () => {
  const checked = adminActionsInSource().filter((a) => !PUBLIC_ACTIONS.has(a.key))
  for (const action of checked) {
    expect(action.firstStatement, `${action.key} must begin by checking the session`).toMatch(/^(const\s+\w+\s*=\s*)?await\s+requireOrganiser\(\)/)
  }
  expect(checked.map((a) => a.key)).toContain('logga-in/actions.ts#signOut')
})

// The same over HTTP, as an attacker would call them: each server action of the build whose code
// is under app/admin, by its id (from the build's server-reference manifest) with React's own
// encoding of its arguments, without a cookie. The arguments are real ones (a trip, a confirmed
// registration, a programme item, a form that says yes to everything), so an action that forgot
// the guard would act: the answer must be the redirect to the sign-in page, and nothing changes.
const { encodeReply } = createRequire(import.meta.url)('next/dist/compiled/react-server-dom-turbopack/client.edge.js') as {
  encodeReply: (value: unknown[]) => Promise<string | FormData>
}

type ManifestEntry = { filename: string; exportedName: string; workers: Record<string, unknown> }

test('every server action under app/admin, called over HTTP without a session, is refused and changes nothing', async ({ baseURL, db }) => {
  test.slow() // one post per action (about twenty), each answered with the sign-in page's redirect
  const manifest = JSON.parse(fs.readFileSync(path.join(E2E_DIST_DIR, 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, ManifestEntry>
  }
  const built = Object.entries(manifest.node).filter(([, a]) => a.filename.startsWith('app/admin/'))
  const inSource = adminActionsInSource()
  // Every action in the source is in the build (so is called below), and every one built is known.
  for (const action of inSource) {
    expect(built.some(([, a]) => a.filename === action.filename && a.exportedName === action.name), `${action.key} is not in the build`).toBe(true)
  }

  const trip = await createTestTrip(db, { seats: 5, boardingStops: ['Mjölby'] })
  const registration = await db.registration.create({
    data: {
      tripId: trip.id,
      status: 'CONFIRMED',
      firstName: 'Vakt',
      lastName: 'Prov',
      email: `vakt.${trip.slug}@example.se`,
      phone: '+46701234567',
      organisation: 'Vakt AB',
      role: 'OTHER',
      overnight: 'NONE',
      privacyAcceptedAt: new Date(),
      boardingStopId: trip.boardingStops[0]!.id,
    },
  })
  const item = await db.programmeItem.create({ data: { tripId: trip.id, startsAt: trip.startDate!, title: 'Programpunkt' } })
  const everythingYes = new FormData()
  for (const [k, v] of Object.entries({ overbook: '1', checkedIn: '1', confirmed: '1', step: 'skicka', recipients: '1', audience: 'all', subject: 'Prov', body: 'Prov', firstDay: '' })) {
    everythingYes.append(k, v)
  }
  const SAMPLE_ARGUMENTS: Record<string, unknown> = { slug: trip.slug, id: registration.id, itemId: item.id, _previous: null, formData: everythingYes }

  const state = async () => ({
    trip: await db.trip.findUnique({ where: { id: trip.id }, include: { programmeItems: true } }),
    copies: await db.trip.count({ where: { title: { contains: trip.slug } } }),
    registration: await db.registration.findUnique({ where: { id: registration.id } }),
    audit: await db.auditEntry.count({
      where: { OR: [{ entityType: 'registration', entityId: String(registration.id) }, { entityType: 'trip', entityId: String(trip.id) }, { entityType: 'message', entityId: String(trip.id) }] },
    }),
    outbox: await db.outboxMessage.count({ where: { registrationId: registration.id } }),
  })
  const before = await state()
  expect(before.copies).toBe(1)

  const called: string[] = []
  for (const [id, entry] of built) {
    const key = `${entry.filename.slice('app/admin/'.length)}#${entry.exportedName}`
    if (PUBLIC_ACTIONS.has(key)) continue
    const source = inSource.find((a) => a.filename === entry.filename && a.name === entry.exportedName)
    if (!source) throw new Error(`${key}: a server action outside an actions.ts; teach this test to read its parameters`)
    const args = source.parameters.map((name) => {
      if (!(name in SAMPLE_ARGUMENTS)) throw new Error(`no sample argument for the parameter ${name} of ${key}: add one to SAMPLE_ARGUMENTS`)
      return SAMPLE_ARGUMENTS[name]
    })
    const body = await encodeReply(args)
    const page = routeOf(path.resolve(`${Object.keys(entry.workers)[0]}.tsx`))
    const response = await fetch(`${baseURL}${page}`, {
      method: 'POST',
      headers: { 'next-action': id, origin: baseURL!, ...(typeof body === 'string' ? { 'content-type': 'text/plain;charset=UTF-8' } : {}) },
      body,
      redirect: 'manual',
    })
    // A redirect from an action called with JavaScript: 200, and the target in x-action-redirect.
    const target = response.headers.get('x-action-redirect')?.split(';')[0] ?? null
    expect({ status: response.status, target }, `${key} (posted to ${page}) without a session`).toEqual({ status: 200, target: SIGN_IN })
    await response.arrayBuffer()
    called.push(key)
  }
  expect(called).toEqual(expect.arrayContaining(['logga-in/actions.ts#signOut', 'resor/[slug]/anmalan/[id]/actions.ts#cancel']))
  expect(called).toHaveLength(inSource.length - PUBLIC_ACTIONS.size)
  expect(await state()).toEqual(before)
})
