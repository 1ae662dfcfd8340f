import { formatPhone } from '@/lib/phone'
import { overnightLabel, roleLabel, type StoredAnswers } from '@/lib/registrations/schema'

type Answers = StoredAnswers & {
  boardingStop: { name: string } | null
  showInParticipantList: boolean
}

/** A registration's answers as a list, on the participant's page and the organisers' alike. */
export function RegistrationAnswers({
  registration: r,
  hasOvernight,
  withName = true,
}: {
  registration: Answers
  hasOvernight: boolean
  withName?: boolean
}) {
  return (
    <dl className="facts">
      {withName && (
        <>
          <dt>Namn</dt>
          <dd>
            {r.firstName} {r.lastName}
          </dd>
        </>
      )}
      <dt>E-post</dt>
      <dd>{r.email}</dd>
      <dt>Mobilnummer</dt>
      <dd>{formatPhone(r.phone)}</dd>
      <dt>Organisation</dt>
      <dd>{r.organisation}</dd>
      <dt>Roll</dt>
      <dd>{roleLabel(r.role)}</dd>
      <dt>Specialkost eller allergier</dt>
      <dd>{r.dietaryNeeds ?? '–'}</dd>
      {hasOvernight && (
        <>
          <dt>Övernattning</dt>
          <dd>
            {r.overnight ? overnightLabel(r.overnight) : '–'}
            {r.shareRoomWith && <>, med {r.shareRoomWith}</>}
          </dd>
        </>
      )}
      {r.boardingStop && (
        <>
          <dt>Påstigning</dt>
          <dd>{r.boardingStop.name}</dd>
        </>
      )}
      <dt>Övrigt</dt>
      <dd>{r.otherInfo ?? '–'}</dd>
      <dt>Visas i deltagarlistan</dt>
      <dd>{r.showInParticipantList ? 'Ja' : 'Nej'}</dd>
    </dl>
  )
}
