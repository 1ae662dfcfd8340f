'use client'

// The admin's navigation with the current page marked, and the sign-out button. Client
// components only because both need the page's path (usePathname), which a layout is not given:
// the marking (aria-current) and the sign-out form's address (its permalink: a post without
// JavaScript goes to the page the form is on, see components/post-form.tsx).
import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { PostForm } from '@/components/post-form'
import { currentNavHref, type NavItem } from '@/lib/admin/navigation'

export function AdminNav({ label, items, className }: { label: string; items: NavItem[]; className: string }) {
  const current = currentNavHref(items, usePathname())
  return (
    <nav className={className} aria-label={label}>
      <ul>
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href} aria-current={item.href === current ? 'page' : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}

export function SignOutButton({ action }: { action: (previous: unknown, formData: FormData) => Promise<void> }) {
  return (
    <PostForm action={action} permalink={usePathname()} className="admin-signout">
      <button type="submit" className="button button--small">
        Logga ut
      </button>
    </PostForm>
  )
}
