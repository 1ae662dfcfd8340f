// Brings a database up to date at start: pending migrations, then the seed content.
import { createPrismaClient } from '../db'
import { seedContent } from '../seed/seed'
import { applyMigrations } from './migrate'

/** `seedExample`: add the example trip (lib/seed/example-trip.ts: wantsExample decides). */
export async function prepareDatabase(databaseUrl: string, { seedExample = false }: { seedExample?: boolean } = {}) {
  const applied = await applyMigrations(databaseUrl)
  const prisma = createPrismaClient(databaseUrl, 2)
  try {
    const seeded = await seedContent(prisma, { example: seedExample })
    return { applied, ...seeded }
  } finally {
    await prisma.$disconnect()
  }
}
