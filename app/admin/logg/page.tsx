// The audit log: who changed what and when, newest first.
import type { Metadata } from 'next'
import Link from 'next/link'
import { listAudit } from '@/lib/admin/audit'
import { requireOrganiser } from '@/lib/auth/session'
import { formatDateTime } from '@/lib/dates'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Ändringslogg', robots: { index: false, follow: false } }

export default async function AuditLogPage() {
  await requireOrganiser()
  const entries = await listAudit({}, 200)
  return (
    <>
      <p>
        <Link href="/admin">Administration</Link>
      </p>
      <h1>Ändringslogg</h1>
      <p>De 200 senaste ändringarna av anmälningar och innehåll.</p>
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="logg">
        <table className="data-table">
          <caption id="logg" className="visually-hidden">
            Ändringslogg
          </caption>
          <thead>
            <tr>
              <th scope="col">När</th>
              <th scope="col">Vem</th>
              <th scope="col">Vad</th>
              <th scope="col">Ändring</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{formatDateTime(e.at)}</td>
                <td>{e.actor}</td>
                <td>
                  {e.entityType} {e.entityId}
                </td>
                <td>{e.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
