// Types for csp-cache-handler.mjs (plain JavaScript, loaded by Next.js without compiling).
export function withScriptHashes(value: { kind?: string; html?: unknown; headers?: Record<string, unknown> } | null | undefined): void
declare const CspHashCacheHandler: new (...args: never[]) => object
export default CspHashCacheHandler
