// The admin's two navigations: its main sections (in the header) and a trip's own pages (above
// every page under /admin/resor/[slug]), and the one rule that decides which item a page belongs
// to. Pure data and a pure function, so the client component that marks the current item
// (components/admin-nav.tsx) stays tiny and the rule is tested on its own.

export type NavItem = {
  href: string
  label: string
  /** Further paths whose pages belong to this item (the href itself always does). */
  also?: string[]
}

export const ADMIN_SECTIONS: NavItem[] = [
  // A trip's pages are reached from the start page's list of trips, so they are "Resor" too.
  { href: '/admin', label: 'Resor', also: ['/admin/resor'] },
  // A new trip and the host towns are content, made and edited from "Innehåll".
  { href: '/admin/innehall', label: 'Innehåll', also: ['/admin/resor/ny', '/admin/orter'] },
  { href: '/admin/installningar', label: 'Inställningar' },
  { href: '/admin/logg', label: 'Logg' },
]

/** A trip's own pages; a registration's detail page belongs to "Anmälningar", a list view to "Listor". */
export function tripSections(slug: string): NavItem[] {
  const base = `/admin/resor/${encodeURIComponent(slug)}`
  return [
    { href: base, label: 'Anmälningar' },
    { href: `${base}/oversikt`, label: 'Översikt' },
    { href: `${base}/listor`, label: 'Listor' },
    { href: `${base}/meddelanden`, label: 'Meddelanden' },
    { href: `${base}/incheckning`, label: 'Incheckning' },
    { href: `${base}/redigera`, label: 'Redigera' },
  ]
}

/** Whether `path` is `prefix` or a page below it (by whole segments: /admin/logg is not below /admin/lo). */
function isAtOrBelow(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`)
}

/**
 * The href of the item the page at `pathname` belongs to: the item with the longest path that the
 * page is at or below, so that /admin/resor/ny goes to "Innehåll" (its /admin/resor/ny) rather
 * than to "Resor" (its /admin/resor). Null when no item fits.
 */
export function currentNavHref(items: readonly NavItem[], pathname: string): string | null {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname
  let best: { href: string; length: number } | null = null
  for (const item of items) {
    for (const prefix of [item.href, ...(item.also ?? [])]) {
      if (isAtOrBelow(path, prefix) && (!best || prefix.length > best.length)) best = { href: item.href, length: prefix.length }
    }
  }
  return best?.href ?? null
}
