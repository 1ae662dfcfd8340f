// Test data: trips of every shape, and form answers that pass validation.
import { randomUUID } from 'node:crypto'
import type { PrismaClient } from '../../lib/generated/prisma/client'
import type { SignupValues } from '../../lib/registrations/schema'

/** A calendar day `days` from today (UTC midnight, as DATE columns hold it). */
export function dayFromToday(days: number, now: Date = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days))
}

/**
 * A published trip open for registration, two months ahead of today by default (dates relative
 * to today, so tests keep passing as the calendar moves), for two days with a night away.
 */
export async function createTestTrip(
  prisma: PrismaClient,
  overrides: Partial<{
    title: string
    seats: number
    publishedAt: Date | null
    registrationOpen: boolean
    registrationClosed: boolean
    registrationOpensAt: Date | null
    registrationDeadline: Date | null
    changesAllowedUntil: Date | null
    startDate: Date | null
    endDate: Date | null
    year: number
    hasOvernight: boolean
    boardingStops: string[]
  }> = {},
) {
  const { boardingStops = [], ...fields } = overrides
  const slug = `test-${randomUUID().slice(0, 8)}`
  const startDate = fields.startDate === undefined ? dayFromToday(60) : fields.startDate
  const endDate = fields.endDate === undefined ? (startDate ? dayFromToday(1, startDate) : null) : fields.endDate
  return prisma.trip.create({
    data: {
      slug,
      year: startDate ? startDate.getUTCFullYear() : new Date().getUTCFullYear() + 1,
      title: `Testresan ${slug}`,
      summary: 'En resa för tester.',
      description: 'Första stycket.\n\nAndra stycket.',
      seats: 10,
      publishedAt: new Date(),
      registrationOpen: true,
      hasOvernight: true,
      ...fields,
      startDate,
      endDate,
      boardingStops: { create: boardingStops.map((name, position) => ({ name, position })) },
    },
    include: { boardingStops: { orderBy: { position: 'asc' } } },
  })
}

let counter = 0
export function signupValues(overrides: SignupValues = {}): SignupValues {
  counter++
  return {
    firstName: 'Anna',
    lastName: 'Andersson',
    email: `anna.${counter}.${randomUUID().slice(0, 6)}@example.se`,
    phone: '070-123 45 67',
    organisation: 'Mjölby Verkstad AB',
    role: 'foretagare',
    overnight: 'enkelrum',
    privacyAccepted: 'on',
    ...overrides,
  }
}
