// Where a cancellation with erased data ends: the personal link no longer works.
import type { Metadata } from 'next'
import Link from 'next/link'

export const metadata: Metadata = { title: 'Anmälan avbokad', robots: { index: false, follow: false } }

export default function CancelledAndErasedPage() {
  return (
    <div className="prose">
      <h1>Din anmälan är avbokad</h1>
      <div className="notice notice--ok" role="status">
        <p>Din anmälan är avbokad och dina personuppgifter är borttagna.</p>
      </div>
      <p>
        Länken till anmälan fungerar inte längre. Vill du följa med ändå, anmäl dig igen på resans sida så länge anmälan
        är öppen.
      </p>
      <p>
        <Link href="/resor">Till resorna</Link>
      </p>
    </div>
  )
}
