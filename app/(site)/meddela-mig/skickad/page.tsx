import type { Metadata } from 'next'
import Link from 'next/link'

export const metadata: Metadata = { title: 'Kolla din e-post' }

// The same answer whether or not the address was on the list already (it reveals nothing).
export default function InterestSentPage() {
  return (
    <div className="prose">
      <h1>Kolla din e-post</h1>
      <p role="status">
        Tack! Om adressen inte redan står på listan har vi skickat ett mejl med en länk. Öppna länken och bekräfta, så mejlar
        vi dig när anmälan öppnar. Utan bekräftelse tas adressen bort efter två dygn.
      </p>
      <p>
        <Link href="/">Till startsidan</Link>
      </p>
    </div>
  )
}
