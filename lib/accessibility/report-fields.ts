// The report form's fields and labels, apart from report.ts so that the form (a client
// component) can use them without pulling the database into the browser.
export const REPORT_FIELDS = ['description', 'page', 'email'] as const
export type ReportField = (typeof REPORT_FIELDS)[number]
export type ReportValues = Partial<Record<ReportField, string>>

export const REPORT_LABELS: Record<ReportField, string> = {
  description: 'Beskriv problemet',
  page: 'Var på webbplatsen?',
  email: 'Din e-postadress',
}
