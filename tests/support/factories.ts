// Test data: trips of every shape, and form answers that pass validation.
import { randomUUID } from 'node:crypto'
import type { PrismaClient } from '../../lib/generated/prisma/client'
import type { SignupValues } from '../../lib/registrations/schema'

export async function createTestTrip(
  prisma: PrismaClient,
  overrides: Partial<{
    title: string
    seats: number
    registrationOpen: boolean
    registrationDeadline: Date | null
    hasOvernight: boolean
    boardingStops: string[]
  }> = {},
) {
  const { boardingStops = [], ...fields } = overrides
  const slug = `test-${randomUUID().slice(0, 8)}`
  return prisma.trip.create({
    data: {
      slug,
      year: 2027,
      title: `Testresan ${slug}`,
      summary: 'En resa för tester.',
      description: 'Första stycket.\n\nAndra stycket.',
      startDate: new Date('2027-05-20T00:00:00Z'),
      endDate: new Date('2027-05-21T00:00:00Z'),
      seats: 10,
      registrationOpen: true,
      hasOvernight: true,
      ...fields,
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
