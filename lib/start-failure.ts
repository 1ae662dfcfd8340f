// An instance whose start-up fails (instrumentation.ts) ends with one line and exit status 1, so
// that whatever runs it (systemd, an orchestrator, `npm start`) notices and restarts it; Next.js
// would otherwise keep serving, answering 500 to every request. A module of its own so that the
// instrumentation file, which Next.js also compiles for the Edge runtime, names no Node.js API.
export function exitOnStartFailure(err: unknown): never {
  console.error(`Sajten kunde inte starta: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
}
