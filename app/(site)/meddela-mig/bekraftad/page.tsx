import type { Metadata } from 'next'
import Link from 'next/link'

export const metadata: Metadata = { title: 'Adressen är bekräftad', robots: { index: false, follow: false } }

export default function InterestConfirmedPage() {
  return (
    <div className="prose">
      <h1>Adressen är bekräftad</h1>
      <p role="status">
        Tack! Vi mejlar dig när anmälan öppnar. Varje mejl har en länk som tar bort adressen från listan om du ångrar dig.
      </p>
      <p>
        <Link href="/">Till startsidan</Link>
      </p>
    </div>
  )
}
