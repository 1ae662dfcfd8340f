// The check the proxy makes before a per-request page renders (lib/http/missing-records.ts): a
// personal link or an admin record that does not exist is named as missing, one that exists is
// not, and without an organiser's session no admin path is ever named (a stranger learns nothing).
import { describe, expect, it } from 'vitest'
import { addOrganiser } from '../../lib/auth/organisers'
import { signInOrganiser } from '../../lib/auth/sign-in'
import { db } from '../../lib/db'
import { namesMissingRecord } from '../../lib/http/missing-records'
import { registerParticipant } from '../../lib/registrations/signup'
import { parseSignup } from '../../lib/registrations/schema'
import { createTestTrip, signupValues } from '../support/factories'

async function signUp(tripId: number) {
  const parsed = parseSignup(signupValues(), { hasOvernight: true, boardingStopIds: [] })
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors))
  const result = await registerParticipant(tripId, parsed.data)
  if (result.kind !== 'registered') throw new Error(result.kind)
  return result
}

async function organiserHeaders(): Promise<Headers> {
  const password = 'ett riktigt långt lösenord'
  await addOrganiser(db(), { email: 'anna@mjolby.se', name: 'Anna Berg', password })
  const result = await signInOrganiser({ email: 'anna@mjolby.se', password, ip: '198.51.100.7' })
  if (!result.ok) throw new Error(result.error)
  return new Headers({ cookie: result.headers.getSetCookie().map((c) => c.split(';')[0]!).join('; ') })
}

describe('namesMissingRecord', () => {
  it('names unknown and malformed personal links, not working ones or other pages', async () => {
    const trip = await createTestTrip(db())
    const { token } = await signUp(trip.id)
    const none = new Headers()
    for (const path of ['/anmalan/xyz', `/anmalan/${'A'.repeat(22)}`, `/anmalan/${'A'.repeat(22)}/avboka`, `/anmalan/${token}x`, `/anmalan/bekrafta-epost/${'A'.repeat(22)}`, '/anmalan/bekrafta-epost/xyz', '/anmalan/bekrafta-epost'])
      expect(await namesMissingRecord(path, none), path).toBe(true)
    for (const path of [`/anmalan/${token}`, `/anmalan/${token}/avboka`, '/anmalan/avbokad', `/anmalan/${'A'.repeat(22)}/mina-uppgifter`, '/resor/finns-inte', '/'])
      expect(await namesMissingRecord(path, none), path).toBe(false)
  })

  it('names missing admin records for a signed-in organiser only', async () => {
    const trip = await createTestTrip(db())
    const { registrationId } = await signUp(trip.id)
    const other = await createTestTrip(db())
    const item = await db().programmeItem.create({ data: { tripId: trip.id, startsAt: new Date(), title: 'Avresa' } })
    const city = await db().hostCity.create({ data: { slug: `ort-${trip.id}`, name: 'Orten', county: 'Länet', portrait: '' } })
    const organiser = await organiserHeaders()

    const missing = [
      '/admin/resor/finns-inte',
      '/admin/resor/finns-inte/redigera',
      '/admin/resor/finns-inte/incheckning',
      `/admin/resor/${trip.slug}/anmalan/999999999`,
      `/admin/resor/${trip.slug}/anmalan/abc`,
      `/admin/resor/${other.slug}/anmalan/${registrationId}`,
      `/admin/resor/${trip.slug}/redigera/program/999999999`,
      `/admin/resor/${other.slug}/redigera/program/${item.id}`,
      `/admin/resor/${trip.slug}/listor/visa/okand`,
      '/admin/orter/finns-inte',
    ]
    const present = [
      '/admin',
      '/admin/resor/ny',
      '/admin/orter/ny',
      `/admin/resor/${trip.slug}`,
      `/admin/resor/${trip.slug}/redigera`,
      `/admin/resor/${trip.slug}/anmalan/${registrationId}`,
      `/admin/resor/${trip.slug}/redigera/program/${item.id}`,
      `/admin/resor/${trip.slug}/listor/visa/buss`,
      `/admin/orter/${city.slug}`,
    ]
    for (const path of missing) {
      expect(await namesMissingRecord(path, organiser), path).toBe(true)
      expect(await namesMissingRecord(path, new Headers()), `${path} without a session`).toBe(false)
    }
    for (const path of present) expect(await namesMissingRecord(path, organiser), path).toBe(false)
  })
})
