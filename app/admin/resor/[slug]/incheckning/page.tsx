// The check-in list for the day of departure, made for a phone: the confirmed participants by
// boarding stop, each row one big button ("Checka in" / "Incheckad ✓ (ångra)"). Each button is a
// form of its own posting a server action, so one tap works with or without JavaScript.
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { PostForm } from '@/components/post-form'
import { checkInList } from '@/lib/admin/registration-detail'
import { getAdminTrip } from '@/lib/admin/trips'
import { requireOrganiser } from '@/lib/auth/session'
import { toggleCheckIn } from './actions'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Incheckning', robots: { index: false, follow: false } }

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ fel?: string }> }

export default async function CheckInPage({ params, searchParams }: Props) {
  await requireOrganiser()
  const [{ slug }, query] = await Promise.all([params, searchParams])
  const trip = await getAdminTrip(slug)
  if (!trip) notFound()
  const list = await checkInList(trip.id)

  return (
    <div className="checkin">
      <h1>Incheckning: {trip.title}</h1>
      <p className="checkin-count" role="status">
        <strong>
          {list.checkedIn} av {list.total} incheckade
        </strong>
      </p>
      {query.fel === 'status' && (
        <div className="notice notice--warn" role="alert">
          <p>Deltagaren är inte längre bekräftad och kan inte checkas in.</p>
        </div>
      )}
      {list.total === 0 && <p>Inga bekräftade deltagare.</p>}
      {list.groups.map((group) => (
        <section key={group.stop} aria-labelledby={`stopp-${group.rows[0]!.id}`}>
          <h2 id={`stopp-${group.rows[0]!.id}`}>
            {group.stop} ({group.rows.filter((r) => r.checkedInAt).length} av {group.rows.length})
          </h2>
          <ul className="checkin-list">
            {group.rows.map((r) => {
              const name = `${r.firstName} ${r.lastName}`.trim()
              const checkedIn = r.checkedInAt !== null
              return (
                <li key={r.id} id={`anmalan-${r.id}`} className={checkedIn ? 'checkin-row checkin-row--done' : 'checkin-row'}>
                  <PostForm action={toggleCheckIn.bind(null, trip.slug, r.id)} permalink={`/admin/resor/${trip.slug}/incheckning`}>
                    <input type="hidden" name="checkedIn" value={checkedIn ? '0' : '1'} />
                    <button type="submit" className="checkin-button">
                      <span className="checkin-name">
                        {name}
                        {r.organisation && <span className="checkin-org">{r.organisation}</span>}
                      </span>
                      <span className="checkin-state">{checkedIn ? 'Incheckad ✓ (ångra)' : 'Checka in'}</span>
                    </button>
                  </PostForm>
                </li>
              )
            })}
          </ul>
        </section>
      ))}
    </div>
  )
}
