'use client'

// What a page shows when something fails on our side, such as the database being away for a
// moment: in Swedish, without details (those are in the server's log), and with a way back.
import Link from 'next/link'

export default function PageError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <div className="prose">
      <h1>Tekniskt fel</h1>
      <p>
        Något gick fel hos oss, så sidan kunde inte visas och det du skickade kanske inte sparades. Försök igen om en
        stund.
      </p>
      <p>
        <button type="button" className="button" onClick={() => retry()}>
          Försök igen
        </button>
      </p>
      <p>
        <Link href="/">Till startsidan</Link>
      </p>
    </div>
  )
}
