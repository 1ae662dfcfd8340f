import type { Metadata } from 'next'
import { getSiteSettings } from '@/lib/settings/site-settings'

export const metadata: Metadata = { title: 'Tillgänglighetsredogörelse' }
export const revalidate = 60

export default async function AccessibilityPage() {
  const s = await getSiteSettings()
  return (
    <article className="prose">
      <h1>Tillgänglighet för Mjölbybussens webbplats</h1>
      <p>
        {s.organiserName} står bakom den här webbplatsen. Vi vill att så många som möjligt ska kunna använda den. Här
        beskriver vi hur webbplatsen uppfyller lagen om tillgänglighet till digital offentlig service, kända brister och
        hur du kan rapportera problem.
      </p>
      <h2>Hur tillgänglig är webbplatsen?</h2>
      <p>
        Webbplatsen är byggd för att uppfylla WCAG 2.1 på nivå AA. Alla sidor går att använda med enbart tangentbord och
        med skärmläsare, anmälan fungerar utan JavaScript, och varje sida testas automatiskt med verktyget axe innan den
        publiceras.
      </p>
      <h2>Kända brister</h2>
      <p>Vi känner inte till några brister just nu. Hittar du en vill vi gärna veta det.</p>
      <h2>Rapportera brister</h2>
      <p>
        Om du behöver innehåll i ett annat format, eller stöter på problem med webbplatsen, kontakta oss på{' '}
        <a href={`mailto:${s.email}`}>{s.email}</a> eller telefon {s.phone} ({s.phoneHours}).
      </p>
      <h2>Tillsyn</h2>
      <p>
        Myndigheten för digital förvaltning (Digg) har ansvar för tillsyn över lagen om tillgänglighet till digital
        offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta Digg och påtala det
        (digg.se).
      </p>
      <h2>Hur vi testat webbplatsen</h2>
      <p>
        Vi testar webbplatsen själva med automatiska kontroller (axe) och med tangentbord vid varje ändring.
        Redogörelsen uppdaterades senast den 21 november 2026.
      </p>
    </article>
  )
}
