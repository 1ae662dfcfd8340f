// What an organiser does to one registration from its detail page (and the check-in list):
// correct the answers, confirm (or overbook), move to the waiting list, cancel, bring a cancelled
// one back, check in and resend the latest e-mail. Each runs in one transaction that first locks
// the trip's row (../trips/lock.ts, as signups and cancellations do), so the seat count it reads
// is final while it decides, writes its audit entry and queues the participant's e-mail to the
// outbox in the same transaction. Expected outcomes (wrong status, no seat, a taken address …)
// are results, never exceptions; the server actions are thin shells.
import { changedFields, recordAudit } from '../admin/audit'
import { db, QUEUED_TRANSACTION, type Tx } from '../db'
import type { RegistrationStatus } from '../generated/prisma/enums'
import { confirmedCount, hasFreeSeat } from '../trips/availability'
import { lockTrip, type LockedTrip } from '../trips/lock'
import { promoteFirstWaiting } from './cancel'
import { retireLinks } from './email-change'
import { queueRegistrationEmail } from './notifications'
import { parseSignup, readSignupValues, STATUS_LABEL, type SignupField, type SignupValues } from './schema'
import { EMAIL_TAKEN } from './update'
import { waitlistPositionOf } from './waitlist'

type NotFound = { kind: 'not-found' }
type WrongStatus = { kind: 'wrong-status'; status: RegistrationStatus }
type Anonymised = { kind: 'anonymised' }

export type CorrectResult =
  | { kind: 'updated'; changed: string[] }
  | { kind: 'invalid'; values: SignupValues; fieldErrors: Partial<Record<SignupField, string>> }
  | NotFound
  | Anonymised
export type ConfirmResult = { kind: 'confirmed'; overbooked: boolean } | { kind: 'no-seat' } | NotFound | WrongStatus
export type WaitlistResult = { kind: 'waitlisted'; position: number } | NotFound | WrongStatus
export type CancelByOrganiserResult = { kind: 'cancelled'; promotedRegistrationId: number | null } | NotFound | WrongStatus
export type ReinstateResult =
  | { kind: 'reinstated'; status: 'CONFIRMED' | 'WAITLISTED'; overbooked: boolean }
  | { kind: 'email-taken' }
  | NotFound
  | WrongStatus
  | Anonymised
export type CheckInResult = { kind: 'checked-in' } | { kind: 'check-in-undone' } | { kind: 'unchanged' } | NotFound | WrongStatus
export type ResendResult = { kind: 'resent'; emailKind: 'confirmed' | 'waitlisted' | 'cancelled' } | NotFound | Anonymised


/**
 * Runs `work` in a transaction holding the lock of the registration's trip, with the registration
 * read after the lock (so a change that committed while we waited is seen).
 */
async function withTripLock<R>(
  registrationId: number,
  work: (tx: Tx, trip: LockedTrip, registration: NonNullable<Awaited<ReturnType<typeof readRegistration>>>) => Promise<R>,
): Promise<R | NotFound> {
  if (!Number.isSafeInteger(registrationId) || registrationId <= 0) return { kind: 'not-found' }
  return db().$transaction(async (tx) => {
    const trip = await lockTrip(tx, { registrationId })
    if (!trip) return { kind: 'not-found' } as const
    const registration = await readRegistration(tx, registrationId)
    if (!registration) return { kind: 'not-found' } as const
    return work(tx, trip, registration)
  }, QUEUED_TRANSACTION)
}

function readRegistration(tx: Tx, id: number) {
  return tx.registration.findUnique({ where: { id } })
}

const nameOf = (r: { firstName: string; lastName: string }) => `${r.firstName} ${r.lastName}`.trim()

/** Corrects any answer, read by the public form's schema. The change deadline does not apply. */
export async function correctRegistration(actor: string, registrationId: number, raw: Record<string, unknown>): Promise<CorrectResult> {
  return withTripLock(registrationId, async (tx, trip, registration) => {
    if (registration.anonymisedAt) return { kind: 'anonymised' } as const
    const stops = await tx.boardingStop.findMany({ where: { tripId: trip.id }, select: { id: true }, orderBy: { position: 'asc' } })
    // The privacy notice was accepted at signup; the organiser's form has no checkbox for it.
    const parsed = parseSignup({ ...raw, privacyAccepted: 'on' }, { hasOvernight: trip.hasOvernight, boardingStopIds: stops.map((s) => s.id) })
    if (!parsed.ok) return { kind: 'invalid', values: parsed.values, fieldErrors: parsed.fieldErrors } as const
    const input = parsed.data

    if (registration.status !== 'CANCELLED') {
      const taken = await tx.registration.findFirst({
        where: { tripId: trip.id, email: input.email, status: { in: ['CONFIRMED', 'WAITLISTED'] }, id: { not: registration.id } },
        select: { id: true },
      })
      if (taken) return { kind: 'invalid', values: readSignupValues(raw), fieldErrors: { email: EMAIL_TAKEN } } as const
    }

    const changes = changedFields(registration, input)
    const changed = Object.keys(changes)
    if (changed.length === 0) return { kind: 'updated', changed } as const
    await tx.registration.update({ where: { id: registration.id }, data: input })
    // A new address: the links in e-mails to the old one stop working (the 'changed' e-mail
    // below carries a fresh one to the new address).
    if (input.email !== registration.email) await retireLinks(tx, registration.id)
    await recordAudit(tx, {
      actor,
      action: 'registration.updated',
      entityType: 'registration',
      entityId: registration.id,
      tripId: registration.tripId,
      summary: `Ändrade uppgifter för ${nameOf(input)}`,
      changes,
    })
    // A cancelled registration is corrected quietly: the person is no longer on the trip.
    if (registration.status !== 'CANCELLED') await queueRegistrationEmail(tx, registration.id, 'changed')
    return { kind: 'updated', changed } as const
  })
}

