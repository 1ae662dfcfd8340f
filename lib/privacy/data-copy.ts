// A copy of one's own data (the right of access, GDPR art. 15), downloaded as JSON from the
// personal link. The keys are Swedish and read as the form's labels do, since the person reading
// the file is the participant; dates are ISO 8601 (calendar days as YYYY-MM-DD). The e-mails
// are listed by subject, time and state, never with their text (which held working links). The
// history of changes (the audit log's entries for the registration) is part of it too: it holds
// earlier values of the answers.
import { db } from '../db'
import { env } from '../env'
import type { OutboxStatus } from '../generated/prisma/enums'
import { findRegistrationByToken } from '../registrations/manage'
import { AUDIT_FIELD_LABELS, overnightLabel, roleLabel, SIGNUP_LABELS, STATUS_LABEL } from '../registrations/schema'


const EMAIL_STATUS_LABEL: Record<OutboxStatus, string> = {
  QUEUED: 'Väntar på att skickas',
  SENDING: 'Skickas',
  SENT: 'Skickat',
  FAILED: 'Kunde inte levereras',
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null)
const moment = (d: Date | null) => (d ? d.toISOString() : null)

/** The copy for the registration behind this personal link, or null for an unknown link. */
export async function copyOfOwnData(token: string, now: Date = new Date()) {
  const r = await findRegistrationByToken(token)
  if (!r) return null
  const [emails, history, settings] = await Promise.all([
    db().outboxMessage.findMany({
      where: { registrationId: r.id },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { subject: true, createdAt: true, sentAt: true, status: true },
    }),
    db().auditEntry.findMany({
      where: { entityType: 'registration', entityId: String(r.id) },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
      select: { at: true, summary: true, changes: true },
    }),
    db().siteSettings.findUniqueOrThrow({ where: { id: 1 }, select: { organiserName: true, privacyController: true, email: true } }),
  ])
  const { publicUrl } = env()
  return {
    Om: {
      Beskrivning: 'En kopia av de uppgifter Mjölbybussen har om dig och din anmälan.',
      Hämtad: now.toISOString(),
      Personuppgiftsansvarig: settings.privacyController ?? settings.organiserName,
      Kontakt: settings.email,
      Integritetsmeddelande: `${publicUrl}/integritet`,
    },
    Resa: {
      Namn: r.trip.title,
      Adress: `${publicUrl}/resor/${r.trip.slug}`,
      'Första dagen': day(r.trip.startDate),
      'Sista dagen': day(r.trip.endDate ?? r.trip.startDate),
    },
    Anmälan: {
      Nummer: r.id,
      Status: STATUS_LABEL[r.status],
      'Plats på reservlistan': r.waitlistPosition,
      Anmäld: moment(r.createdAt),
      'Senast ändrad': moment(r.updatedAt),
      'Integritetsmeddelandet godkänt': moment(r.privacyAcceptedAt),
      Avbokad: moment(r.cancelledAt),
      Incheckad: moment(r.checkedInAt),
    },
    Svar: {
      [SIGNUP_LABELS.firstName]: r.firstName,
      [SIGNUP_LABELS.lastName]: r.lastName,
      [SIGNUP_LABELS.email]: r.email,
      // Only while a change of address waits for confirmation (lib/registrations/email-change.ts).
      ...(r.emailChange && { 'Ny e-postadress som väntar på bekräftelse': r.emailChange.newEmail }),
      [SIGNUP_LABELS.phone]: r.phone,
      [SIGNUP_LABELS.organisation]: r.organisation,
      [SIGNUP_LABELS.role]: roleLabel(r.role),
      [SIGNUP_LABELS.dietaryNeeds]: r.dietaryNeeds,
      [SIGNUP_LABELS.overnight]: r.overnight ? overnightLabel(r.overnight) : null,
      [SIGNUP_LABELS.shareRoomWith]: r.shareRoomWith,
      [SIGNUP_LABELS.boardingStopId]: r.boardingStop?.name ?? null,
      [SIGNUP_LABELS.otherInfo]: r.otherInfo,
      'Visa mitt namn och min organisation i listan över deltagare': r.showInParticipantList,
    },
    Ändringar: history.map((entry) => ({
      Tid: moment(entry.at),
      Händelse: entry.summary,
      ...(changedFields(entry.changes) && { Ändrat: changedFields(entry.changes) }),
    })),
    'E-post till dig': emails.map((e) => ({
      Ämne: e.subject,
      Skapat: moment(e.createdAt),
      Skickat: moment(e.sentAt),
      Status: EMAIL_STATUS_LABEL[e.status],
    })),
  }
}

export type OwnDataCopy = NonNullable<Awaited<ReturnType<typeof copyOfOwnData>>>

/** An audit entry's changed fields, by the form's labels: { Organisation: { Från, Till } }. */
function changedFields(changes: unknown): Record<string, { Från: unknown; Till: unknown }> | null {
  if (!changes || typeof changes !== 'object' || Array.isArray(changes)) return null
  const fields = Object.entries(changes as Record<string, { from?: unknown; to?: unknown }>)
  if (fields.length === 0) return null
  return Object.fromEntries(fields.map(([field, change]) => [AUDIT_FIELD_LABELS[field] ?? field, { Från: change?.from ?? null, Till: change?.to ?? null }]))
}
