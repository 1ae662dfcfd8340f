// The public pages' frame: the site's header, the page in the reading width, the footer with the
// contact details. The (site) route group's layout and the root not-found page share it (a
// not-found page replaces the group's layout, so it draws the frame itself).
import type { ReactNode } from 'react'
import { SiteFooter } from '@/components/site-footer'
import { SiteHeader } from '@/components/site-header'
import { getSiteSettings } from '@/lib/settings/site-settings'

export async function SiteFrame({ children }: { children: ReactNode }) {
  const settings = await getSiteSettings()
  return (
    <>
      <SiteHeader />
      <main id="innehall" tabIndex={-1}>
        <div className="wrap">{children}</div>
      </main>
      <SiteFooter settings={settings} />
    </>
  )
}
