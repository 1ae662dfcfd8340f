// The confirmation step before cancelling: a plain form post, so it works without JavaScript.
import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound, redirect } from 'next/navigation'
import { PostForm } from '@/components/post-form'
import { formatDateRange } from '@/lib/dates'
import { findRegistrationByToken } from '@/lib/registrations/manage'
import { cancel } from '../actions'

// Personal data: rendered for each request, never cached.
export const dynamic = 'force-dynamic'

export const metadata: Metadata = {
  title: 'Avboka din anmälan',
  robots: { index: false, follow: false },
}

type Props = { params: Promise<{ token: string }> }

export default async function CancelPage({ params }: Props) {
  const { token } = await params
  const registration = await findRegistrationByToken(token)
  if (!registration) notFound()
  if (registration.status === 'CANCELLED') redirect(`/anmalan/${token}`)
  const { trip } = registration
  return (
    <div className="prose">
      <h1>Vill du avboka?</h1>
      <p>
        Du avbokar anmälan för {registration.firstName} {registration.lastName} till <strong>{trip.title}</strong>
        {trip.startDate && <>, {formatDateRange(trip.startDate, trip.endDate)}</>}.
        {registration.status === 'CONFIRMED'
          ? ' Din plats går till den som står först på reservlistan. Det går inte att ångra.'
          : ' Du lämnar då reservlistan. Det går inte att ångra.'}
      </p>
      <PostForm action={cancel.bind(null, token)} permalink={`/anmalan/${token}/avboka`} className="form">
        <div className="field">
          <div className="choice">
            <input type="checkbox" id="f-erase" name="erase" aria-describedby="f-erase-hint" />
            <label htmlFor="f-erase">Ta bort mina personuppgifter</label>
          </div>
          <span className="hint" id="f-erase-hint">
            Frivilligt. Då raderar vi ditt namn, dina kontaktuppgifter och dina svar direkt, och länken till anmälan slutar
            fungera. Annars raderas de enligt integritetsmeddelandet efter resan.
          </span>
        </div>
        <button type="submit" className="button">
          Ja, avboka
        </button>
      </PostForm>
      <p>
        <Link href={`/anmalan/${token}`}>Nej, tillbaka till min anmälan</Link>
      </p>
    </div>
  )
}
