import Link from 'next/link'
import { formatPhone, phoneHref } from '@/lib/phone'
import type { SiteSettings } from '@/lib/settings/site-settings'

export function SiteFooter({ settings }: { settings: SiteSettings }) {
  return (
    <footer className="site-footer">
      <div className="wrap">
        <section aria-labelledby="kontakt-rubrik">
          <h2 id="kontakt-rubrik">Kontakt</h2>
          <p>{settings.organiserName}</p>
          <p>
            Telefon: <a href={phoneHref(settings.phone)}>{formatPhone(settings.phone)}</a> ({settings.phoneHours})
          </p>
          <p>
            E-post: <a href={`mailto:${settings.email}`}>{settings.email}</a>
          </p>
          {settings.visitingAddress && <p>Besök: {settings.visitingAddress}</p>}
          <p>Post: {settings.postalAddress}</p>
          {settings.isPlaceholder && (
            <p>
              <em>Kontaktuppgifterna är platshållare tills arrangörerna har fyllt i sina.</em>
            </p>
          )}
        </section>
        <section aria-labelledby="om-sajten-rubrik">
          <h2 id="om-sajten-rubrik">Om webbplatsen</h2>
          <ul>
            <li>
              <Link href="/integritet">Så hanterar vi personuppgifter</Link>
            </li>
            <li>
              <Link href="/tillganglighet">Tillgänglighetsredogörelse</Link>
            </li>
          </ul>
        </section>
      </div>
    </footer>
  )
}
