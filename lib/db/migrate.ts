// Applies and writes Prisma migrations without Prisma's native schema engine, which cannot be
// downloaded on our machines: the same engine, published on npm as WebAssembly, driven through
// the pg driver adapter. `npm run db:migrate` and `npm run db:migration -- NAME` call this.
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import pg from 'pg'
import { PrismaPg } from '@prisma/adapter-pg'
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils'
import * as engineBindings from '@prisma/schema-engine-wasm/schema_engine_bg'
import type { MigrationList } from '@prisma/schema-engine-wasm'
import { LOCKS, withAdvisoryLock } from './advisory-lock'

const root = process.cwd()
const schemaPath = path.join(root, 'prisma/schema.prisma')
const migrationsDir = path.join(root, 'prisma/migrations')
const lockfileName = 'migration_lock.toml'

let wasmReady: Promise<void> | undefined
function loadEngine(): Promise<void> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url)
    const wasmPath = path.join(
      path.dirname(require.resolve('@prisma/schema-engine-wasm')),
      'schema_engine_bg.wasm',
    )
    const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmPath), {
      './schema_engine_bg.js': engineBindings as unknown as WebAssembly.ModuleImports,
    })
    engineBindings.__wbg_set_wasm(instance.exports)
    ;(instance.exports as { __wbindgen_start: () => void }).__wbindgen_start()
  })()
  return wasmReady
}

function readMigrations(): MigrationList {
  const lockPath = path.join(migrationsDir, lockfileName)
  const dirs = fs.existsSync(migrationsDir)
    ? fs
        .readdirSync(migrationsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : []
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: lockfileName,
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((dir) => ({
      path: dir,
      migrationFile: {
        path: 'migration.sql',
        content: {
          tag: 'ok',
          value: fs.readFileSync(path.join(migrationsDir, dir, 'migration.sql'), 'utf8'),
        },
      },
    })),
  }
}

async function withEngine<T>(
  databaseUrl: string,
  work: (engine: engineBindings.SchemaEngine) => Promise<T>,
): Promise<T> {
  await loadEngine()
  const schema = fs.readFileSync(schemaPath, 'utf8')
  // The engine opens connections through this factory and never closes them; we do, or the
  // session holding the migration advisory lock would outlive the call and block the next one.
  const opened: { dispose(): Promise<void> }[] = []
  const factory = new PrismaPg({ connectionString: databaseUrl, max: 2 })
  const tracked = new Proxy(factory, {
    get(target, prop, receiver) {
      if (prop === 'connect' || prop === 'connectToShadowDb') {
        return async () => {
          const adapter = await target[prop]()
          opened.push(adapter)
          return adapter
        }
      }
      return Reflect.get(target, prop, receiver)
    },
  })
  const engine = await engineBindings.SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    (message: string) => {
      if (process.env.DEBUG_SCHEMA_ENGINE) console.error(message)
    },
    bindMigrationAwareSqlAdapterFactory(tracked),
  )
  try {
    return await work(engine)
  } finally {
    engine.free()
    // (Disposing the shadow database's adapter can fail once the engine has dropped it.)
    await Promise.allSettled(opened.map((adapter) => adapter.dispose()))
  }
}

const noFilters = { externalTables: [], externalEnums: [] }

/**
 * Applies every pending migration (like `prisma migrate deploy`); returns the names applied.
 * Callers take turns on an advisory lock of ours that waits as long as it takes: the engine's own
 * lock gives up after about 10 s, which made an instance starting during a long migration exit.
 * Whoever comes second finds nothing left to apply.
 */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const out = await withAdvisoryLock(
    databaseUrl,
    LOCKS.migrate,
    () => withEngine(databaseUrl, (engine) => engine.applyMigrations({ migrationsList: readMigrations(), filters: noFilters })),
    { name: 'migrate' },
  )
  return out.appliedMigrationNames
}

/**
 * Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that takes the schema as
 * of the last migration to the current schema; returns its folder, or null when nothing changed.
 * Each migration folder keeps a copy of the schema it ends at, so the diff is between two schema
 * files and needs no shadow database (which the embedded database, having one database, lacks).
 * A migration of data only, written by hand, has no schema copy and is passed over here.
 */
export async function createMigration(databaseUrl: string, name: string): Promise<string | null> {
  const sql = await pendingSchemaChanges(databaseUrl)
  if (!sql) return null
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14)
  const dir = path.join(migrationsDir, `${stamp}_${name.replace(/[^a-z0-9_]/gi, '_')}`)
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(path.join(dir, 'migration.sql'), sql)
  fs.copyFileSync(schemaPath, path.join(dir, 'schema.prisma'))
  const lockPath = path.join(migrationsDir, lockfileName)
  if (!fs.existsSync(lockPath)) {
    fs.writeFileSync(lockPath, '# Written by scripts/migrate.ts\nprovider = "postgresql"\n')
  }
  return dir
}

/** The SQL a new migration would hold: empty when the migrations already match the schema. */
export async function pendingSchemaChanges(databaseUrl: string): Promise<string> {
  const schema = fs.readFileSync(schemaPath, 'utf8')
  const last = readMigrations()
    .migrationDirectories.map((d) => path.join(migrationsDir, d.path, 'schema.prisma'))
    .filter((p) => fs.existsSync(p))
    .at(-1)
  const result = await withEngine(databaseUrl, (engine) =>
    engine.diff({
      from: last
        ? { tag: 'schemaDatamodel', files: [{ path: last, content: fs.readFileSync(last, 'utf8') }] }
        : { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    }),
  )
  const sql = result.stdout ?? ''
  return !sql.trim() || /empty migration/i.test(sql) ? '' : sql
}

/**
 * The migrations in prisma/migrations that the database has not applied, for an instance told not
 * to migrate (MIGRATE=off): it refuses to start on a database older than its code.
 */
export async function unappliedMigrations(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const table = await client.query<{ t: string | null }>(`SELECT to_regclass('_prisma_migrations')::text AS t`)
    const applied = new Set(
      table.rows[0]!.t
        ? (await client.query<{ migration_name: string }>(
            'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
          )).rows.map((r) => r.migration_name)
        : [],
    )
    return readMigrations().migrationDirectories.map((d) => d.path).filter((name) => !applied.has(name))
  } finally {
    await client.end()
  }
}
