// Types for shared-tags.mjs (plain JavaScript, loaded by Next.js without compiling).
export const CHANNEL: string
export const CLOCK_MARGIN_MS: number
export type TagManifest = Map<string, { stale?: number; expired?: number }>
export type SharedTags = {
  instanceId: string
  start(): Promise<void>
  record(tags: string[], durations?: { expire?: number }): Promise<void>
  poll(): Promise<void>
  readonly connected: boolean
  stop(): Promise<void>
}
export function logLine(level: 'debug' | 'info' | 'warn' | 'error', event: string, fields?: Record<string, unknown>): void
export function createSharedTags(options: {
  connectionString: string
  manifest: TagManifest
  pollMs?: number
  now?: () => number
  log?: (level: 'debug' | 'info' | 'warn' | 'error', event: string, fields?: Record<string, unknown>) => void
  timeoutMs?: number
}): SharedTags
