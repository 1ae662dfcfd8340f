// Page-cache revalidations shared by every instance through PostgreSQL. Each instance keeps its
// cached pages in its own folder (Next.js's file-system cache); what they share is *when each
// cache tag was last revalidated*. `revalidatePath('/', 'layout')` after a signup ends in the cache
// handler's revalidateTag(['_N_T_/layout']): `record` writes the time to the PageCacheTag table
// and announces it with NOTIFY in the same statement. Every instance LISTENs on one connection
// and puts what it hears into Next.js's own tag manifest (the map Next.js's file-system cache and
// incremental cache consult on every read), exactly as if the revalidation had happened locally:
// a page carrying the tag that was made before it is then a cache miss and is rendered afresh for
// the request that asked for it. A notification can be missed (the connection dropped, the
// database restarted), so the table is also read whole on every (re)connection and every
// `pollMs` (2 s): nothing missed stays missed for longer than that.
//
// Times: an instance compares a revalidation with the times its own pages were made, by its own
// clock. A notification is dated when it arrives (never earlier than the revalidation itself); a
// row found by reading the table is dated by the database's clock converted to ours (the offset
// measured by the same query) plus a margin, so a clock that is a little off makes a page
// rendered once more, never kept too long.
//
// With the database unreachable nothing fails: pages are served from the local cache, local
// revalidations still work, the writes that could not be made are kept and made on reconnection,
// and one warning is logged per outage.
//
// Plain JavaScript: Next.js loads the cache handler without compiling it.
import { randomUUID } from 'node:crypto'
import pg from 'pg'

export const CHANNEL = 'page_cache_tags'
/** How much later than the database's time a revalidation found by reading the table counts. */
export const CLOCK_MARGIN_MS = 1_000
// A NOTIFY payload is limited to 8000 bytes; a tag is at most 256 characters (Next.js's limit).
const TAGS_PER_NOTIFY = 20

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 }
/** One JSON line, as lib/log.ts writes them (this file cannot import TypeScript). */
export function logLine(level, event, fields = {}) {
  const threshold = LEVELS[process.env.LOG_LEVEL] ?? LEVELS.info
  if (LEVELS[level] < threshold) return
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...fields })
  if (level === 'warn' || level === 'error') console.error(line)
  else console.log(line)
}

// One statement: the rows, then the notification (delivered when it commits, so a listener that
// hears it and reads the table finds the row). `at` is rounded as the column stores it, so the
// time announced and the time read back are equal and a poll does not apply it a second time.
const RECORD_SQL = `
WITH now AS (SELECT clock_timestamp()::timestamptz(3) AS at),
upsert AS (
  INSERT INTO "PageCacheTag" ("tag", "revalidatedAt", "staleAt", "expiredAt")
  SELECT tag, at,
         CASE WHEN $2::boolean THEN at END,
         CASE WHEN NOT $2::boolean THEN at
              WHEN $3::float8 IS NOT NULL THEN at + make_interval(secs => $3::float8) END
  FROM unnest($1::text[]) AS tag, now
  ON CONFLICT ("tag") DO UPDATE SET
    "revalidatedAt" = EXCLUDED."revalidatedAt",
    "staleAt" = COALESCE(EXCLUDED."staleAt", "PageCacheTag"."staleAt"),
    "expiredAt" = COALESCE(EXCLUDED."expiredAt", "PageCacheTag"."expiredAt")
)
SELECT pg_notify('${CHANNEL}', json_build_object(
  'o', $4::text, 't', $1::text[], 's', $2::boolean, 'e', $3::float8,
  'r', (extract(epoch FROM at) * 1000)::float8
)::text), (extract(epoch FROM at) * 1000)::float8 AS r FROM now`

const LOAD_SQL = `
SELECT "tag", (extract(epoch FROM "revalidatedAt") * 1000)::float8 AS r,
       (extract(epoch FROM "staleAt") * 1000)::float8 AS s,
       (extract(epoch FROM "expiredAt") * 1000)::float8 AS e,
       (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS now
FROM "PageCacheTag"`

/**
 * Keeps `manifest` (Next.js's tag manifest: tag → { stale?, expired? } in this process's
 * milliseconds) in step with the revalidations of every instance on the database.
 */
