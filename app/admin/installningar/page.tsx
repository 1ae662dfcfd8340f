// The contact settings: what every page's footer and every e-mail says about whom to contact.
import type { Metadata } from 'next'
import Link from 'next/link'
import { ContentForm } from '@/components/admin-form'
import { AdminStatus } from '@/components/admin-status'
import { SETTINGS_FIELDS } from '@/lib/admin/content-fields'
import { settingsFormValues } from '@/lib/admin/content-queries'
import { requireOrganiser } from '@/lib/auth/session'
import { saveSettingsAction } from './actions'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Kontaktuppgifter', robots: { index: false, follow: false } }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function SettingsPage({ searchParams }: Props) {
  await requireOrganiser()
  const [{ values, isPlaceholder }, query] = await Promise.all([settingsFormValues(), searchParams])
  return (
    <>
      <p>
        <Link href="/admin/innehall">Innehåll</Link>
      </p>
      <h1>Kontaktuppgifter</h1>
      <AdminStatus status={query.status} />
      <p>Visas längst ned på varje sida och i varje e-postmeddelande.</p>
      {isPlaceholder && (
        <div className="notice notice--warn">
          <p>Uppgifterna är fortfarande exempel. När du sparar dem slutar sidfoten kalla dem exempel.</p>
        </div>
      )}
      <ContentForm action={saveSettingsAction} fields={SETTINGS_FIELDS} initial={values} submitLabel="Spara kontaktuppgifterna" idPrefix="kontakt" />
    </>
  )
}
