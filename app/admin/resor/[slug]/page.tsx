// A trip's registrations for the organisers: search, filters, sorting and paging in the URL (a
// plain GET form, so a view can be bookmarked and works without JavaScript). The lists have their
// own page (./listor).
import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { cellWrapClass } from '@/components/table-cells'
import { listRegistrations, parseListQuery, type ListQuery } from '@/lib/admin/registration-list'
import { getAdminTrip } from '@/lib/admin/trips'
import { requireOrganiser } from '@/lib/auth/session'
import { OVERNIGHT_OPTIONS, ROLE_OPTIONS, overnightLabel, roleLabel } from '@/lib/registrations/schema'
import { FilterSelect } from '@/components/filter-select'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Anmälningar', robots: { index: false, follow: false } }

const STATUS_OPTIONS = [
  { value: 'CONFIRMED', label: 'Bekräftad' },
  { value: 'WAITLISTED', label: 'Reservlista' },
  { value: 'CANCELLED', label: 'Avbokad' },
] as const
const statusLabel = (s: string) => STATUS_OPTIONS.find((o) => o.value === s)?.label ?? s

const SORTS = [
  { value: 'arrival', label: 'Anmälningsordning' },
  { value: 'name', label: 'Namn' },
  { value: 'organisation', label: 'Organisation' },
  { value: 'status', label: 'Status' },
] as const

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function AdminTripPage({ params, searchParams }: Props) {
  await requireOrganiser()
  const [{ slug }, raw] = await Promise.all([params, searchParams])
  const trip = await getAdminTrip(slug)
  if (!trip) notFound()
  const query = parseListQuery(raw)
  const { rows, total, pages } = await listRegistrations(trip.id, query)
  const href = (change: Partial<ListQuery>) => {
    const next = { ...query, ...change }
    const search = new URLSearchParams()
    for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== '') search.set(k, String(v))
    return `/admin/resor/${trip.slug}?${search}`
  }

  return (
    <>
      <h1>Anmälningar: {trip.title}</h1>
      <p>
        {trip.confirmed} av {trip.seats} platser bokade · {trip.waitlisted} på reservlistan · {trip.cancelled} avbokade
      </p>

      <h2 id="filter" className="visually-hidden">
        Sök och filtrera
      </h2>
      {/* One row of small controls on a wide screen, a few on a phone: the table stays on the first screen. */}
      <form method="get" className="filter-bar" aria-labelledby="filter">
        <div className="field filter-bar__search">
          <label htmlFor="q">Sök</label>{' '}
          <span className="hint" id="q-hint">
            namn, e-post, organisation
          </span>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ''} aria-describedby="q-hint" />
        </div>
        <FilterSelect name="status" label="Status" value={query.status} options={STATUS_OPTIONS} allLabel="Alla" />
        <FilterSelect name="role" label="Roll" value={query.role} options={ROLE_OPTIONS.map((o) => ({ value: o.role, label: o.label }))} allLabel="Alla" />
        <FilterSelect
          name="overnight"
          label="Övernattning"
          value={query.overnight}
          options={OVERNIGHT_OPTIONS.map((o) => ({ value: o.overnight, label: o.label }))}
          allLabel="Alla"
        />
        {trip.boardingStops.length > 0 && (
          <FilterSelect
            name="stop"
            label="Påstigning"
            value={query.stop?.toString()}
            options={trip.boardingStops.map((s) => ({ value: String(s.id), label: s.name }))}
            allLabel="Alla"
          />
        )}
        <FilterSelect name="sort" label="Sortera efter" value={query.sort} options={SORTS} />
        <FilterSelect
          name="dir"
          label="Ordning"
          value={query.dir}
          options={[
            { value: 'asc', label: 'Stigande' },
            { value: 'desc', label: 'Fallande' },
          ]}
        />
        <div className="filter-bar__actions">
          <button type="submit" className="button button--small">
            Visa
          </button>
          <Link href={`/admin/resor/${trip.slug}`}>Rensa</Link>
        </div>
      </form>

      <h2 id="resultat" className="table-heading">
        {total} {total === 1 ? 'anmälan' : 'anmälningar'}
      </h2>
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="resultat">
        <table className="data-table registrations-table" aria-labelledby="resultat">
          <thead>
            <tr>
              <th scope="col">Nr</th>
              <th scope="col">Namn</th>
              <th scope="col">Organisation</th>
              <th scope="col">E-post</th>
              <th scope="col">Roll</th>
              <th scope="col">Status</th>
              <th scope="col">Övernattning</th>
              <th scope="col">Påstigning</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td className="cell-nowrap">{r.id}</td>
                <td className={cellWrapClass(`${r.lastName}, ${r.firstName}`)}>
                  <Link href={`/admin/resor/${trip.slug}/anmalan/${r.id}`}>
                    {r.lastName}, {r.firstName}
                  </Link>
                </td>
                <td className={cellWrapClass(r.organisation)}>{r.organisation}</td>
                <td className="cell-long">{r.email}</td>
                <td className="cell-nowrap">{roleLabel(r.role)}</td>
                <td className="cell-nowrap">{statusLabel(r.status)}</td>
                <td>{r.overnight ? overnightLabel(r.overnight) : '–'}</td>
                <td className={cellWrapClass(r.boardingStop?.name)}>{r.boardingStop?.name ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label="Sidor" className="pager">
        <p>
          Sida {query.page} av {pages}
        </p>
        <ul>
          {query.page > 1 && (
            <li>
              <Link href={href({ page: query.page - 1 })}>Föregående sida</Link>
            </li>
          )}
          {query.page < pages && (
            <li>
              <Link href={href({ page: query.page + 1 })}>Nästa sida</Link>
            </li>
          )}
        </ul>
      </nav>
    </>
  )
}
