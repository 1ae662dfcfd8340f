// The organisers' frame: the administration's own header, the page at the screen's width.
import type { ReactNode } from 'react'

export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="site-header">
        <div className="wrap-admin">
          <span className="brand">Mjölbybussen · administration</span>
        </div>
      </header>
      <main id="innehall" tabIndex={-1}>
        <div className="wrap-admin">{children}</div>
      </main>
    </>
  )
}
