import type { Metadata } from 'next'
import Link from 'next/link'

export const metadata: Metadata = { title: 'Länken är på väg' }

export default async function LinkSentPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  return (
    <div className="prose">
      <h1>Länken är på väg</h1>
      <div className="notice notice--ok" role="status">
        <p>
          Om adressen finns bland anmälningarna till resan har vi skickat en ny länk dit, så länge den inte redan har fått
          många mejl från oss den senaste tiden. Kolla din inkorg, och skräpposten, om en liten stund.
        </p>
      </div>
      <p>Kommer inget mejl? Kontakta arrangörerna, se kontaktuppgifterna längst ner på sidan.</p>
      <p>
        <Link href={`/resor/${slug}`}>Tillbaka till resan</Link>
      </p>
    </div>
  )
}
