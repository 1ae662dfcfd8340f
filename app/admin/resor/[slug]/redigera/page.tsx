// Editing a trip: every field, then its programme (each item with change and remove, and a form
// to add one). Saving updates the public pages at once.
import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { ContentForm } from '@/components/content-form/content-form'
import { AdminStatus } from '@/components/admin-status'
import { AskFirstButton } from '@/components/ask-first-button'
import { PROGRAMME_ITEM_FIELDS, tripFields } from '@/components/content-form/fields'
import { getTripForEdit, tripFormValues } from '@/lib/trips/edit-form'
import { hostCityOptions } from '@/lib/trips/host-city-edit'
import { programmeItemFormValues } from '@/lib/trips/programme'
import { requireOrganiser } from '@/lib/auth/session'
import { formatProgrammeDay, formatTimeRange } from '@/lib/dates'
import { isOverbooked, seatsLeft } from '@/lib/trips/availability'
import { TRIP_STATE_LABEL, refusalText, tripState } from '@/lib/trips/life-cycle'
import { tripDeletionPreview } from '@/lib/trips/copy'
import { PhotoSection } from '@/components/photo-section'
import { photoForEdit } from '@/lib/photos/store'
import { copyTripAction, removeTripPhotoAction, saveProgrammeItemAction, saveTripAction, saveTripPhotoAction } from './actions'
import { DeleteItemConfirmation, DeleteTripConfirmation } from './delete-confirmations'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Redigera resa', robots: { index: false, follow: false } }

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function EditTripPage({ params, searchParams }: Props) {
  await requireOrganiser()
  const [{ slug }, query] = await Promise.all([params, searchParams])
  const refused = query.fel === 'obekraftad'
  if (query.bekrafta === 'ta-bort-resan') return <DeleteTripConfirmation slug={slug} refused={refused} />
  const itemId = typeof query.punkt === 'string' && /^\d{1,9}$/.test(query.punkt) ? Number(query.punkt) : null
  if (query.bekrafta === 'ta-bort-punkt' && itemId) {
    const confirmation = await DeleteItemConfirmation({ slug, itemId, refused })
    if (confirmation) return confirmation
  }
  const [trip, cities, deletion, photo] = await Promise.all([
    getTripForEdit(slug),
    hostCityOptions(),
    tripDeletionPreview(slug),
    photoForEdit({ kind: 'trip', slug }),
  ])
  if (!trip || !deletion) notFound()
  const editPath = `/admin/resor/${trip.slug}/redigera`
  const confirmed = trip._count.registrations
  const firstDay = trip.startDate ? trip.startDate.toISOString().slice(0, 10) : ''
  return (
    <>
      <p>
        <Link href={`/resor/${trip.slug}`}>Visa den publika sidan</Link>
      </p>
      <h1>Redigera: {trip.title}</h1>
      <AdminStatus status={query.status} />
      <TripStateLine trip={{ ...trip, seatsLeft: seatsLeft(trip.seats, confirmed) }} />
      {isOverbooked(trip.seats, confirmed) && (
        <div className="notice notice--warn">
          <p>
            Resan har {confirmed} bekräftade deltagare men bara {trip.seats} platser. Ingen flyttas till reservlistan, men nya
            anmälningar hamnar där.
          </p>
        </div>
      )}
      <ContentForm
        action={saveTripAction.bind(null, trip.slug)}
        fields={tripFields(cities)}
        initial={tripFormValues(trip)}
        submitLabel="Spara resan"
        idPrefix="resa"
        permalink={`/admin/resor/${trip.slug}/redigera`}
      />

      <PhotoSection
        photo={photo}
        saveAction={saveTripPhotoAction.bind(null, trip.slug)}
        removeAction={removeTripPhotoAction.bind(null, trip.slug)}
        permalink={`/admin/resor/${trip.slug}/redigera`}
        ownerWord="resan"
      />

      <h2 id="program">Program</h2>
      {trip.programmeItems.length === 0 ? (
        <p>Programmet har inga punkter ännu.</p>
      ) : (
        <ul className="admin-list">
          {trip.programmeItems.map((item) => (
            <li key={item.id}>
              <strong>
                {formatProgrammeDay(item.startsAt)} {formatTimeRange(item.startsAt, item.endsAt)}
              </strong>{' '}
              {item.title}
              {item.place && <> · Plats: {item.place}</>}
              {item.participants && <> · Medverkar: {item.participants}</>}{' '}
              <Link href={`/admin/resor/${trip.slug}/redigera/program/${item.id}`}>
                Ändra<span className="visually-hidden"> {item.title}</span>
              </Link>{' '}
              <AskFirstButton permalink={editPath} step="ta-bort-punkt" fields={{ punkt: String(item.id) }} small className="inline-form">
                Ta bort<span className="visually-hidden"> {item.title}</span>
              </AskFirstButton>
            </li>
          ))}
        </ul>
      )}

      <h2>Lägg till en programpunkt</h2>
      <ContentForm
        action={saveProgrammeItemAction.bind(null, trip.slug, null)}
        fields={PROGRAMME_ITEM_FIELDS}
        initial={programmeItemFormValues(null, firstDay)}
        submitLabel="Lägg till programpunkten"
        idPrefix="punkt"
        permalink={`/admin/resor/${trip.slug}/redigera`}
      />

      <h2 id="kopiera">Kopiera resa</h2>
      <p>
        Gör nästa års resa av den här: texterna, antalet platser, påstigningsplatserna, övernattningen och påminnelsen
        följer med. Kopian blir ett utkast utan orter och program. Anger du kopians första dag flyttas också sista
        anmälningsdag och sista dag för ändringar lika många dagar före resan som här.
      </p>
      <ContentForm
        action={copyTripAction.bind(null, trip.slug)}
        fields={[{ name: 'firstDay', label: 'Kopians första dag', kind: 'date', hint: 'ÅÅÅÅ-MM-DD. Kan lämnas tom och fyllas i senare.' }]}
        initial={{ firstDay: '' }}
        submitLabel="Kopiera resa"
        idPrefix="kopia"
        permalink={`/admin/resor/${trip.slug}/redigera`}
      />

      <section className="danger-zone" aria-labelledby="ta-bort">
        <h2 id="ta-bort">Ta bort resan</h2>
        {deletion.refusal ? (
          <p>{deletion.refusal}</p>
        ) : (
          <>
            <p>
              {trip.isExample
                ? 'Exempelresan tas bort med alla provanmälningar. Den kommer inte tillbaka.'
                : 'Ingen har anmält sig, så resan kan tas bort. Det går inte att ångra.'}{' '}
              Du får bekräfta först.
            </p>
            <AskFirstButton permalink={editPath} step="ta-bort-resan">
              Ta bort resan …
            </AskFirstButton>
          </>
        )}
      </section>
    </>
  )
}

/** The trip's state, as the public pages decide it (lib/trips/life-cycle.ts). */
function TripStateLine({ trip }: { trip: Parameters<typeof tripState>[0] }) {
  const state = tripState(trip, new Date())
  const why =
    state.state === 'publicerad' || state.state === 'stangd'
      ? refusalText({ reason: state.state === 'publicerad' ? 'not-opened' : state.reason, opensAt: state.state === 'publicerad' ? state.opensAt : null })
      : state.state === 'utkast'
        ? 'Syns bara här i administrationen tills du kryssar i Publicerad.'
        : ''
  return (
    <p>
      Läge: <strong>{TRIP_STATE_LABEL[state.state]}</strong>
      {why && <> – {why}</>}
    </p>
  )
}