export function createSharedTags({ connectionString, manifest, pollMs = 2_000, now = () => Date.now(), log = logLine, timeoutMs = 3_000 }) {
  const instanceId = randomUUID()
  /** tag → the database time (ms) of the last revalidation applied here. */
  const known = new Map()
  /** Revalidations made here that the database has not taken yet: key → [tags, durations]. */
  const pending = new Map()
  let client = null
  let connecting = null
  let polling = false
  let stopped = false
  let outage = false
  let timer = null

  /** Marks `tag` as Next.js's own revalidateTag does, dated `at` (never moving a date back). */
  function apply(tag, { stale, expire }, at) {
    const entry = { ...(manifest.get(tag) ?? {}) }
    if (stale) {
      entry.stale = Math.max(entry.stale ?? 0, at)
      if (expire !== null && expire !== undefined) entry.expired = Math.max(entry.expired ?? 0, at + expire * 1000)
    } else {
      entry.expired = Math.max(entry.expired ?? 0, at)
    }
    manifest.set(tag, entry)
  }

  function onNotification(message) {
    if (message.channel !== CHANNEL) return
    let note
    try {
      note = JSON.parse(message.payload)
    } catch {
      return
    }
    const arrived = now()
    for (const tag of note.t ?? []) {
      if ((known.get(tag) ?? -Infinity) >= note.r) continue
      known.set(tag, note.r)
      // This instance applied its own revalidation already (and earlier than it hears of it).
      if (note.o !== instanceId) apply(tag, { stale: note.s, expire: note.e }, arrived)
    }
  }

  async function load(c) {
    const sent = now()
    const { rows } = await c.query(LOAD_SQL)
    const received = now()
    // The database's clock read halfway through the round trip, in our milliseconds.
    const offset = (sent + received) / 2 - (rows[0]?.now ?? 0)
    for (const row of rows) {
      if ((known.get(row.tag) ?? -Infinity) >= row.r) continue
      known.set(row.tag, row.r)
      const at = Math.min(received, row.r + offset + CLOCK_MARGIN_MS)
      const entry = { ...(manifest.get(row.tag) ?? {}) }
      if (row.e !== null) entry.expired = Math.max(entry.expired ?? 0, at + (row.e - row.r))
      if (row.s !== null) entry.stale = Math.max(entry.stale ?? 0, at + (row.s - row.r))
      manifest.set(row.tag, entry)
    }
  }

  async function write(c, tags, durations) {
    const stale = Boolean(durations)
    const expire = durations?.expire ?? null
    for (let i = 0; i < tags.length; i += TAGS_PER_NOTIFY) {
      const chunk = tags.slice(i, i + TAGS_PER_NOTIFY)
      const { rows } = await c.query(RECORD_SQL, [chunk, stale, expire, instanceId])
      // Applied here already (by Next.js, at the call): reading the table must not apply it again.
      for (const tag of chunk) known.set(tag, Math.max(known.get(tag) ?? -Infinity, rows[0].r))
    }
  }

  function dropClient(c, err) {
    if (client !== c) return
    client = null
    c.removeAllListeners('notification')
    c.end().catch(() => {})
    if (!outage && !stopped) {
      outage = true
      log('warn', 'page-cache.shared-tags.unreachable', { error: err?.code ?? err?.message ?? String(err) })
    }
  }

  function connect() {
    if (client || stopped) return Promise.resolve(client)
    connecting ??= (async () => {
      const c = new pg.Client({
        connectionString,
        connectionTimeoutMillis: timeoutMs,
        query_timeout: timeoutMs,
        application_name: 'mjolbybussen-page-cache',
      })
      // An error between queries (the server went away) must not become an uncaught exception.
      c.on('error', (err) => dropClient(c, err))
      try {
        await c.connect()
        c.on('notification', onNotification)
        await c.query(`LISTEN ${CHANNEL}`)
        client = c
        await load(c)
        const resent = pending.size
        for (const [key, [tags, durations]] of [...pending]) {
          await write(c, tags, durations)
          pending.delete(key)
        }
        if (outage) log('info', 'page-cache.shared-tags.reconnected', { resent })
        outage = false
        return c
      } catch (err) {
        if (client === c) dropClient(c, err)
        else {
          c.end().catch(() => {})
          if (!outage && !stopped) {
            outage = true
            log('warn', 'page-cache.shared-tags.unreachable', { error: err?.code ?? err?.message ?? String(err) })
          }
        }
        return null
      } finally {
        connecting = null
      }
    })()
    return connecting
  }

  /** Reads the table (or reconnects): catches any notification that was missed. */
  async function poll() {
    if (polling || stopped) return
    polling = true
    try {
      const c = client ?? (await connect())
      if (c && c === client) await load(c).catch((err) => dropClient(c, err))
    } finally {
      polling = false
    }
  }

  return {
    instanceId,
    /** Connects and starts the poll; resolves once the first connection succeeded or failed. */
    async start() {
      timer = setInterval(() => void poll(), pollMs)
      timer.unref?.()
      await connect()
    },
    /**
     * Records a revalidation made on this instance, for all the others. Never throws: if the
     * database cannot take it now, it is kept and written on reconnection.
     */
    async record(tags, durations) {
      if (!tags.length || stopped) return
      // Twice: a connection the server dropped since it was last used (a restart) fails only
      // when used; a new one then takes the write at once.
      for (let attempt = 0; attempt < 2; attempt++) {
        const c = client ?? (await connect())
        if (!c) break
        try {
          await write(c, tags, durations)
          return
        } catch (err) {
          dropClient(c, err)
        }
      }
      // Kept for the reconnection; the same revalidation again while waiting is one write.
      pending.set(JSON.stringify([tags, durations ?? null]), [tags, durations])
    },
    poll,
    get connected() {
      return client !== null
    },
    async stop() {
      stopped = true
      if (timer) clearInterval(timer)
      await connecting
      const c = client
      client = null
      await c?.end().catch(() => {})
    },
  }
}
