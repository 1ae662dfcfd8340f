// What the scale-out test reads back and prints: the migrations and the seed content a database
// holds after instances started on it together, the seats a trip page shows, and figures.
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { exampleTrip } from '../../lib/seed/example-trip'
import { hostCities, trips } from '../../lib/seed/initial-content'
import type { Attempt } from './rig'

export type RoundResult = {
  round: number
  up: string[]
  errors: string[]
  worker: string
  migrations: string
  seed: string
}

async function query<T extends pg.QueryResultRow>(databaseUrl: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    return (await client.query<T>(sql)).rows
  } finally {
    await client.end()
  }
}

/** "ok" when every migration folder was applied exactly once and finished, else what differs. */
export async function checkMigrations(databaseUrl: string): Promise<string> {
  const folders = fs
    .readdirSync(path.resolve('prisma/migrations'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
  let rows: { migration_name: string; finished: boolean; rolled_back: boolean }[]
  try {
    rows = await query(
      databaseUrl,
      'SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back FROM _prisma_migrations',
    )
  } catch (err) {
    return `not readable: ${(err as Error).message}`
  }
  const problems: string[] = []
  for (const name of folders) {
    const applied = rows.filter((r) => r.migration_name === name)
    if (applied.length !== 1) problems.push(`${name} ${applied.length} times`)
    else if (!applied[0]!.finished || applied[0]!.rolled_back) problems.push(`${name} not finished`)
  }
  const unknown = rows.filter((r) => !folders.includes(r.migration_name))
  if (unknown.length) problems.push(`unknown rows: ${unknown.map((r) => r.migration_name).join(', ')}`)
  return problems.length ? problems.join('; ') : `ok`
}

/** "ok" when the seed content is there once: the trips, host towns, settings, the example trip and its marker. */
export async function checkSeed(databaseUrl: string): Promise<string> {
  const expected = {
    trips: trips.length + 1,
    hostCities: hostCities.length,
    settings: 1,
    markers: 1,
    exampleStops: exampleTrip(new Date()).boardingStops.length,
    exampleProgramme: exampleTrip(new Date()).programme.length,
  }
  let found: typeof expected
  try {
    const [row] = await query<Record<keyof typeof expected, string>>(
      databaseUrl,
      `SELECT (SELECT count(*) FROM "Trip") AS trips,
              (SELECT count(*) FROM "HostCity") AS "hostCities",
              (SELECT count(*) FROM "SiteSettings") AS settings,
              (SELECT count(*) FROM "SeedMarker") AS markers,
              (SELECT count(*) FROM "BoardingStop" s JOIN "Trip" t ON t.id = s."tripId" WHERE t.slug = 'exempelresa') AS "exampleStops",
              (SELECT count(*) FROM "ProgrammeItem" p JOIN "Trip" t ON t.id = p."tripId" WHERE t.slug = 'exempelresa') AS "exampleProgramme"`,
    )
    found = Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)])) as typeof expected
  } catch (err) {
    return `not readable: ${(err as Error).message}`
  }
  const problems = Object.entries(expected)
    .filter(([k, v]) => found[k as keyof typeof expected] !== v)
    .map(([k, v]) => `${k} ${found[k as keyof typeof expected]} (not ${v})`)
  return problems.length ? problems.join(', ') : 'ok'
}

/**
 * The seats a trip page shows ("12 platser kvar", "1 plats kvar", "Fullbokad"), every different
 * one it shows joined with " / " (a page that says two things says both), or what it shows instead.
 */
export function seatsShown(html: string): string {
  // (React separates text and values with empty comments.)
  const text = html.replaceAll('<!-- -->', '')
  const shown = [...new Set(text.match(/\b\d+ platser kvar|\b1 plats kvar|Fullbokad/g) ?? [])]
  return shown.length ? shown.join(' / ') : `no seat count on the page (${text.slice(0, 80).replace(/\s+/g, ' ')}…)`
}

export const byStatus = (attempts: Attempt[]) =>
  attempts.reduce<Record<string, number>>((counts, a) => {
    const key = a.token ? 'receipt' : a.status ? `${a.status} ${a.contentType?.split(';')[0]}` : `no answer (${a.error})`
    counts[key] = (counts[key] ?? 0) + 1
    return counts
  }, {})

export function report(name: string, figures: Record<string, unknown>) {
  console.log(`\n${name}\n${Object.entries(figures).map(([k, v]) => `  ${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`).join('\n')}`)
}

/** All the steps' figures, one line each. */
export function table(figures: Record<string, Record<string, unknown>>): string {
  return Object.entries(figures)
    .map(([step, values]) => `| ${step} | ${Object.entries(values).map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`).join('; ')} |`)
    .join('\n')
}
