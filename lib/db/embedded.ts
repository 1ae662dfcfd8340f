// The embedded PostgreSQL used when no DATABASE_URL is set: PGlite, kept in DATA_DIR/pgdata and
// served over the PostgreSQL wire protocol on loopback (lib/db/pglite-server.ts), so the app connects to it exactly as it
// would to a real server. PGlite does not lock its folder itself, and two processes writing one
// folder silently lose rows, so this takes a lock on the folder first and refuses a second owner.
import fs from 'node:fs'
import path from 'node:path'
import lockfile from 'proper-lockfile'
import { PGlite } from '@electric-sql/pglite'
import { PGliteServer } from './pglite-server'

export type EmbeddedPostgres = {
  url: string
  stop: () => Promise<void>
}

import { embeddedInfoPath } from './embedded-info'
export { embeddedInfoPath }

export class DataDirInUseError extends Error {
  constructor(dataDir: string) {
    super(
      `Datamappen ${dataDir} används redan av en annan process (en annan körning av sajten?). ` +
        'Stoppa den, eller välj en annan mapp med DATA_DIR.',
    )
  }
}

export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const pgdata = path.join(dataDir, 'pgdata')
  fs.mkdirSync(pgdata, { recursive: true })

  let release: () => Promise<void>
  try {
    release = await lockfile.lock(dataDir, {
      lockfilePath: path.join(dataDir, '.lock'),
      // The lock is refreshed while we live; one left by a killed process goes stale after 10 s.
      stale: 10_000,
      update: 2_000,
      onCompromised: (err) => {
        console.error(JSON.stringify({ level: 'fatal', msg: 'data folder lock lost', err: String(err) }))
        process.exit(1)
      },
    })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataDirInUseError(dataDir)
    throw err
  }

  const db = await PGlite.create(pgdata)
  const server = new PGliteServer(db)
  const port = await server.listen('127.0.0.1', 0)
  const url = `postgres://postgres@127.0.0.1:${port}/postgres?sslmode=disable`
  fs.writeFileSync(embeddedInfoPath(dataDir), JSON.stringify({ url, pid: process.pid }) + '\n')

  let stopped = false
  return {
    url,
    async stop() {
      if (stopped) return
      stopped = true
      fs.rmSync(embeddedInfoPath(dataDir), { force: true })
      await server.close()
      await db.close()
      await release()
    },
  }
}
