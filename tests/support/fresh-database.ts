// An empty database of its own for a test that needs one nobody else touches (start-up from
// nothing): beside TEST_DATABASE_URL's, with a name that still says "test"; without it, an
// embedded PostgreSQL in a temporary folder.
import pg from 'pg'
import { assertSafeTestUrl, embeddedTestDatabase, type TestDatabase } from './test-database'

export async function freshDatabase(label: string): Promise<TestDatabase> {
  const given = process.env.TEST_DATABASE_URL
  if (given) {
    assertSafeTestUrl(given)
    const url = new URL(given)
    const name = `${url.pathname.slice(1)}_${label}`.replace(/[^a-z0-9_]/gi, '_')
    const admin = new URL(given)
    admin.pathname = '/postgres'
    const run = async (sql: string) => {
      const client = new pg.Client({ connectionString: admin.toString() })
      await client.connect()
      try {
        await client.query(sql)
      } finally {
        await client.end()
      }
    }
    await run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    await run(`CREATE DATABASE "${name}"`)
    url.pathname = `/${name}`
    return { url: url.toString(), stop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) }
  }
  return embeddedTestDatabase(label)
}
