// The site's settings, each part a form of its own: the contact details (every page's footer and
// every e-mail), the privacy notice (/integritet), how long personal data is kept (the retention
// job, lib/privacy) and the limits against abuse (lib/rate-limits).
import type { Metadata } from 'next'
import Link from 'next/link'
import { ContentForm } from '@/components/content-form/content-form'
import { AdminStatus } from '@/components/admin-status'
import { PRIVACY_FIELDS, rateLimitFields, RETENTION_FIELDS, SETTINGS_FIELDS } from '@/components/content-form/fields'
import { settingsFormValues } from '@/lib/settings/edit'
import type { RateLimitSetting } from '@/lib/settings/keys'
import { requireOrganiser } from '@/lib/auth/session'
import { INBOX_CEILING, LIMITS } from '@/lib/rate-limits'
import { savePrivacyAction, saveRateLimitsAction, saveRetentionAction, saveSettingsAction } from './actions'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Inställningar', robots: { index: false, follow: false } }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

// The confirmations of this page's own forms (the contact form's is AdminStatus's).
const SAVED: Record<string, string> = {
  'integritet-sparad': 'Integritetsmeddelandet är sparat och visas på sidan Integritet.',
  'lagring-sparad': 'Lagringstiderna är sparade. Integritetsmeddelandet visar de nya tiderna, och gallringen i natt följer dem.',
  'granser-sparade': 'Gränserna är sparade och gäller från och med nu.',
}

/** Each limit's window, by its setting, for the fields' hints. */
const limitWindows: Partial<Record<RateLimitSetting, number>> = Object.fromEntries(
  [...Object.values(LIMITS).flatMap((l) => [l.address, l.email, l.registration]), INBOX_CEILING].flatMap((x) => (x ? [[x.setting, x.windowSeconds]] : [])),
)

export default async function SettingsPage({ searchParams }: Props) {
  await requireOrganiser()
  const [{ values, isPlaceholder }, query] = await Promise.all([settingsFormValues(), searchParams])
  const saved = typeof query.status === 'string' ? SAVED[query.status] : undefined
  return (
    <>
      <p>
        <Link href="/admin/innehall">Innehåll</Link>
      </p>
      <h1>Inställningar</h1>
      <AdminStatus status={query.status} />
      {saved && (
        <div className="notice notice--ok" role="status">
          <p>{saved}</p>
        </div>
      )}
      <nav aria-labelledby="delar">
        <h2 id="delar" className="visually-hidden">
          Delar av sidan
        </h2>
        <ul>
          <li>
            <a href="#kontaktuppgifter">Kontaktuppgifter</a>
          </li>
          <li>
            <a href="#integritetsmeddelande">Integritetsmeddelande</a>
          </li>
          <li>
            <a href="#lagringstider">Lagringstider</a>
          </li>
          <li>
            <a href="#granser">Gränser mot missbruk</a>
          </li>
        </ul>
      </nav>

      <section aria-labelledby="kontaktuppgifter">
        <h2 id="kontaktuppgifter">Kontaktuppgifter</h2>
        <p>Visas längst ned på varje sida och i varje e-postmeddelande.</p>
        {isPlaceholder && (
          <div className="notice notice--warn">
            <p>Uppgifterna är fortfarande exempel. När du sparar dem slutar sidfoten kalla dem exempel.</p>
          </div>
        )}
        <ContentForm action={saveSettingsAction} fields={SETTINGS_FIELDS} initial={values} submitLabel="Spara kontaktuppgifterna" idPrefix="kontakt" permalink="/admin/installningar" />
      </section>

      <section aria-labelledby="integritetsmeddelande">
        <h2 id="integritetsmeddelande">Integritetsmeddelande</h2>
        <p>
          Visas på sidan <Link href="/integritet">Integritet</Link>, som anmälningsformuläret länkar till. Ändamål, vilka
          uppgifter som sparas och de registrerades rättigheter står där redan; lagringstiderna hämtas från nästa del.
        </p>
        <ContentForm action={savePrivacyAction} fields={PRIVACY_FIELDS} initial={values} submitLabel="Spara integritetsmeddelandet" idPrefix="integritet" permalink="/admin/installningar" />
      </section>

      <section aria-labelledby="lagringstider">
        <h2 id="lagringstider">Lagringstider</h2>
        <p>
          Varje natt avidentifieras anmälningarna till resor som slutade för längre sedan än så, och svar om specialkost och
          skickad e-post tas bort. Antalet anmälda finns kvar för statistik. Integritetsmeddelandet visar tiderna.
        </p>
        <ContentForm action={saveRetentionAction} fields={RETENTION_FIELDS} initial={values} submitLabel="Spara lagringstiderna" idPrefix="lagring" permalink="/admin/installningar" />
      </section>

      <section aria-labelledby="granser">
        <h2 id="granser">Gränser mot missbruk</h2>
        <p>
          Hur många anmälningar, beställda länkar, inloggningsförsök och felanmälningar som tas emot innan sidan ber om att
          vänta en stund. En kommuns kontor når ofta sidan från samma adress, så gränserna per klientadress ska vara
          generösa: en hel arbetsplats ska kunna anmäla sig strax efter en inbjudan.
        </p>
        <ContentForm action={saveRateLimitsAction} fields={rateLimitFields(limitWindows)} initial={values} submitLabel="Spara gränserna" idPrefix="granser" permalink="/admin/installningar" />
      </section>
    </>
  )
}
