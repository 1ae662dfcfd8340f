import { db, type Tx } from '../db'
import type { RegistrationStatus } from '../generated/prisma/enums'

/**
 * A registration's place on its trip's waiting list (1 = next in line), or null when it is not
 * waiting. Ids are drawn in the order signups were decided, so they give the order of arrival.
 */
export async function waitlistPositionOf(
  registration: { id: number; tripId: number; status: RegistrationStatus },
  client: Tx = db(),
): Promise<number | null> {
  if (registration.status !== 'WAITLISTED') return null
  return client.registration.count({
    where: { tripId: registration.tripId, status: 'WAITLISTED', id: { lte: registration.id } },
  })
}
