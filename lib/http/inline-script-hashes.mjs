// The second Content-Security-Policy of a cached public page: the SHA-256 hashes of the inline
// scripts Next.js wrote into that page's HTML, so that the page's own scripts run and no other
// inline script does (the fixed policy from next.config.ts allows 'unsafe-inline'; a browser
// enforces both policies, so only scripts that pass both run). Computed once when a page enters
// the page cache (lib/http/csp-cache-handler.mjs), never per request.
//
// Only scripts in the shapes Next.js writes are hashed, so a script that reached the HTML any
// other way (injected markup) gets no hash and does not run:
// - the Turbopack bootstrap: (globalThis["TURBOPACK"] || …).push({…JSON naming chunks…});
// - the start of React's data:  (self.__next_f=self.__next_f||[]).push([0])
// - React's data, a string:      self.__next_f.push([1,"…"]) (or [3,"…"] for binary rows)
// A string literal cannot run code; a page whose inline scripts are in any other shape gets a
// policy that lets none of them run (and the browser test, which counts violations, fails).
//
// Plain JavaScript, not TypeScript: Next.js loads the cache handler at run time without compiling
// it. Types for the TypeScript side are in inline-script-hashes.d.mts.
import { createHash } from 'node:crypto'

// <script …>…</script>; the attributes decide whether it is inline (no src).
const SCRIPT_ELEMENT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi
const HAS_SRC = /(?:^|\s)src\s*=/i

// A JSON string literal: no raw quote, backslash only before an escape, no "<" (Next.js escapes it
// as \u003c, so a literal cannot end the script element).
const JSON_STRING = String.raw`"(?:[^"\\<\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"`
const FLIGHT_START = /^\(self\.__next_f=self\.__next_f\|\|\[\]\)\.push\(\[0\]\)$/
const FLIGHT_DATA = new RegExp(String.raw`^self\.__next_f\.push\(\[[13],${JSON_STRING}\]\)$`)
const TURBOPACK_BOOTSTRAP = /^\(globalThis\["TURBOPACK"\] \|\| \(globalThis\["TURBOPACK"\] = \[\]\)\)\.push\((\{[^<]*\})\);$/

/** Whether an inline script is one of the shapes Next.js writes into a page. */
export function isFrameworkScript(source) {
  if (FLIGHT_START.test(source) || FLIGHT_DATA.test(source)) return true
  const bootstrap = TURBOPACK_BOOTSTRAP.exec(source)
  if (!bootstrap) return false
  // Only data: chunk paths of this build and module ids.
  try {
    const value = JSON.parse(bootstrap[1])
    const keys = Object.keys(value)
    return (
      keys.every((k) => k === 'otherChunks' || k === 'runtimeModuleIds') &&
      Array.isArray(value.otherChunks) &&
      value.otherChunks.every((c) => typeof c === 'string' && /^static\/chunks\/[\w.-]+\.js$/.test(c)) &&
      (value.runtimeModuleIds === undefined || (Array.isArray(value.runtimeModuleIds) && value.runtimeModuleIds.every((id) => Number.isInteger(id))))
    )
  } catch {
    return false
  }
}

/** The 'sha256-…' source of every inline script of the framework's shapes, in order, once each. */
export function frameworkScriptHashes(html) {
  const hashes = new Set()
  for (const [, attributes, source] of html.matchAll(SCRIPT_ELEMENT)) {
    if (HAS_SRC.test(attributes) || !isFrameworkScript(source)) continue
    hashes.add(`'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`)
  }
  return [...hashes]
}

/** The second policy for a page with this HTML: scripts from this site, and inline ones by hash. */
export function inlineScriptPolicy(html) {
  return `script-src 'self' ${frameworkScriptHashes(html).join(' ')}`.trimEnd()
}
