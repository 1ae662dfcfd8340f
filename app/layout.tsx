import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'
import { SiteFooter } from '@/components/site-footer'
import { SiteHeader } from '@/components/site-header'
import { getSiteSettings } from '@/lib/settings/site-settings'
import './globals.css'

export const metadata: Metadata = {
  title: { default: 'Mjölbybussen', template: '%s – Mjölbybussen' },
  description:
    'Mjölbybussen är studieresan som tar företagare, politiker och tjänstepersoner i Mjölby kommun till en annan ort för att lära.',
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 }

export default async function RootLayout({ children }: { children: ReactNode }) {
  const settings = await getSiteSettings()
  return (
    <html lang="sv">
      <body>
        <a className="skip-link" href="#innehall">
          Hoppa till innehållet
        </a>
        <SiteHeader />
        <main id="innehall" tabIndex={-1}>
          <div className="wrap">{children}</div>
        </main>
        <SiteFooter settings={settings} />
      </body>
    </html>
  )
}
