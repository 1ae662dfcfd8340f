// The organisers' sign-in in the browser (JavaScript on and off), sign-out, the one message for a
// failed sign-in, and that every admin page, route handler and server action refuses anyone
// without a session.
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { adminTest as test, expect, expectNoAxeViolations } from './support/fixtures'
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

// Server actions cannot be called outside Next.js without the build's action ids and React's
// wire format, so this is a check of the source: every function exported from an actions.ts
// under app/admin must begin by checking the session (`organiserOrNull()` or
// `requireOrganiser()`), except the sign-in action, which is what makes a session.
const PUBLIC_ACTIONS = new Set(['logga-in/actions.ts#signIn'])
const SESSION_CHECK = /^(const|let)\s+\w+\s*=\s*await\s+(organiserOrNull|requireOrganiser)\(\)|^await\s+requireOrganiser\(\)|^if\s*\(\s*!\s*\(?\s*await\s+organiserOrNull\(\)/

test('every action exported from an actions.ts under app/admin begins by checking the session', () => {
  const files = filesUnder(ADMIN_DIR, 'actions.ts')
  expect(files.length).toBeGreaterThan(0)
  const checked: string[] = []
  for (const file of files) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
    for (const statement of source.statements) {
      const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
      if (!exported) continue
      const functions: { name: string; body: ts.ConciseBody | undefined }[] = []
      if (ts.isFunctionDeclaration(statement)) functions.push({ name: statement.name?.text ?? 'default', body: statement.body })
      else if (ts.isVariableStatement(statement)) {
        for (const d of statement.declarationList.declarations) {
          const init = d.initializer
          if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) functions.push({ name: d.name.getText(source), body: init.body })
          else throw new Error(`${file}: export ${d.name.getText(source)} is not a function; a 'use server' file exports only actions`)
        }
      } else continue
      for (const { name, body } of functions) {
        const key = `${path.relative(ADMIN_DIR, file).split(path.sep).join('/')}#${name}`
        if (PUBLIC_ACTIONS.has(key)) continue
        const first = body && ts.isBlock(body) ? body.statements[0]?.getText(source) ?? '' : ''
        expect(first, `${key} must begin by checking the session`).toMatch(SESSION_CHECK)
        checked.push(key)
      }
    }
  }
  expect(checked).toContain('logga-in/actions.ts#signOut')
})
