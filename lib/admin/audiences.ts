// Who a message from the organisers goes to. Kept apart from lib/admin/messages.ts (which
// reaches the database) because the message form in the browser lists these too.
export const AUDIENCES = {
  confirmed: { label: 'Alla bekräftade', statuses: ['CONFIRMED'] },
  waitlisted: { label: 'Alla på reservlistan', statuses: ['WAITLISTED'] },
  all: { label: 'Alla (bekräftade och reservlista)', statuses: ['CONFIRMED', 'WAITLISTED'] },
} as const
export type Audience = keyof typeof AUDIENCES

/** The recipients as the confirmation names them: "23 bekräftade deltagare", "1 person på reservlistan". */
export function recipientsText(count: number, audience: Audience): string {
  const people = count === 1 ? 'person' : 'personer'
  if (audience === 'confirmed') return count === 1 ? '1 bekräftad deltagare' : `${count} bekräftade deltagare`
  if (audience === 'waitlisted') return `${count} ${people} på reservlistan`
  return `${count} ${people}, bekräftade och på reservlistan`
}
