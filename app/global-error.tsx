'use client'

// Replaces the whole page, the root layout included, when that fails too (the layout reads the
// contact details from the database): a Swedish page of its own, which needs nothing from the
// database. Without it Next.js would answer with an empty document.
import './globals.css'

export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="sv">
      <body>
        <title>Tekniskt fel – Mjölbybussen</title>
        <main id="innehall">
          <div className="wrap prose">
            <h1>Tekniskt fel</h1>
            <p>
              Något gick fel hos oss, så sidan kunde inte visas och det du skickade kanske inte sparades. Försök igen om
              en stund.
            </p>
            <p>
              <button type="button" className="button" onClick={() => retry()}>
                Försök igen
              </button>
            </p>
            <p>
              {/* A plain link: the router may be what failed. */}
              <a href="/">Till startsidan</a>
            </p>
          </div>
        </main>
      </body>
    </html>
  )
}
