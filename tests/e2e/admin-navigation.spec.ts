// Every admin page can be reached by following links: starting at /admin, signed in, the test
// follows only <a href> links (breadth-first, within the admin, no downloads or route handlers)
// and must reach every page the app defines. The list of pages comes from the page.tsx files
// under app/admin, so a new page that nothing links to fails here. On the way it checks that
// every link leads to a page (status 200, no redirect), and that each navigation marks exactly
// one item as the current page.
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { createTestTrip } from '../support/factories'
import { adminTest as test, expect, expectNoAxeViolations, signInAsOrganiser } from './support/fixtures'

const ADMIN_DIR = path.resolve('app/admin')
const SIGN_IN = '/admin/logga-in'

/** The route patterns of the files called `name` under app/admin: route groups dropped, [param] kept. */
function routePatterns(name: 'page.tsx' | 'route.ts'): string[] {
  return (fs.readdirSync(ADMIN_DIR, { recursive: true }) as string[])
    .filter((f) => path.basename(f) === name)
    .map((f) => {
      const segments = path
        .dirname(f)
        .split(path.sep)
        .filter((s) => s && s !== '.' && !/^\(.*\)$/.test(s))
      for (const s of segments) if (/^\[\[?\.\.\./.test(s)) throw new Error(`${f}: teach this test catch-all segments`)
      return ['/admin', ...segments].join('/')
    })
}

const PAGES = routePatterns('page.tsx')
const ROUTE_HANDLERS = routePatterns('route.ts')

type Match = { pattern: string; kind: 'page' | 'route'; params: Record<string, string> }

/** The route a path answers at, as Next.js picks it: a static segment wins over a [param] one. */
function matchRoute(pathname: string): Match | null {
  const parts = pathname.split('/').filter(Boolean)
  const candidates: (Match & { rank: string })[] = []
  for (const [kind, patterns] of [['page', PAGES], ['route', ROUTE_HANDLERS]] as const) {
    for (const pattern of patterns) {
      const segments = pattern.split('/').filter(Boolean)
      if (segments.length !== parts.length) continue
      const params: Record<string, string> = {}
      let rank = ''
      const fits = segments.every((s, i) => {
        const param = /^\[(\w+)\]$/.exec(s)?.[1]
        rank += param ? '1' : '0'
        if (param) params[param] = decodeURIComponent(parts[i]!)
        return param !== undefined || s === parts[i]
      })
      if (fits) candidates.push({ pattern, kind, params, rank })
    }
  }
  candidates.sort((a, b) => a.rank.localeCompare(b.rank))
  return candidates[0] ?? null
}

// Which item each navigation marks on the pages whose marking is decided (a page missing here is
// still checked to mark exactly one).
const MAIN_NAV: Record<string, string> = {
  '/admin': 'Resor',
  '/admin/resor/[slug]': 'Resor',
  '/admin/resor/[slug]/anmalan/[id]': 'Resor',
  '/admin/resor/[slug]/redigera/program/[id]': 'Resor',
  '/admin/resor/ny': 'Innehåll',
  '/admin/innehall': 'Innehåll',
  '/admin/orter/[slug]': 'Innehåll',
  '/admin/orter/ny': 'Innehåll',
  '/admin/installningar': 'Inställningar',
  '/admin/logg': 'Logg',
}
const TRIP_NAV: Record<string, string> = {
  '/admin/resor/[slug]': 'Anmälningar',
  '/admin/resor/[slug]/anmalan/[id]': 'Anmälningar',
  '/admin/resor/[slug]/oversikt': 'Översikt',
  '/admin/resor/[slug]/listor': 'Listor',
  '/admin/resor/[slug]/listor/visa/[kind]': 'Listor',
  '/admin/resor/[slug]/meddelanden': 'Meddelanden',
  '/admin/resor/[slug]/incheckning': 'Incheckning',
  '/admin/resor/[slug]/redigera': 'Redigera',
  '/admin/resor/[slug]/redigera/program/[id]': 'Redigera',
}

async function expectCurrent(page: Page, navigation: string, label: string | undefined, where: string) {
  const current = page.getByRole('navigation', { name: navigation, exact: true }).locator('a[aria-current="page"]')
  await expect(current, `${where}: one current item in "${navigation}"`).toHaveCount(1)
  if (label) await expect(current, `${where}: the current item in "${navigation}"`).toHaveText(label)
}

test('every admin page is reached from /admin by following links, each marking where it is', async ({ page, db, organiser, baseURL }) => {
  test.setTimeout(300_000) // some twenty-five pages rendered per request, axe on two: 2 min on a loaded machine

  // A current trip with a registration (and an e-mail to it that failed), a programme item and a
  // host town, so that every page under a trip and every kind of record has an instance.
  const trip = await createTestTrip(db, { seats: 5, boardingStops: ['Mjölby'] })
  const registration = await db.registration.create({
    data: {
      tripId: trip.id,
      status: 'CONFIRMED',
      firstName: 'Lina',
      lastName: `Länk ${trip.slug}`,
      email: `lina.${trip.slug}@example.se`,
      phone: '+46701234567',
      organisation: 'Länk AB',
      role: 'OTHER',
      privacyAcceptedAt: new Date(),
      boardingStopId: trip.boardingStops[0]!.id,
    },
  })
  await db.programmeItem.create({ data: { tripId: trip.id, startsAt: trip.startDate!, title: 'Avresa' } })
  const city = await db.hostCity.create({ data: { slug: `ort-${trip.slug}`, name: `Orten ${trip.slug}`, county: 'Östergötlands län', portrait: 'En ort.' } })
  await db.tripHostCity.create({ data: { tripId: trip.id, hostCityId: city.id } })
  await db.outboxMessage.create({
    data: { kind: 'confirmed', registrationId: registration.id, toAddress: registration.email, subject: 'Bekräftelse', textBody: '', htmlBody: '', status: 'FAILED', attempts: 1 },
  })
  // Other trips and towns have the same pages: only this test's are followed, to keep the crawl short.
  const ours = new Set([trip.slug, city.slug])

  await signInAsOrganiser(page, organiser)
  const origin = new URL(baseURL!).origin
  const expected = PAGES.filter((p) => p !== SIGN_IN).sort()
  expect(expected).toEqual(expect.arrayContaining(['/admin', '/admin/resor/[slug]/listor', '/admin/resor/[slug]/redigera/program/[id]']))

  const reached = new Map<string, string>() // pattern → the first URL that reached it
  const brokenLinks: string[] = []
  const queued = new Set(['/admin'])
  const queue = ['/admin']
  while (queue.length > 0) {
    const url = queue.shift()!
    const response = await page.goto(url)
    expect(response?.status(), url).toBe(200)
    expect(new URL(page.url()).pathname, `${url} is a page, not a redirect`).toBe(url)
    const pattern = matchRoute(url)!.pattern
    if (!reached.has(pattern)) reached.set(pattern, url)
    await expectCurrent(page, 'Administration', MAIN_NAV[pattern], url)
    if (pattern.startsWith('/admin/resor/[slug]')) await expectCurrent(page, `Resan ${trip.title}`, TRIP_NAV[pattern], url)

    const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href))
    for (const href of hrefs) {
      const link = new URL(href)
      if (link.origin !== origin || !(link.pathname === '/admin' || link.pathname.startsWith('/admin/'))) continue
      if (link.searchParams.has('format')) continue // a file download
      const target = link.pathname.replace(/\/$/, '') || '/'
      const match = matchRoute(target)
      if (!match) {
        brokenLinks.push(`${url} → ${href}`)
        continue
      }
      if (match.kind === 'route' || target === SIGN_IN) continue
      if (match.params.slug !== undefined && !ours.has(match.params.slug)) continue
      if (queued.has(target)) continue
      queued.add(target)
      queue.push(target)
    }
  }

  expect(brokenLinks, 'links to no page').toEqual([])
  expect([...reached.keys()].sort(), 'the admin pages reached by links').toEqual(expected)
  // The trip's pages were reached through its own navigation and the records' links.
  expect(reached.get('/admin/resor/[slug]/anmalan/[id]')).toBe(`/admin/resor/${trip.slug}/anmalan/${registration.id}`)
  expect(reached.get('/admin/orter/[slug]')).toBe(`/admin/orter/${city.slug}`)
})