/**
 * Gives a waiting participant a seat: only while one is free, unless `overbook` (the organiser's
 * explicit choice to take more people than the trip has seats).
 */
export async function confirmRegistration(
  actor: string,
  registrationId: number,
  { overbook }: { overbook: boolean },
): Promise<ConfirmResult> {
  return withTripLock(registrationId, async (tx, trip, registration) => {
    if (registration.status !== 'WAITLISTED') return { kind: 'wrong-status', status: registration.status } as const
    const confirmed = await confirmedCount(tx, trip.id)
    const overbooked = !hasFreeSeat(trip.seats, confirmed)
    if (overbooked && !overbook) return { kind: 'no-seat' } as const
    await tx.registration.update({ where: { id: registration.id }, data: { status: 'CONFIRMED' } })
    await recordAudit(tx, {
      actor,
      action: 'registration.confirmed',
      entityType: 'registration',
      entityId: registration.id,
      tripId: registration.tripId,
      summary: `Bekräftade ${nameOf(registration)}${overbooked ? ` (överbokad: ${confirmed + 1} av ${trip.seats} platser)` : ''}`,
      changes: { status: { from: registration.status, to: 'CONFIRMED' } },
    })
    await queueRegistrationEmail(tx, registration.id, 'promoted')
    return { kind: 'confirmed', overbooked } as const
  })
}

/**
 * Moves a confirmed participant to the waiting list, in their order of arrival (so possibly ahead
 * of people who signed up later). The seat this frees is NOT given to anyone automatically: the
 * organiser moved this person for a reason (often to make room for someone particular) and
 * decides who gets the seat, by confirming them from the waiting list.
 */
export async function moveToWaitlist(actor: string, registrationId: number): Promise<WaitlistResult> {
  return withTripLock(registrationId, async (tx, _trip, registration) => {
    if (registration.status !== 'CONFIRMED') return { kind: 'wrong-status', status: registration.status } as const
    await tx.registration.update({ where: { id: registration.id }, data: { status: 'WAITLISTED', checkedInAt: null } })
    const position = (await waitlistPositionOf({ ...registration, status: 'WAITLISTED' }, tx))!
    await recordAudit(tx, {
      actor,
      action: 'registration.waitlisted',
      entityType: 'registration',
      entityId: registration.id,
      tripId: registration.tripId,
      summary: `Flyttade ${nameOf(registration)} till reservlistan (plats ${position})`,
      changes: { status: { from: registration.status, to: 'WAITLISTED' } },
    })
    await queueRegistrationEmail(tx, registration.id, 'waitlisted')
    return { kind: 'waitlisted', position } as const
  })
}

/**
 * Cancels an active registration. A freed seat goes to the first person waiting, exactly as when
 * participants cancel themselves (the shared promoteFirstWaiting). The participant gets the
 * 'cancelled' e-mail, the promoted one the 'promoted' e-mail; the organisers get no notice of
 * a cancellation one of them made.
 */
export async function cancelByOrganiser(actor: string, registrationId: number, now: Date = new Date()): Promise<CancelByOrganiserResult> {
  return withTripLock(registrationId, async (tx, trip, registration) => {
    if (registration.status === 'CANCELLED') return { kind: 'wrong-status', status: registration.status } as const
    const wasConfirmed = registration.status === 'CONFIRMED'
    await tx.registration.update({ where: { id: registration.id }, data: { status: 'CANCELLED', cancelledAt: now, checkedInAt: null } })
    const promotedRegistrationId = wasConfirmed ? await promoteFirstWaiting(tx, trip) : null
    await recordAudit(tx, {
      actor,
      action: 'registration.cancelled',
      entityType: 'registration',
      entityId: registration.id,
      tripId: registration.tripId,
      summary: `Avbokade ${nameOf(registration)}`,
      changes: { status: { from: registration.status, to: 'CANCELLED' } },
    })
    if (promotedRegistrationId !== null) {
      const promoted = await tx.registration.findUniqueOrThrow({ where: { id: promotedRegistrationId } })
      await recordAudit(tx, {
        actor,
        action: 'registration.promoted',
        entityType: 'registration',
        entityId: promotedRegistrationId,
        tripId: promoted.tripId,
        // Not the cancelled person's name: this entry belongs to the promoted registration and
        // stays when the other's data is erased.
        summary: `${nameOf(promoted)} fick platsen från reservlistan när anmälan ${registration.id} avbokades`,
        changes: { status: { from: 'WAITLISTED', to: 'CONFIRMED' } },
      })
    }
    if (!registration.anonymisedAt) await queueRegistrationEmail(tx, registration.id, 'cancelled')
    return { kind: 'cancelled', promotedRegistrationId } as const
  })
}

