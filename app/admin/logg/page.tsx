// The audit log: who changed what and when, newest first, with each change's old and new value;
// filtered by trip, by who did it and by participant (a plain GET form, so it works without
// JavaScript and a view can be bookmarked), a page at a time.
import type { Metadata } from 'next'
import Link from 'next/link'
import { AUDIT_PAGE_SIZE, auditFilterOptions, auditLogPage, isFiltered, parseAuditQuery, PARTICIPANT_MATCH_LIMIT, type AuditQuery } from '@/lib/admin/audit-log'
import { requireOrganiser } from '@/lib/auth/session'
import { formatDateTime } from '@/lib/dates'
import { FilterSelect } from '@/components/filter-select'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Ändringslogg', robots: { index: false, follow: false } }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function AuditLogPage({ searchParams }: Props) {
  await requireOrganiser()
  const query = parseAuditQuery(await searchParams)
  const [{ rows, total, page, pages, tooManyParticipants }, options] = await Promise.all([auditLogPage(query), auditFilterOptions()])
  const filtered = isFiltered(query)
  const href = (sida: number) => {
    const search = new URLSearchParams()
    for (const [key, value] of Object.entries({ ...query, sida } satisfies AuditQuery)) if (value !== undefined && value !== '') search.set(key, String(value))
    return `/admin/logg?${search}`
  }
  const first = (page - 1) * AUDIT_PAGE_SIZE + 1

  return (
    <>
      <h1>Ändringslogg</h1>
      <p>
        Vem som har ändrat vad och när, nyast först: resor, program, orter, inställningar, utskick och anmälningar. Deltagarnas egna
        ändringar och avbokningar står som ”Deltagaren själv”. När en deltagares personuppgifter tas bort försvinner de ur loggen också.
      </p>

      <form method="get" action="/admin/logg" className="filter-bar" aria-labelledby="filtrera">
        <h2 id="filtrera" className="visually-hidden">
          Filtrera
        </h2>
        <FilterSelect name="resa" label="Resa" value={query.resa?.toString()} options={options.trips} allLabel="Alla resor" />
        <FilterSelect name="vem" label="Vem" value={query.vem} options={options.actors} allLabel="Alla" />
        <div className="field filter-bar__search">
          <label htmlFor="deltagare">Deltagare</label>{' '}
          <span className="hint" id="deltagare-hint">
            namn eller e-post
          </span>
          <input id="deltagare" name="deltagare" type="search" defaultValue={query.deltagare ?? ''} aria-describedby="deltagare-hint" />
        </div>
        <div className="filter-bar__actions">
          <button type="submit" className="button button--small">
            Visa
          </button>
          {filtered && <Link href="/admin/logg">Rensa filtret</Link>}
        </div>
      </form>

      {tooManyParticipants && (
        <p className="notice notice--warn">
          Fler än {PARTICIPANT_MATCH_LIMIT} anmälningar matchar ”{query.deltagare}”: loggen visar händelserna för de {PARTICIPANT_MATCH_LIMIT} senaste.
          Skriv mer av namnet eller e-postadressen.
        </p>
      )}

      {total === 0 ? (
        <p className="audit-empty">
          {filtered ? (
            <>
              Inga händelser matchar filtret. <Link href="/admin/logg">Visa alla händelser</Link>
            </>
          ) : (
            'Inga händelser ännu. När någon ändrar en resa, en ort, inställningarna eller en anmälan, eller när en deltagare ändrar eller avbokar sin anmälan, står det här.'
          )}
        </p>
      ) : (
        <>
          <h2 id="handelser">
            {total} {total === 1 ? 'händelse' : 'händelser'}
            {pages > 1 && `, ${first}–${first + rows.length - 1} visas`}
          </h2>
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="handelser">
            <table className="data-table audit-table" aria-labelledby="handelser">
              <thead>
                <tr>
                  <th scope="col">När</th>
                  <th scope="col">Vem</th>
                  <th scope="col">Vad</th>
                  <th scope="col">Händelse</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id}>
                    <td>
                      <time dateTime={row.at.toISOString()}>{formatDateTime(row.at)}</time>
                    </td>
                    <td>{row.actor}</td>
                    <td>{row.object.href ? <Link href={row.object.href}>{row.object.text}</Link> : row.object.text}</td>
                    <td>
                      {row.summary}
                      {row.changes.length > 0 && (
                        <ul className="audit-changes">
                          {row.changes.map((c) => (
                            <li key={c.field}>
                              {c.label}: {c.from} → {c.to}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pages > 1 && (
            <nav aria-label="Sidor" className="pager">
              <p>
                Sida {page} av {pages}
              </p>
              <ul>
                {page > 1 && (
                  <li>
                    <Link href={href(page - 1)}>Nyare händelser</Link>
                  </li>
                )}
                {page < pages && (
                  <li>
                    <Link href={href(page + 1)}>Äldre händelser</Link>
                  </li>
                )}
              </ul>
            </nav>
          )}
        </>
      )}
    </>
  )
}