test('the start page tells how a trip stands and what needs a person; the header and a trip page pass axe', async ({ page, db, organiser }) => {
  test.slow() // sign-in, three pages, axe on two
  const trip = await createTestTrip(db, { seats: 5 })
  const registration = await db.registration.create({
    data: {
      tripId: trip.id,
      status: 'CONFIRMED',
      firstName: 'Mats',
      lastName: `Mejl ${trip.slug}`,
      email: `mats.${trip.slug}@example.se`,
      phone: '+46701234567',
      organisation: 'Mejl AB',
      role: 'OTHER',
      privacyAcceptedAt: new Date(),
    },
  })
  await db.outboxMessage.create({
    data: { kind: 'confirmed', registrationId: registration.id, toAddress: registration.email, subject: `Bekräftelse ${trip.slug}`, textBody: '', htmlBody: '', status: 'FAILED', attempts: 3 },
  })

  await signInAsOrganiser(page, organiser)
  // The header: the admin's name as a link home, who is signed in, the main navigation, sign-out.
  const header = page.getByRole('banner')
  await expect(header.getByRole('link', { name: 'Mjölbybussen · administration' })).toHaveAttribute('href', '/admin')
  await expect(header).toContainText(`Inloggad som ${organiser.name}`)
  await expect(header.getByRole('navigation', { name: 'Administration' }).getByRole('link')).toHaveText(['Resor', 'Innehåll', 'Inställningar', 'Logg'])
  await expect(header.getByRole('button', { name: 'Logga ut' })).toBeVisible()

  // The trip's card: its state and figures, a link to it.
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: trip.title }) })
  await expect(card.getByRole('link', { name: trip.title })).toHaveAttribute('href', `/admin/resor/${trip.slug}`)
  await expect(card).toContainText('Öppen')
  await expect(card.locator('dt')).toHaveText(['Bokade', 'Lediga', 'Reservlista', 'Nya senaste 7 dagarna'])
  await expect(card.locator('dd')).toHaveText(['1 av 5', '4', '0', '1'])
  // The failed e-mail, with a link to the registration it was for.
  const problems = page.getByRole('region', { name: 'Att åtgärda' })
  const problem = problems.getByRole('listitem').filter({ hasText: `Bekräftelse ${trip.slug}` })
  await expect(problem).toContainText('gick inte fram')
  await expect(problem.getByRole('link', { name: `Mats Mejl ${trip.slug}` })).toHaveAttribute('href', `/admin/resor/${trip.slug}/anmalan/${registration.id}`)
  // The seed's trips of earlier years, under their own heading.
  await expect(page.getByRole('region', { name: 'Tidigare resor' }).getByRole('link', { name: /Borås/ })).toHaveAttribute('href', '/admin/resor/2024-boras')
  await expectNoAxeViolations(page)

  await page.getByRole('link', { name: trip.title }).click()
  await expect(page).toHaveURL(new RegExp(`/admin/resor/${trip.slug}$`))
  const tripNav = page.getByRole('navigation', { name: `Resan ${trip.title}` })
  await expect(tripNav.getByRole('link')).toHaveText(['Anmälningar', 'Översikt', 'Listor', 'Meddelanden', 'Incheckning', 'Redigera'])
  await tripNav.getByRole('link', { name: 'Listor' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Listor: ${trip.title}`)
  await expect(tripNav.getByRole('link', { name: 'Listor' })).toHaveAttribute('aria-current', 'page')
  await expect(tripNav.locator('[aria-current]')).toHaveCount(1)
  await expectNoAxeViolations(page)

  // Nothing failed and the fix is in: a later e-mail to the same person went out.
  await db.outboxMessage.create({
    data: { kind: 'confirmed', registrationId: registration.id, toAddress: registration.email, subject: 'Bekräftelse igen', textBody: '', htmlBody: '', status: 'SENT', sentAt: new Date() },
  })
  await page.goto('/admin')
  await expect(page.getByRole('region', { name: 'Att åtgärda' })).not.toContainText(`Bekräftelse ${trip.slug}`)
})

test('the sign-in page shows the admin’s name only: no navigation, no sign-out', async ({ page }) => {
  await page.goto(SIGN_IN)
  const header = page.getByRole('banner')
  await expect(header).toHaveText('Mjölbybussen · administration')
  await expect(header.getByRole('navigation')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Logga ut' })).toHaveCount(0)
})
