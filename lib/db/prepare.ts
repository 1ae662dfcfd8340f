// Brings a database up to date at start: pending migrations, then the seed content.
import { createPrismaClient } from '../db'
import { seedContent } from '../seed/seed'
import { applyMigrations } from './migrate'

export async function prepareDatabase(databaseUrl: string) {
  const applied = await applyMigrations(databaseUrl)
  const prisma = createPrismaClient(databaseUrl, 2)
  try {
    const seeded = await seedContent(prisma)
    return { applied, ...seeded }
  } finally {
    await prisma.$disconnect()
  }
}
