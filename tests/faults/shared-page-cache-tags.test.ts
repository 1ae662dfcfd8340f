// The page cache's shared revalidations (lib/cache/shared-tags.mjs): two "instances" (two
// stores, each with its own tag manifest, as two processes have) on one PostgreSQL. A revalidation
// recorded by one reaches the other's manifest; a missed notification is caught by reading the
// table; an unreachable database fails nothing and loses nothing. On a PostgreSQL cluster of the
// test's own (as the other fault tests): it cuts connections, and the embedded database has no
// notifications between connections.
import net from 'node:net'
import pg from 'pg'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createSharedTags, type SharedTags, type TagManifest } from '../../lib/cache/shared-tags.mjs'
import { applyMigrations } from '../../lib/db/migrate'
import { startPrivatePostgres, type PrivatePostgres } from '../support/private-postgres'

let pgCluster: PrivatePostgres
let databaseUrl: string
beforeAll(async () => {
  pgCluster = await startPrivatePostgres({ port: Number(process.env.FAULTS_PG_PORT ?? 5490) })
  databaseUrl = await pgCluster.createDatabase('mjolbybussen_cache_tags_test')
  await applyMigrations(databaseUrl)
})
afterAll(() => pgCluster?.destroy())

const url = () => databaseUrl
const started: SharedTags[] = []
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.stop()))
  const client = new pg.Client({ connectionString: url() })
  await client.connect()
  await client.query('TRUNCATE "PageCacheTag"')
  await client.end()
})

type Logged = { level: string; event: string; fields?: Record<string, unknown> }
async function instance(opts: { pollMs?: number; connectionString?: string } = {}) {
  const manifest: TagManifest = new Map()
  const logged: Logged[] = []
  const shared = createSharedTags({
    connectionString: opts.connectionString ?? url(),
    manifest,
    pollMs: opts.pollMs ?? 60_000,
    timeoutMs: 1_000,
    log: (level, event, fields) => logged.push({ level, event, fields }),
  })
  started.push(shared)
  await shared.start()
  return { shared, manifest, logged }
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<number> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`not within ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 10))
  }
  return Date.now() - start
}

const TAG = '_N_T_/layout'

describe('shared page-cache revalidations', () => {
  it('a revalidation on one instance expires the tag on the other, through the notification (no poll)', async () => {
    const a = await instance()
    const b = await instance()
    expect(b.shared.connected).toBe(true)
    const before = Date.now()
    await a.shared.record([TAG])
    // The poll is a minute away: only the notification can bring it this soon.
    await waitFor(() => b.manifest.get(TAG)?.expired !== undefined, 5_000)
    const expired = b.manifest.get(TAG)!.expired!
    // Dated by B's clock when it arrived: after the call, not in the future.
    expect(expired).toBeGreaterThanOrEqual(before)
    expect(expired).toBeLessThanOrEqual(Date.now())
    // The recording instance does not re-date its own revalidation (Next.js dated it locally),
    // neither when its own notification comes back nor when it reads the table.
    await a.shared.poll()
    expect(a.manifest.get(TAG)).toBeUndefined()
    const row = await new pg.Client({ connectionString: url() })
    await row.connect()
    const { rows } = await row.query(`SELECT tag, "expiredAt" IS NOT NULL AS expired FROM "PageCacheTag"`)
    await row.end()
    expect(rows).toEqual([{ tag: TAG, expired: true }])
  })

  it('an instance that starts later reads the revalidations made before it', async () => {
    const a = await instance()
    await a.shared.record([TAG, '_N_T_/resor/exempelresa'])
    const b = await instance()
    expect(b.manifest.get(TAG)?.expired).toBeLessThanOrEqual(Date.now())
    expect(b.manifest.get('_N_T_/resor/exempelresa')?.expired).toBeLessThanOrEqual(Date.now())
  })

  it('a revalidation with a cache-life profile marks the tag stale, expiring after the profile', async () => {
    const a = await instance()
    const b = await instance()
    await a.shared.record(['posts'], { expire: 3600 })
    await waitFor(() => b.manifest.get('posts') !== undefined, 5_000)
    const { stale, expired } = b.manifest.get('posts')!
    expect(stale).toBeLessThanOrEqual(Date.now())
    expect(expired! - stale!).toBe(3_600_000)
  })

  it('a notification missed while the connection was cut is caught by the next read of the table', async () => {
    const a = await instance()
    const b = await instance({ pollMs: 500 })
    // Cut B's connection from the server's side, as a restart or a network fault does.
    const admin = new pg.Client({ connectionString: url() })
    await admin.connect()
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'mjolbybussen-page-cache' AND pid <> pg_backend_pid()`)
    await admin.end()
    // A's connection was cut too: its record reconnects (or keeps the write for later).
    await a.shared.record([TAG])
    const waited = await waitFor(() => b.manifest.get(TAG)?.expired !== undefined, 10_000)
    console.log(`missed notification caught after ${waited} ms (poll every 500 ms)`)
    expect(b.logged.map((l) => l.event)).toContain('page-cache.shared-tags.unreachable')
  })

  it('an unreachable database: nothing throws, one warning, and the revalidation is written once it is back', async () => {
    // The database behind a relay that the test can take away and bring back, as an outage.
    const relay = await startRelay(new URL(url()))
    try {
      const viaRelay = new URL(url())
      viaRelay.host = `127.0.0.1:${relay.port}`
      await relay.down()
      const a = await instance({ connectionString: viaRelay.toString(), pollMs: 300 })
      const b = await instance()
      expect(a.shared.connected).toBe(false)
      await expect(a.shared.record([TAG])).resolves.toBeUndefined()
      await expect(a.shared.record([TAG])).resolves.toBeUndefined()
      await a.shared.poll()
      expect(a.logged.filter((l) => l.level === 'warn').map((l) => l.event)).toEqual(['page-cache.shared-tags.unreachable'])
      expect(b.manifest.get(TAG)).toBeUndefined()

      await relay.up()
      // A's poll reconnects and writes what it kept: B hears of it.
      await waitFor(() => b.manifest.get(TAG)?.expired !== undefined, 10_000)
      expect(a.logged.map((l) => l.event)).toContain('page-cache.shared-tags.reconnected')
    } finally {
      await relay.down()
    }
  })
})

/** A TCP relay to the database on a port of its own; down() refuses and cuts, up() relays again. */
async function startRelay(target: URL) {
  const sockets = new Set<net.Socket>()
  let server: net.Server | null = null
  let port = 0
  const up = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname)
        for (const s of [client, upstream]) {
          sockets.add(s)
          s.on('close', () => sockets.delete(s))
          s.on('error', () => {})
        }
        client.pipe(upstream).pipe(client)
      })
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port
        resolve()
      })
    })
  const down = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy()
      if (!server) return resolve()
      server.close(() => resolve())
      server = null
    })
  await up()
  return { get port() { return port }, up, down }
}
