'use client'

// The signup form, also used (mode 'edit', filled with the saved answers) to change a
// registration from its personal link. It works as a plain form post without JavaScript; with it,
// the same server action runs without a page load, the button shows that it is sending, focus
// moves to the error summary, and "Dela rum med" only shows when sharing a room.
import Link from 'next/link'
import { useActionState, useEffect, useRef, useState } from 'react'
import { useFormStatus } from 'react-dom'
import type { SignupOutcome } from '@/lib/registrations/signup'
import type { UpdateResult } from '@/lib/registrations/update'
import type { SignupValues } from '@/lib/registrations/schema'
import { OVERNIGHT_OPTIONS, ROLE_OPTIONS, SIGNUP_LABELS } from '@/lib/registrations/schema'
import { HONEYPOT_FIELD } from '@/lib/forms/form-state'
import type { LimitedBy } from '@/lib/rate-limits'
import { tryAgainIn } from '@/lib/rate-limits/messages'
import { CLOSED_REASON_TEXT } from '@/lib/trips/life-cycle'
import { Checkbox, ErrorSummary, RadioGroup, TextField } from './form-fields'

export type SignupFormState =
  | { kind: 'idle' }
  | Exclude<SignupOutcome, { kind: 'registered' } | { kind: 'trip-not-found' }>
  | Extract<UpdateResult, { kind: 'invalid' | 'rate-limited' }>

// The fields' names, as the error summary and the audit log say them. The two checkboxes' labels
// are sentences of their own (what ticking them means), so they are written out below.
const LABELS = SIGNUP_LABELS

// Over a rate limit (lib/rate-limits): the address typed, the network the form came from, the
// registration being changed, or the inbox that has had as many e-mails from us as a day allows.
const RATE_LIMITED_TEXT: Record<'signup' | 'edit', Record<LimitedBy, string>> = {
  signup: {
    email: 'Den här e-postadressen har använts till många anmälningar den senaste timmen, så vi tar inte emot fler med den just nu.',
    address: 'Vi har fått väldigt många anmälningar från ditt nätverk på kort tid, så vi tar inte emot fler därifrån just nu.',
    registration: 'Den här anmälan har ändrats många gånger den senaste timmen.',
    inbox: 'Vi har skickat många mejl till den här e-postadressen det senaste dygnet, så vi tar inte emot fler anmälningar med den just nu.',
  },
  edit: {
    email: 'Den här e-postadressen har använts många gånger den senaste timmen.',
    address: 'Vi har fått väldigt många ändringar från ditt nätverk på kort tid, så vi tar inte emot fler därifrån just nu.',
    registration: 'Din anmälan har ändrats många gånger den senaste timmen, så vi tar inte emot fler ändringar av den just nu.',
    inbox: 'Vi har redan skickat så många mejl till din gamla eller nya e-postadress det senaste dygnet som vi får, så vi kan inte byta e-postadress just nu.',
  },
}

