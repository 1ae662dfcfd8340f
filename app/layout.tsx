// The document every page shares. Its frame is the route's own: the public pages' in
// app/(site)/layout.tsx, the organisers' in app/admin/layout.tsx.
import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'
import './globals.css'

export const metadata: Metadata = {
  title: { default: 'Mjölbybussen', template: '%s – Mjölbybussen' },
  description:
    'Mjölbybussen är studieresan som tar företagare, politiker och tjänstepersoner i Mjölby kommun till en annan ort för att lära.',
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 }

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="sv">
      <body>
        <a className="skip-link" href="#innehall">
          Hoppa till innehållet
        </a>
        {children}
      </body>
    </html>
  )
}
