// Who a message from the organisers goes to. Kept apart from lib/admin/messages.ts (which
// reaches the database) because the message form in the browser lists these too.
export const AUDIENCES = {
  confirmed: { label: 'Alla bekräftade', statuses: ['CONFIRMED'] },
  waitlisted: { label: 'Alla på reservlistan', statuses: ['WAITLISTED'] },
  all: { label: 'Alla (bekräftade och reservlista)', statuses: ['CONFIRMED', 'WAITLISTED'] },
} as const
export type Audience = keyof typeof AUDIENCES
