// Next.js's page cache (its own file-system cache, unchanged), with one addition: every cached
// page carries a second Content-Security-Policy that allows its own inline scripts by hash
// (inline-script-hashes.mjs). Next.js stores a cached page's headers with it and sends them with
// every answer from the cache, the first one included (the render is handed to `set` before it is
// sent), so the hashes are computed once per render of a page, never per request. Pages made at
// build time reach the cache through `get`; they get their policy the first time they are read.
//
// Set as `cacheHandler` in next.config.ts. The import is Next.js's own handler from its dist
// folder, an internal path: next is pinned to an exact version in package.json, and the browser
// tests (tests/e2e/security.spec.ts) fail if the policy goes missing or stops matching.
import fileSystemCache from 'next/dist/server/lib/incremental-cache/file-system-cache.js'
import { inlineScriptPolicy } from './inline-script-hashes.mjs'

const FileSystemCache = fileSystemCache.default ?? fileSystemCache
const CSP = 'content-security-policy'

/** Adds the hash policy to a cached page (in place: Next.js sends the same object's headers). */
export function withScriptHashes(value) {
  if (value?.kind !== 'APP_PAGE' || typeof value.html !== 'string' || !value.html) return
  if (value.headers?.[CSP]) return
  value.headers = { ...value.headers, [CSP]: inlineScriptPolicy(value.html) }
}

export default class CspHashCacheHandler extends FileSystemCache {
  async get(...args) {
    const entry = await super.get(...args)
    withScriptHashes(entry?.value)
    return entry
  }

  async set(key, data, ctx) {
    withScriptHashes(data)
    return super.set(key, data, ctx)
  }
}
