'use server'

// The accessibility statement's report form: a thin shell over lib/accessibility/report.ts.
import { headers } from 'next/headers'
import { notFound, redirect } from 'next/navigation'
import { submitAccessibilityReport } from '@/lib/accessibility/report'
import type { ReportField } from '@/lib/accessibility/report-fields'
import { clientAddress } from '@/lib/auth/client-address'
import type { FormState } from '@/lib/forms/form-state'

export type ReportFormState = FormState<ReportField, string>

export async function reportProblem(_previous: ReportFormState, formData: FormData): Promise<ReportFormState> {
  if (!(formData instanceof FormData)) notFound() // a tampered post (see app/(site)/resor/[slug]/anmalan/actions.ts)
  const outcome = await submitAccessibilityReport(Object.fromEntries(formData), clientAddress(await headers()))
  if (outcome.kind === 'invalid') return { values: outcome.values, fieldErrors: outcome.fieldErrors }
  if (outcome.kind === 'rate-limited') return { values: outcome.values, message: outcome.message }
  redirect('/tillganglighet/tack')
}
