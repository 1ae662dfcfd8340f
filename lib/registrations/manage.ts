// Finding a registration from the personal link in its e-mails.
import { db } from '../db'
import { hashLinkToken, isWellFormedToken } from './links'
import { waitlistPositionOf } from './signup'

export async function findRegistrationByToken(token: string) {
  if (!isWellFormedToken(token)) return null
  const link = await db().registrationLink.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    include: {
      registration: {
        include: { trip: { select: { id: true, slug: true, title: true, startDate: true, endDate: true, hasOvernight: true } }, boardingStop: true },
      },
    },
  })
  if (!link) return null
  const r = link.registration
  return { ...r, waitlistPosition: await waitlistPositionOf(r.tripId, r.id, r.status) }
}

export type RegistrationView = NonNullable<Awaited<ReturnType<typeof findRegistrationByToken>>>
