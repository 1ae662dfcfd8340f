// Where a running embedded server (lib/db/embedded.ts) says how to reach it, for command-line
// tools and for the start checks (lib/deployment.ts); apart so that they need not load PGlite.
import path from 'node:path'

export function embeddedInfoPath(dataDir: string): string {
  return path.join(dataDir, 'embedded-postgres.json')
}
