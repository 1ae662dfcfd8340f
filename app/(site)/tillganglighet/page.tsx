// The accessibility statement (tillgänglighetsredogörelse), in the shape Swedish public bodies
// publish under the law on accessible digital public services (DOS-lagen), following Digg's
// model: compliance, known gaps, how to report a problem (a form that reaches the organisers),
// the supervising authority, and how the site was tested.
import type { Metadata } from 'next'
import { formatPhone, phoneHref } from '@/lib/phone'
import { getSiteSettings } from '@/lib/settings/site-settings'
import { reportProblem } from './actions'
import { AccessibilityReportForm } from './report-form'

export const metadata: Metadata = { title: 'Tillgänglighetsredogörelse' }
export const revalidate = 60

export default async function AccessibilityPage() {
  const s = await getSiteSettings()
  return (
    <article className="prose">
      <h1>Tillgänglighet för Mjölbybussens webbplats</h1>
      <p>
        {s.organiserName} står bakom den här webbplatsen. Vi vill att så många som möjligt ska kunna använda den. Här
        beskriver vi hur webbplatsen uppfyller lagen om tillgänglighet till digital offentlig service, vilka kända
        brister den har och hur du kan rapportera problem till oss, så att vi kan åtgärda dem.
      </p>

      <h2>Hur tillgänglig är webbplatsen?</h2>
      <p>
        Webbplatsen är byggd för att uppfylla WCAG 2.1 på nivå AA. Alla sidor går att använda med enbart tangentbord,
        med skärmläsare och med texten förstorad till 200 procent. Anmälan och alla formulär fungerar även utan
        JavaScript.
      </p>

      <h2>Vad kan du göra om du inte kan använda delar av webbplatsen?</h2>
      <p>
        Behöver du innehåll i ett annat format, eller hjälp att anmäla dig, kan du kontakta oss på{' '}
        <a href={`mailto:${s.email}`}>{s.email}</a> eller ringa <a href={phoneHref(s.phone)}>{formatPhone(s.phone)}</a> ({s.phoneHours}).
      </p>

      <h2 id="rapportera">Rapportera brister i webbplatsens tillgänglighet</h2>
      <p>
        Vi strävar hela tiden efter att förbättra webbplatsens tillgänglighet. Om du upptäcker problem som inte
        beskrivs på den här sidan, eller om du anser att vi inte uppfyller lagens krav, meddela oss med formuläret
        nedan så att vi får veta att problemet finns. Rapporten går till arrangörerna. Du kan också mejla{' '}
        <a href={`mailto:${s.email}`}>{s.email}</a>.
      </p>
      <AccessibilityReportForm action={reportProblem} permalink="/tillganglighet" />

      <h2>Tillsyn</h2>
      <p>
        Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn över lagen om tillgänglighet till digital
        offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du{' '}
        <a href="https://www.digg.se/tdosanmalan">kontakta Digg och påtala det</a>.
      </p>

      <h2>Teknisk information om webbplatsens tillgänglighet</h2>
      <p>Den här webbplatsen är helt förenlig med lagen om tillgänglighet till digital offentlig service.</p>

      <h2>Hur vi testat webbplatsen</h2>
      <p>
        Vi har själva granskat webbplatsen. Vid varje ändring körs automatiska tester som går igenom alla sidor med
        verktyget axe mot WCAG 2.1 nivå A och AA, kontrollerar att sidornas HTML är giltig, och använder webbplatsen med
        enbart tangentbord, utan JavaScript och med texten förstorad till 200 procent.
      </p>
      <p>Redogörelsen uppdaterades senast den 29 november 2026.</p>
    </article>
  )
}
