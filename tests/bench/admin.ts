// The organisers' side at 10,000 registrations: the registration table's page over HTTP as a
// signed-in organiser sees it (search, filters, sorting, paging), the same queries in-process
// (the database's share of that time), and the Excel export.
import { performance } from 'node:perf_hooks'
import autocannon from 'autocannon'
import type { Db } from '../../lib/db'
import { addOrganiser } from '../../lib/auth/organisers'
import { fetchActionForm } from '../support/form-post'
import { listRegistrations, parseListQuery } from '../../lib/admin/registration-list'
import { toXlsx } from '../../lib/admin/spreadsheet'
import { tripList } from '../../lib/admin/trip-lists'

const ROLES = ['BUSINESS_OWNER', 'ELECTED_OFFICIAL', 'CIVIL_SERVANT', 'OTHER'] as const
const STATUSES = ['CONFIRMED', 'WAITLISTED', 'CANCELLED'] as const

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!

export async function benchAdmin(prisma: Db, siteUrl: string, { connections, seconds }: { connections: number; seconds: number }) {
  const trip = await prisma.trip.create({
    data: {
      slug: `bench-admin-${Date.now()}`,
      year: 2030,
      title: 'Bänkresan',
      summary: 'För mätning.',
      description: 'För mätning.',
      seats: 4000,
      boardingStops: { create: ['Mjölby', 'Mantorp', 'Skänninge'].map((name, position) => ({ name, position })) },
    },
    include: { boardingStops: true },
  })
  const rows = Array.from({ length: 10_000 }, (_, i) => ({
    tripId: trip.id,
    status: STATUSES[i % 3]!,
    firstName: `Förnamn${i}`,
    lastName: `Efternamn${i}`,
    email: `bench.admin.${i}@example.se`,
    phone: '+46701234567',
    organisation: `Företag ${i % 97}`,
    role: ROLES[i % 4]!,
    overnight: i % 2 ? ('SINGLE_ROOM' as const) : ('NONE' as const),
    dietaryNeeds: i % 10 === 0 ? 'Vegetarisk' : null,
    boardingStopId: trip.boardingStops[i % 3]!.id,
    privacyAcceptedAt: new Date(),
  }))
  for (let i = 0; i < rows.length; i += 2000) await prisma.registration.createMany({ data: rows.slice(i, i + 2000) })

  const views = [
    {},
    { status: 'CONFIRMED' },
    { q: 'företag 4' },
    { q: 'efternamn99', sort: 'name' },
    { role: 'CIVIL_SERVANT', overnight: 'SINGLE_ROOM', sort: 'organisation', dir: 'desc' },
    { stop: String(trip.boardingStops[1]!.id), page: '30' },
    { sort: 'status', page: '150' },
  ]
  const times: number[] = []
  for (let i = 0; i < 210; i++) {
    const t = performance.now()
    await listRegistrations(trip.id, parseListQuery(views[i % views.length]!))
    if (i >= 10) times.push(performance.now() - t) // the first ten warm up
  }
  times.sort((a, b) => a - b)

  // The page itself, over HTTP with an organiser's session, cycling through the same views.
  const cookie = await signIn(prisma, siteUrl)
  const paths = views.map((view) => `/admin/resor/${trip.slug}?${new URLSearchParams(view as Record<string, string>)}`)
  let next = 0
  let wrongAnswers = 0
  const page = await autocannon({
    url: siteUrl,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'GET',
        headers: { cookie },
        setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }),
        onResponse: (status) => {
          if (status !== 200) wrongAnswers++
        },
      },
    ],
  })

  const exportTimes: number[] = []
  let bytes = 0
  let exported = 0
  for (let i = 0; i < 3; i++) {
    const t = performance.now()
    const sheet = await tripList(trip.id, 'deltagare')
    bytes = (await toXlsx([sheet])).length
    exportTimes.push(performance.now() - t)
    exported = sheet.rows.length
  }
  exportTimes.sort((a, b) => a - b)
  return {
    pageReqPerSec: Number(page.requests.average.toFixed(1)),
    pageP50Ms: page.latency.p50,
    pageP99Ms: page.latency.p99,
    pageWrongAnswers: wrongAnswers + page.errors + page.timeouts,
    tableQueries: times.length,
    tableP50Ms: Number(percentile(times, 50).toFixed(1)),
    tableP99Ms: Number(percentile(times, 99).toFixed(1)),
    excelRows: exported, // the confirmed and waiting of the 10,000
    excelMedianMs: Math.round(exportTimes[1]!),
    excelBytes: bytes,
  }
}

/** Creates an organiser and signs in with the sign-in form, as a browser without JavaScript. */
async function signIn(prisma: Db, siteUrl: string): Promise<string> {
  const email = `bench.organiser.${Date.now()}@example.se`
  const password = 'bänk-lösenord-som-är-långt'
  await addOrganiser(prisma, { email, name: 'Bänk Arrangör', password })
  const form = await fetchActionForm(`${siteUrl}/admin/logga-in`, 'password')
  const data = new FormData()
  for (const [name, value] of form.hidden) data.append(name, value)
  data.append('email', email)
  data.append('password', password)
  const answer = await fetch(`${siteUrl}/admin/logga-in`, { method: 'POST', body: data, headers: { origin: siteUrl }, redirect: 'manual' })
  const cookie = answer.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ')
  if (answer.status !== 303 || !cookie) throw new Error(`the benchmark's sign-in failed (HTTP ${answer.status})`)
  return cookie
}
