// Finding a registration from the personal link in its e-mails.
import { db } from '../db'
import { formatPhone } from '../phone'
import { hashLinkToken, isWellFormedToken } from './links'
import { OVERNIGHT_OPTIONS, ROLE_OPTIONS, type SignupValues } from './schema'
import { waitlistPositionOf } from './waitlist'

/** What a registration's page (the participant's or the organisers') shows of its trip. */
export const registrationTripFields = {
  id: true,
  slug: true,
  title: true,
  seats: true,
  startDate: true,
  endDate: true,
  year: true,
  hasOvernight: true,
  changesAllowedUntil: true,
  boardingStops: { select: { id: true, name: true }, orderBy: { position: 'asc' } },
} as const

export async function findRegistrationByToken(token: string) {
  if (!isWellFormedToken(token)) return null
  const link = await db().registrationLink.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    include: {
      registration: {
        include: {
          trip: { select: registrationTripFields },
          boardingStop: true,
          emailChange: { select: { newEmail: true, expiresAt: true } },
        },
      },
    },
  })
  if (!link) return null
  const r = link.registration
  return { ...r, waitlistPosition: await waitlistPositionOf(r) }
}

export type RegistrationView = NonNullable<Awaited<ReturnType<typeof findRegistrationByToken>>>

/** The saved answers as the form's text values, to fill the edit form. */
export function registrationFormValues(r: Omit<RegistrationView, 'emailChange'>): SignupValues {
  return {
    firstName: r.firstName,
    lastName: r.lastName,
    email: r.email,
    // As the participant would type it; the form stores it in E.164 again, so an untouched field is no change.
    phone: formatPhone(r.phone),
    organisation: r.organisation,
    role: ROLE_OPTIONS.find((o) => o.role === r.role)?.value,
    dietaryNeeds: r.dietaryNeeds ?? '',
    overnight: r.overnight ? OVERNIGHT_OPTIONS.find((o) => o.overnight === r.overnight)?.value : undefined,
    shareRoomWith: r.shareRoomWith ?? '',
    boardingStopId: r.boardingStopId === null ? undefined : String(r.boardingStopId),
    otherInfo: r.otherInfo ?? '',
    showInParticipantList: r.showInParticipantList ? 'on' : undefined,
  }
}
