// The confirmation step of "Avboka" on a registration's detail page (?bekrafta=avboka): who is
// cancelled from which trip, that they get an e-mail, and where their seat goes (read now; the
// cancellation itself decides under the trip's lock, by the same rule).
import Link from 'next/link'
import { ConfirmStep } from '@/components/confirm-step'
import { cancellationOutcome } from '@/lib/admin/registration-detail'
import { cancel } from './actions'

type Props = {
  registration: { id: number; tripId: number; firstName: string; lastName: string; organisation: string; status: 'CONFIRMED' | 'WAITLISTED'; anonymisedAt: Date | null }
  trip: { slug: string; title: string; seats: number }
  permalink: string
  refused: boolean
}

export async function CancelConfirmation({ registration, trip, permalink, refused }: Props) {
  const name = `${registration.firstName} ${registration.lastName}`.trim()
  const outcome = await cancellationOutcome({ ...registration, trip })
  return (
    <>
      <p>
        <Link href="/admin">Administration</Link> › <Link href={`/admin/resor/${trip.slug}`}>Anmälningar: {trip.title}</Link> ›{' '}
        <Link href={permalink}>{name}</Link>
      </p>
      <ConfirmStep
        question={`Avboka ${name} (${registration.organisation}) på ${trip.title}?`}
        action={cancel.bind(null, trip.slug, registration.id)}
        permalink={permalink}
        confirmLabel={`Ja, avboka ${name}`}
        backHref={permalink}
        refused={refused}
      >
        <ul>
          {!registration.anonymisedAt && <li>{name} får ett mejl om avbokningen.</li>}
          {outcome.kind === 'leaves-waiting-list' && <li>{name} tas bort från reservlistan; de som står efter flyttar upp ett steg.</li>}
          {outcome.kind === 'seat-to' && (
            <li>
              Platsen går till den första på reservlistan, {outcome.person.firstName} {outcome.person.lastName} ({outcome.person.organisation}),
              som får ett mejl om sin plats.
            </li>
          )}
          {outcome.kind === 'seat-left-free' && <li>Platsen blir ledig: ingen står på reservlistan.</li>}
          {outcome.kind === 'overbooked' && <li>Resan är överbokad, så platsen går inte till någon på reservlistan.</li>}
          <li>Du kan återställa anmälan efteråt, men mejlen är redan skickade och platsen kan ha gått till någon annan.</li>
        </ul>
      </ConfirmStep>
    </>
  )
}
