import type { Metadata } from 'next'
import Link from 'next/link'

export const metadata: Metadata = { title: 'Tack för din rapport' }

export default function ReportSentPage() {
  return (
    <div className="prose">
      <h1>Tack för din rapport</h1>
      <p>
        Rapporten har gått till arrangörerna. Har du lämnat din e-postadress får du svar så snart vi har tittat på
        problemet.
      </p>
      <p>
        <Link href="/tillganglighet">Tillbaka till tillgänglighetsredogörelsen</Link>
      </p>
    </div>
  )
}
