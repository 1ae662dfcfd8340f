// A trip's list on screen, printable (the print stylesheet drops the site's header, footer and
// links), with the same rows as the Excel and CSV files.
import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { cellWrapClass } from '@/components/table-cells'
import { LIST_KINDS, LIST_TITLES, tripList, type ListKind } from '@/lib/admin/trip-lists'
import { getAdminTrip } from '@/lib/admin/trips'
import { requireOrganiser } from '@/lib/auth/session'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Lista', robots: { index: false, follow: false } }

// A list of more columns than this is printed on landscape pages (the named page in globals.css).
const WIDE_FROM_COLUMNS = 6

export default async function ListPage({ params }: { params: Promise<{ slug: string; kind: string }> }) {
  await requireOrganiser()
  const { slug, kind } = await params
  if (!LIST_KINDS.includes(kind as ListKind)) notFound()
  const trip = await getAdminTrip(slug)
  if (!trip) notFound()
  const sheet = await tripList(trip.id, kind as ListKind)
  const wide = sheet.columns.length > WIDE_FROM_COLUMNS
  return (
    <div className={wide ? 'list-view list-view--wide' : 'list-view'}>
      <p className="no-print">
        <Link href={`/admin/resor/${trip.slug}/listor`}>Alla listor</Link> ·{' '}
        <a href={`/admin/resor/${trip.slug}/listor/${kind}?format=xlsx`}>Excel</a> ·{' '}
        <a href={`/admin/resor/${trip.slug}/listor/${kind}?format=csv`}>CSV</a>
      </p>
      <h1>
        {LIST_TITLES[kind as ListKind]}: {trip.title}
      </h1>
      <p>{sheet.rows.length} rader</p>
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="lista">
        <table className="data-table print-table list-table">
          <caption id="lista" className="visually-hidden">
            {LIST_TITLES[kind as ListKind]}
          </caption>
          <thead>
            <tr>
              {sheet.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sheet.rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (
                  <td key={j} className={cellWrapClass(cell)}>
                    {cell ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
