'use client'

// Replaces the whole page, the root layout included, when that fails too (the layout reads the
// contact details from the database): a Swedish page of its own, which needs nothing from the
// database. Without it Next.js would answer with an empty document.
import { ErrorMessage } from '@/components/error-message'
import './globals.css'

export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="sv">
      <body>
        <title>Tekniskt fel – Mjölbybussen</title>
        <main id="innehall">
          <div className="wrap">
            <ErrorMessage retry={retry} />
          </div>
        </main>
      </body>
    </html>
  )
}
