import type { Metadata } from 'next'
import Link from 'next/link'

export const metadata: Metadata = { title: 'Adressen är borttagen', robots: { index: false, follow: false } }

export default function InterestUnsubscribedPage() {
  return (
    <div className="prose">
      <h1>Adressen är borttagen</h1>
      <p role="status">Din e-postadress står inte längre på listan. Vi skickar inga fler mejl om när anmälan öppnar.</p>
      <p>
        <Link href="/">Till startsidan</Link>
      </p>
    </div>
  )
}
