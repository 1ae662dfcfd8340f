// The organisers' frame: the administration's own header (its name, who is signed in, sign-out and
// the main navigation), the page at the screen's width. It reads the session but never requires
// one: every page calls requireOrganiser() itself, and the sign-in page (no session) shows the
// header's name only.
import Link from 'next/link'
import type { ReactNode } from 'react'
import { AdminNav, SignOutButton } from '@/components/admin-nav'
import { ADMIN_SECTIONS } from '@/lib/admin/navigation'
import { organiserOrNull } from '@/lib/auth/session'
import { signOut } from './logga-in/actions'

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const organiser = await organiserOrNull()
  return (
    <>
      <header className="site-header admin-header">
        <div className="wrap-admin">
          {organiser ? (
            <Link href="/admin" className="brand">
              Mjölbybussen · administration
            </Link>
          ) : (
            <span className="brand">Mjölbybussen · administration</span>
          )}
          {organiser && (
            <>
              <AdminNav label="Administration" items={ADMIN_SECTIONS} className="site-nav admin-nav" />
              <div className="admin-user">
                <span>
                  Inloggad som <strong>{organiser.name}</strong>
                </span>
                <SignOutButton action={signOut} />
              </div>
            </>
          )}
        </div>
      </header>
      <main id="innehall" tabIndex={-1}>
        <div className="wrap-admin">{children}</div>
      </main>
    </>
  )
}
