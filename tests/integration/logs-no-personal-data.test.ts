// Logs carry no personal data. The real flows run with distinctive personal values (signup, a
// repeated signup, "lost your link?", a change, a delivery the mail server refuses, an organiser's
// correction, failed sign-ins, cancelling with erasure, the retention job) while everything
// written to the console (lib/log.ts writes there, and so do the libraries) is captured at the
// most verbose level; not one of those values may appear in it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { correctRegistration } from '../../lib/registrations/organiser-changes'
import { addOrganiser } from '../../lib/auth/organisers'
import { signInOrganiser } from '../../lib/auth/sign-in'
import { db } from '../../lib/db'
import { runRetention } from '../../lib/privacy/retention'
import { cancelRegistration } from '../../lib/registrations/cancel'
import { requestLink } from '../../lib/registrations/lost-link'
import { submitSignup } from '../../lib/registrations/signup'
import { updateRegistration } from '../../lib/registrations/update'
import { createTestTrip } from '../support/factories'
import { smtpWithWorker } from './with-smtp'

const smtp = smtpWithWorker()

const PERSON = {
  firstName: 'Ingridlogg',
  lastName: 'Spårlösdottir',
  email: 'ingrid.sparlos.7731@example.se',
  phone: '070-987 65 43',
  organisation: 'Hemligbolaget Ingridsson AB',
  role: 'foretagare',
  dietaryNeeds: 'Jordnötsallergi enligt läkarintyg',
  overnight: 'dubbelrum',
  shareRoomWith: 'Rumskamraten Loggström',
  otherInfo: 'Fritexten som aldrig får loggas',
  privacyAccepted: 'on',
}
const CHANGED = { organisation: 'Nyabolaget Tystnad AB', otherInfo: 'Ändrad fritext om rullstolsramp' }
const ORGANISER = { email: 'eva.loggtest@mjolby.se', name: 'Eva Arrangörsdotter', password: 'ett långt och hemligt lösenord' }
const GUESSED = { email: 'gissad.arrangor.5521@mjolby.se', password: 'felgissat-Lösenord-9981' }

/** Every value that must never reach a log, as typed and as stored. */
const PERSONAL_VALUES = [
  ...Object.entries(PERSON)
    .filter(([key]) => !['role', 'overnight', 'privacyAccepted'].includes(key))
    .map(([, value]) => value),
  '+46709876543',
  '709876543',
  'ingrid.sparlos',
  ...Object.values(CHANGED),
  ORGANISER.name,
  ORGANISER.password,
  GUESSED.email,
  'gissad.arrangor',
  GUESSED.password,
]

let captured: string[] = []
beforeEach(() => {
  captured = []
  process.env.LOG_LEVEL = 'debug'
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      captured.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '))
    })
  }
})
afterEach(() => {
  vi.restoreAllMocks()
  process.env.LOG_LEVEL = 'warn'
})

async function settled() {
  const deadline = Date.now() + 30_000
  while ((await db().outboxMessage.count({ where: { status: { in: ['QUEUED', 'SENDING'] } } })) > 0) {
    if (Date.now() > deadline) throw new Error('the outbox did not settle within 30 s')
    await new Promise((r) => setTimeout(r, 200))
  }
}

describe('the logs', () => {
  it('carry ids and counts from every flow, and never a name, address, phone number or free text', async () => {
    const trip = await createTestTrip(db(), { seats: 10 })
    await addOrganiser(db(), ORGANISER)
    // Her mail server refuses her: every e-mail to her fails for good.
    smtp.rejectRecipients = /ingrid\.sparlos/

    const client = { address: '203.0.113.45' }
    const signup = await submitSignup(trip.slug, PERSON, client)
    if (signup.kind !== 'registered') throw new Error(signup.kind)
    expect((await submitSignup(trip.slug, { ...PERSON, email: ` ${PERSON.email.toUpperCase()} ` }, client)).kind).toBe('already-registered')
    expect((await requestLink(trip.slug, PERSON.email, client)).kind).toBe('done')
    expect((await updateRegistration(signup.token, { ...PERSON, ...CHANGED })).kind).toBe('updated')
    const registration = await db().registration.findFirstOrThrow({ where: { tripId: trip.id } })
    expect(await correctRegistration(ORGANISER.email, registration.id, { ...PERSON, ...CHANGED, shareRoomWith: 'Annan Rumskamrat' })).toMatchObject({
      kind: 'updated',
    })
    await settled()
    expect(await db().outboxMessage.count({ where: { status: 'FAILED', registrationId: registration.id } })).toBeGreaterThan(0)

    expect((await signInOrganiser({ ...GUESSED, ip: client.address })).ok).toBe(false)
    expect((await signInOrganiser({ email: ORGANISER.email, password: GUESSED.password, ip: client.address })).ok).toBe(false)
    expect((await signInOrganiser({ email: 'inte en adress', password: '', ip: client.address })).ok).toBe(false)

    expect((await cancelRegistration(signup.token, { erase: true })).kind).toBe('cancelled')
    await settled()
    await runRetention(new Date('2030-01-01T00:00:00Z'))

    const logs = captured.join('\n')
    // The capture works and every flow logged: the check below would otherwise prove nothing.
    for (const event of [
      'signup.registered',
      'signup.duplicate',
      'link.sent',
      'mail.failed',
      'mail.sent',
      'auth.sign_in_failed',
      'retention.done',
    ])
      expect(logs).toContain(`"event":"${event}"`)
    expect(logs).toContain(`"registrationId":${registration.id}`)

    const leaks = PERSONAL_VALUES.filter((value) => logs.toLowerCase().includes(value.toLowerCase()))
    expect(leaks).toEqual([])
    // Nor any e-mail address but the site's own sender's.
    expect(logs.match(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g) ?? []).toEqual([])
  })
})
