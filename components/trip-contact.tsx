import { formatPhone, phoneHref } from '@/lib/phone'
import type { SiteSettings } from '@/lib/settings/site-settings'

/** Whom to ask about a trip: the organisers' contact settings, in a sentence. */
export function TripContact({ settings }: { settings: SiteSettings }) {
  return (
    <p>
      Frågor om resan besvarar {settings.organiserName}: e-post{' '}
      <a href={`mailto:${settings.email}`}>{settings.email}</a>, telefon{' '}
      <a href={phoneHref(settings.phone)}>{formatPhone(settings.phone)}</a> ({settings.phoneHours}).
    </p>
  )
}
