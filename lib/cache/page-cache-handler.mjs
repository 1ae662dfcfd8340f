// The page cache every instance uses (`cacheHandler` in next.config.ts): Next.js's own
// file-system cache with the hash-based Content-Security-Policy of lib/http/csp-cache-handler.mjs,
// plus revalidations shared by all instances through PostgreSQL (./shared-tags.mjs), so that a
// signup or an organiser's save on one instance expires the cached pages of every instance.
//
// How a revalidation reaches a page: `revalidatePath('/', 'layout')` becomes revalidateTag on this
// handler with Next.js's implicit tag `_N_T_/layout`, which every cached page carries in its
// `x-next-cache-tags` header. Next.js's file-system cache answers a miss for a page whose tag
// was expired after the page was made (tags-manifest.external.js), and Next.js then renders the
// page for that very request rather than serving the old one. shared-tags.mjs writes each
// revalidation to the database and copies every other instance's into that same manifest.
//
// One more guard: a page whose render began before a revalidation arrived but was stored after
// it may hold the old data while looking newer than the revalidation. Such a page is stored, but
// the next read of it is a miss, so it is rendered once more.
//
// Without DATABASE_URL (and while `next build` runs) it is the local cache alone. The imports
// from Next.js's dist folder are internal paths: next is pinned to an exact version, and the
// fault test tests/faults/cache-agreement.test.ts fails if instances stop agreeing.
import tagsManifestModule from 'next/dist/server/lib/incremental-cache/tags-manifest.external.js'
import CspHashCacheHandler from '../http/csp-cache-handler.mjs'
import { createSharedTags } from './shared-tags.mjs'

const { tagsManifest, areTagsExpired } = tagsManifestModule
const TAGS_HEADER = 'x-next-cache-tags'
// The handler is constructed for every request; what it shares lives once per process.
const STATE = Symbol.for('mjolbybussen.page-cache')
// Renders awaited at once are a handful of pages; a flood of made-up addresses must not grow it.
const MAX_TRACKED = 10_000

function processState() {
  let state = globalThis[STATE]
  if (!state) {
    const url = process.env.DATABASE_URL
    const shared =
      url && process.env.NEXT_PHASE !== 'phase-production-build'
        ? createSharedTags({ connectionString: url, manifest: tagsManifest })
        : null
    state = {
      shared,
      // Until the table has been read once (or found unreachable), a page made before a
      // revalidation on another instance could be served: the first reads wait for it.
      starting: shared?.start() ?? null,
      /** Cache key → the first read since it was last stored that a render follows. */
      readSince: new Map(),
      /** Cache keys stored by a render that a revalidation overtook: their next read is a miss. */
      overtaken: new Set(),
    }
    globalThis[STATE] = state
  }
  return state
}

/** The page's tags (Next.js stores them as a header with the page). */
function tagsOf(value) {
  const header = value?.headers?.[TAGS_HEADER]
  return typeof header === 'string' && header ? header.split(',') : []
}

/**
 * Whether Next.js renders the page after this read: on a miss, and (in the background) when the
 * page is past its revalidate time. A page whose lifetime is not stored with it counts as one.
 */
function renderFollows(entry) {
  if (!entry) return true
  const revalidate = entry.cacheControl?.revalidate
  if (revalidate === false) return false
  if (typeof revalidate !== 'number') return true
  return entry.lastModified + revalidate * 1000 <= Date.now()
}

export default class PageCacheHandler extends CspHashCacheHandler {
  async get(key, ctx) {
    const state = processState()
    if (state.starting) {
      await state.starting
      state.starting = null
    }
    const entry = await super.get(key, ctx)
    if (renderFollows(entry) && !state.readSince.has(key)) {
      if (state.readSince.size >= MAX_TRACKED) state.readSince.clear()
      state.readSince.set(key, Date.now())
    }
    if (entry && state.overtaken.has(key)) return null
    return entry
  }

  async set(key, data, ctx) {
    const state = processState()
    const since = state.readSince.get(key) ?? Date.now()
    state.readSince.delete(key)
    await super.set(key, data, ctx)
    // A revalidation dated after the read that started this render: the render may have read the
    // data before the change it announces.
    if (areTagsExpired(tagsOf(data), since)) {
      if (state.overtaken.size >= MAX_TRACKED) state.overtaken.clear()
      state.overtaken.add(key)
    } else {
      state.overtaken.delete(key)
    }
  }

  async revalidateTag(tags, durations) {
    await super.revalidateTag(tags, durations)
    await processState().shared?.record(typeof tags === 'string' ? [tags] : tags, durations)
  }
}
