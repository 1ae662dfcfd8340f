// Types for inline-script-hashes.mjs (plain JavaScript, loaded by Next.js without compiling).
export function isFrameworkScript(source: string): boolean
export function frameworkScriptHashes(html: string): string[]
export function inlineScriptPolicy(html: string): string
