// The Swedish "page not found" view (app/not-found.tsx shows it in the public frame, app/admin/not-found.tsx in the admin one), and MissingPage: the same view
// rendered by a dynamic segment's layout when what the address names does not exist.
//
// Why MissingPage: when a page rendered on demand calls notFound(), Next.js answers 404 with an
// empty document (`<html id="__next_error__">`) whose not-found view only JavaScript draws
// (vercel/next.js#62228), so without JavaScript the page is blank. A layout that renders this view
// itself sends it as HTML; the notFound() below, inside a Suspense boundary, then only sets the
// status: when Next.js generates a cached page (ISR) and notFound() is thrown inside a boundary,
// it answers 404 and keeps the HTML outside it. With JavaScript, the boundary's notFound() reaches
// the root not-found boundary, which shows the same view.
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { Suspense } from 'react'

export function NotFoundContent() {
  return (
    <div className="prose">
      <h1>Sidan finns inte</h1>
      <p>Vi hittar inte sidan du letar efter. Den kan ha flyttats, eller så är adressen felstavad.</p>
      <p>
        <Link href="/">Till startsidan</Link> · <Link href="/resor">Alla resor</Link>
      </p>
    </div>
  )
}

async function NotFoundStatus(): Promise<never> {
  notFound()
}

export function MissingPage() {
  return (
    <>
      <NotFoundContent />
      <Suspense fallback={null}>
        <NotFoundStatus />
      </Suspense>
    </>
  )
}
