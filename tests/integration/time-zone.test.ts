// Instants survive a database whose time zone is not UTC (a Swedish server is often set to
// Europe/Stockholm): lib/db.ts runs its sessions in UTC, because the Prisma adapter sends a Date
// without its zone. Without that, this test reads 23:30 as 23:30+01 on a real PostgreSQL.
import { afterEach, expect, it } from 'vitest'
import { createPrismaClient, db } from '../../lib/db'

afterEach(async () => {
  await db().$executeRawUnsafe(`ALTER DATABASE "${await currentDatabase()}" RESET timezone`)
})

async function currentDatabase(): Promise<string> {
  const [row] = await db().$queryRaw<{ name: string }[]>`SELECT current_database() AS name`
  return row!.name
}

it('reads a Date as the instant it is, on a database set to Europe/Stockholm', async () => {
  await db().$executeRawUnsafe(`ALTER DATABASE "${await currentDatabase()}" SET timezone TO 'Europe/Stockholm'`)
  const client = createPrismaClient(process.env.DATABASE_URL!, 1) // new sessions get the database's setting
  try {
    const instant = new Date('2026-01-15T23:30:00.000Z')
    const [row] = await client.$queryRaw<{ utc: string }[]>`
      SELECT to_char(${instant}::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS utc`
    expect(row!.utc).toBe('2026-01-15 23:30')
  } finally {
    await client.$disconnect()
  }
})