export function SignupForm({
  action,
  hasOvernight,
  boardingStops,
  goesToWaitlist = false,
  mode = 'signup',
  initialValues = {},
  permalink,
}: {
  action: (state: SignupFormState, formData: FormData) => Promise<SignupFormState>
  hasOvernight: boolean
  boardingStops: { id: number; name: string }[]
  goesToWaitlist?: boolean
  /** 'edit': the saved answers are changed; no privacy checkbox (it was accepted at signup). */
  mode?: 'signup' | 'edit'
  initialValues?: SignupValues
  /** The address of the page the form is on: the form's `action`, where a post without JavaScript goes. */
  permalink: string
}) {
  const [state, formAction] = useActionState(action, { kind: 'idle' }, permalink)
  const editing = mode === 'edit'
  const values = state.kind === 'invalid' || state.kind === 'rate-limited' ? state.values : initialValues
  const errors = state.kind === 'invalid' ? state.fieldErrors : {}
  const summaryRef = useRef<HTMLDivElement>(null)
  const limitedRef = useRef<HTMLDivElement>(null)
  const resultRef = useRef<HTMLHeadingElement>(null)
  const [overnight, setOvernight] = useState(values.overnight)
  // Before hydration (and without JavaScript) every field shows; after it, only those that apply.
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  useEffect(() => {
    if (state.kind === 'invalid') {
      setOvernight(state.values.overnight)
      summaryRef.current?.focus()
    }
    if (state.kind === 'rate-limited') {
      setOvernight(state.values.overnight)
      limitedRef.current?.focus()
    }
    // The form is replaced by the answer: move focus to it, or it would fall to the page's start.
    if (state.kind === 'already-registered' || state.kind === 'dropped') resultRef.current?.focus()
  }, [state])

  if (state.kind === 'already-registered') {
    return (
      <div className="notice notice--ok" role="status">
        <h2 ref={resultRef} tabIndex={-1} autoFocus>
          Du är redan anmäld
        </h2>
        <p>
          Adressen {state.email} är redan anmäld till resan, så vi har inte gjort någon ny anmälan. Vi har mejlat
          länken till din anmälan till {state.email} igen (högst några gånger i timmen).
        </p>
      </div>
    )
  }
  if (state.kind === 'dropped') {
    return (
      <div className="notice notice--ok" role="status">
        <h2 ref={resultRef} tabIndex={-1} autoFocus>
          Tack!
        </h2>
        <p>Din anmälan har tagits emot.</p>
      </div>
    )
  }

  return (
    <form action={formAction} noValidate className="form">
      {state.kind === 'closed' && (
        <div className="error-summary" role="alert">
          <h2>Anmälan är stängd</h2>
          <p>{CLOSED_REASON_TEXT[state.reason]} Kontakta arrangörerna om du har frågor.</p>
        </div>
      )}
      {state.kind === 'rate-limited' && (
        // autoFocus: after a post without JavaScript the message is what is read first; with it,
        // the effect above moves focus here. Everything typed stays in the fields below.
        <div className="error-summary" role="alert" tabIndex={-1} ref={limitedRef} autoFocus aria-labelledby="rate-limited-title">
          <h2 id="rate-limited-title">{editing ? 'Ändringarna är inte sparade' : 'Anmälan är inte skickad'}</h2>
          <p>
            {RATE_LIMITED_TEXT[mode][state.by]} {tryAgainIn(state.retryAfterSeconds)} Det du har fyllt i finns kvar nedan.
          </p>
        </div>
      )}
      <ErrorSummary errors={errors} labels={LABELS} summaryRef={summaryRef} />

      <p>{editing ? 'Ändra det som behövs och spara. ' : ''}Alla fält måste fyllas i, utom de som är märkta som frivilliga.</p>

      <TextField name="firstName" label={LABELS.firstName} autoComplete="given-name" required defaultValue={values.firstName} error={errors.firstName} />
      <TextField name="lastName" label={LABELS.lastName} autoComplete="family-name" required defaultValue={values.lastName} error={errors.lastName} />
      <TextField
        name="email"
        label={LABELS.email}
        type="email"
        autoComplete="email"
        required
        hint="Hit skickar vi bekräftelsen."
        defaultValue={values.email}
        error={errors.email}
      />
      <TextField
        name="phone"
        label={LABELS.phone}
        type="tel"
        autoComplete="tel"
        required
        hint="Till exempel 070-123 45 67. Vi använder det bara om något händer under resan."
        defaultValue={values.phone}
        error={errors.phone}
      />
      <TextField
        name="organisation"
        label={LABELS.organisation}
        autoComplete="organization"
        required
        hint="Företag, parti, förvaltning eller förening."
        defaultValue={values.organisation}
        error={errors.organisation}
      />
      <RadioGroup name="role" label={LABELS.role} required options={ROLE_OPTIONS} defaultValue={values.role} error={errors.role} />
      <TextField
        name="dietaryNeeds"
        label={LABELS.dietaryNeeds}
        multiline
        hint="Frivilligt. Uppgiften delas bara med dem som lagar maten och raderas efter resan."
        defaultValue={values.dietaryNeeds}
        error={errors.dietaryNeeds}
      />
      {hasOvernight && (
        <RadioGroup
          name="overnight"
          label={LABELS.overnight}
          required
          options={OVERNIGHT_OPTIONS}
          defaultValue={values.overnight}
          error={errors.overnight}
          onChange={setOvernight}
        />
      )}
      {hasOvernight && (!hydrated || overnight === 'dubbelrum') && (
        <TextField
          name="shareRoomWith"
          label={LABELS.shareRoomWith}
          hint="Frivilligt. Fyll bara i om du vill dela dubbelrum: vem vill du dela med?"
          defaultValue={values.shareRoomWith}
          error={errors.shareRoomWith}
        />
      )}
      {boardingStops.length > 1 && (
        <RadioGroup
          name="boardingStopId"
          label={LABELS.boardingStopId}
          required
          hint="Var kliver du på bussen?"
          options={boardingStops.map((s) => ({ value: String(s.id), label: s.name }))}
          defaultValue={values.boardingStopId}
          error={errors.boardingStopId}
        />
      )}
      <TextField name="otherInfo" label={LABELS.otherInfo} multiline hint="Frivilligt. Något mer vi behöver veta?" defaultValue={values.otherInfo} error={errors.otherInfo} />
      <Checkbox
        name="showInParticipantList"
        label="Visa mitt namn och min organisation i listan över deltagare"
        defaultChecked={values.showInParticipantList === 'on'}
      />
      {!editing && (
        <Checkbox
          name="privacyAccepted"
          required
          label={
            <>
              Jag har läst <Link href="/integritet">integritetsmeddelandet</Link>
            </>
          }
          defaultChecked={values.privacyAccepted === 'on'}
          error={errors.privacyAccepted}
        />
      )}
      {!editing && (
        <div className="honeypot" aria-hidden="true">
          <label htmlFor={HONEYPOT_FIELD}>Lämna det här fältet tomt</label>
          <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
      )}
      {goesToWaitlist && <p>Resan är fullbokad: du hamnar på reservlistan när du skickar anmälan.</p>}
      {editing ? (
        <SubmitButton label="Spara ändringar" pendingLabel="Sparar ändringarna …" />
      ) : (
        <SubmitButton label={goesToWaitlist ? 'Anmäl mig till reservlistan' : 'Skicka anmälan'} pendingLabel="Skickar anmälan …" />
      )}
    </form>
  )
}

function SubmitButton({ label, pendingLabel }: { label: string; pendingLabel: string }) {
  const { pending } = useFormStatus()
  return (
    <button type="submit" className="button" aria-disabled={pending} onClick={(e) => pending && e.preventDefault()}>
      {pending ? pendingLabel : label}
    </button>
  )
}
