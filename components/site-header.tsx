import Link from 'next/link'

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="wrap">
        <Link href="/" className="brand">
          Mjölbybussen
        </Link>
        <nav className="site-nav" aria-label="Huvudmeny">
          <ul>
            <li>
              <Link href="/resor">Resor</Link>
            </li>
            <li>
              <Link href="/orter">Orter</Link>
            </li>
            <li>
              <Link href="/integritet">Integritet</Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  )
}