/**
 * Brings back a cancelled registration (cancelled by mistake, or the person changed their mind):
 * with a seat when one is free, or when the organiser chooses to overbook; otherwise on the
 * waiting list, in their original order of arrival. Not when their data was erased, nor when the
 * same address has signed up again since (that registration is the one that counts).
 */
export async function reinstateRegistration(
  actor: string,
  registrationId: number,
  { overbook }: { overbook: boolean },
): Promise<ReinstateResult> {
  return withTripLock(registrationId, async (tx, trip, registration) => {
    if (registration.status !== 'CANCELLED') return { kind: 'wrong-status', status: registration.status } as const
    if (registration.anonymisedAt) return { kind: 'anonymised' } as const
    const [confirmed, sameAddress] = await Promise.all([
      confirmedCount(tx, trip.id),
      tx.registration.count({ where: { tripId: trip.id, email: registration.email, status: { not: 'CANCELLED' } } }),
    ])
    if (sameAddress > 0) return { kind: 'email-taken' } as const
    const seatFree = hasFreeSeat(trip.seats, confirmed)
    const status = seatFree || overbook ? 'CONFIRMED' : 'WAITLISTED'
    await tx.registration.update({ where: { id: registration.id }, data: { status, cancelledAt: null } })
    const position = status === 'WAITLISTED' ? await waitlistPositionOf({ ...registration, status }, tx) : null
    await recordAudit(tx, {
      actor,
      action: 'registration.reinstated',
      entityType: 'registration',
      entityId: registration.id,
      tripId: registration.tripId,
      summary:
        status === 'CONFIRMED'
          ? `Återställde ${nameOf(registration)} med plats${seatFree ? '' : ` (överbokad: ${confirmed + 1} av ${trip.seats} platser)`}`
          : `Återställde ${nameOf(registration)} till reservlistan (plats ${position})`,
      changes: { status: { from: registration.status, to: status } },
    })
    await queueRegistrationEmail(tx, registration.id, 'reinstated')
    return { kind: 'reinstated', status, overbooked: !seatFree && status === 'CONFIRMED' } as const
  })
}

/** Ticks a confirmed participant off at departure (`checkedIn`), or undoes it. */
export async function checkIn(actor: string, registrationId: number, checkedIn: boolean, now: Date = new Date()): Promise<CheckInResult> {
  return withTripLock(registrationId, async (tx, _trip, registration) => {
    if (checkedIn && registration.status !== 'CONFIRMED') return { kind: 'wrong-status', status: registration.status } as const
    if (checkedIn === (registration.checkedInAt !== null)) return { kind: 'unchanged' } as const
    const checkedInAt = checkedIn ? now : null
    await tx.registration.update({ where: { id: registration.id }, data: { checkedInAt } })
    await recordAudit(tx, {
      actor,
      action: 'registration.checked_in',
      entityType: 'registration',
      entityId: registration.id,
      tripId: registration.tripId,
      summary: checkedIn ? `Checkade in ${nameOf(registration)}` : `Ångrade incheckningen av ${nameOf(registration)}`,
      changes: { checkedInAt: { from: registration.checkedInAt, to: checkedInAt } },
    })
    return { kind: checkedIn ? 'checked-in' : 'check-in-undone' } as const
  })
}

/** Queues again the e-mail of the registration's current status, with a new personal link. */
export async function resendLatestEmail(actor: string, registrationId: number): Promise<ResendResult> {
  return withTripLock(registrationId, async (tx, _trip, registration) => {
    if (registration.anonymisedAt) return { kind: 'anonymised' } as const
    const emailKind = ({ CONFIRMED: 'confirmed', WAITLISTED: 'waitlisted', CANCELLED: 'cancelled' } as const)[registration.status]
    await queueRegistrationEmail(tx, registration.id, emailKind)
    await recordAudit(tx, {
      actor,
      action: 'registration.email_resent',
      entityType: 'registration',
      entityId: registration.id,
      tripId: registration.tripId,
      summary: `Skickade mejlet om status ${STATUS_LABEL[registration.status].toLowerCase()} igen till ${registration.email}`,
    })
    return { kind: 'resent', emailKind } as const
  })
}
