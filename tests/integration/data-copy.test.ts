// A copy of one's own data (lib/privacy/data-copy.ts and its route under the personal link):
// every answer under the form's Swedish labels, the trip, status and dates, and the e-mails sent
// (subject, time, state, never their text); an unknown, malformed or erased link gets a 404.
import { describe, expect, it } from 'vitest'
import { GET } from '../../app/(site)/anmalan/[token]/mina-uppgifter/route'
import { correctRegistration } from '../../lib/registrations/organiser-changes'
import { db } from '../../lib/db'
import { deliverOutboxMessage } from '../../lib/email/outbox'
import { copyOfOwnData } from '../../lib/privacy/data-copy'
import { cancelRegistration } from '../../lib/registrations/cancel'
import { registerParticipant } from '../../lib/registrations/signup'
import { parseSignup, type SignupValues } from '../../lib/registrations/schema'
import { createTestTrip, signupValues } from '../support/factories'

type Trip = Awaited<ReturnType<typeof createTestTrip>>

async function signUp(trip: Trip, overrides: SignupValues = {}) {
  const parsed = parseSignup(signupValues(overrides), { hasOvernight: true, boardingStopIds: trip.boardingStops.map((s) => s.id) })
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors))
  const result = await registerParticipant(trip.id, parsed.data)
  if (result.kind !== 'registered') throw new Error(result.kind)
  return result
}

const download = (token: string) => GET(new Request(`http://127.0.0.1/anmalan/${token}/mina-uppgifter`), { params: Promise.resolve({ token }) })

describe('the copy of one\'s own data', () => {
  it('holds every answer, the trip, the status and dates, and the e-mails without their text', async () => {
    const trip = await createTestTrip(db(), { seats: 1, boardingStops: ['Mjölby', 'Mantorp'] })
    await signUp(trip, { boardingStopId: String(trip.boardingStops[0]!.id) })
    const r = await signUp(trip, {
      firstName: 'Greta',
      lastName: 'Kopiasson',
      email: 'greta.kopia@example.se',
      phone: '+46 70 765 43 21',
      organisation: 'Kopians Snickeri AB',
      role: 'fortroendevald',
      dietaryNeeds: 'Vegetariskt',
      overnight: 'dubbelrum',
      shareRoomWith: 'Sven',
      boardingStopId: String(trip.boardingStops[1]!.id),
      otherInfo: 'Kommer direkt från jobbet',
      showInParticipantList: 'on',
    })
    expect(r.status).toBe('WAITLISTED')
    const [message] = await db().outboxMessage.findMany({ where: { registrationId: r.registrationId } })
    expect(await deliverOutboxMessage(message!.id)).toBe('sent')
    const row = await db().registration.findUniqueOrThrow({ where: { id: r.registrationId } })
    const sent = await db().outboxMessage.findUniqueOrThrow({ where: { id: message!.id } })

    const copy = await copyOfOwnData(r.token, new Date('2027-01-02T03:04:05Z'))
    expect(copy).toEqual({
      Om: {
        Beskrivning: 'En kopia av de uppgifter Mjölbybussen har om dig och din anmälan.',
        Hämtad: '2027-01-02T03:04:05.000Z',
        Personuppgiftsansvarig: expect.any(String),
        Kontakt: expect.stringContaining('@'),
        Integritetsmeddelande: expect.stringMatching(/^https?:\/\/[^/]+\/integritet$/),
      },
      Resa: {
        Namn: trip.title,
        Adress: expect.stringMatching(new RegExp(`/resor/${trip.slug}$`)),
        'Första dagen': trip.startDate!.toISOString().slice(0, 10),
        'Sista dagen': trip.endDate!.toISOString().slice(0, 10),
      },
      Anmälan: {
        Nummer: r.registrationId,
        Status: 'Reservlista',
        'Plats på reservlistan': 1,
        Anmäld: row.createdAt.toISOString(),
        'Senast ändrad': row.updatedAt.toISOString(),
        'Integritetsmeddelandet godkänt': row.privacyAcceptedAt.toISOString(),
        Avbokad: null,
        Incheckad: null,
      },
      Svar: {
        Förnamn: 'Greta',
        Efternamn: 'Kopiasson',
        'E-post': 'greta.kopia@example.se',
        Mobilnummer: '+46707654321',
        Organisation: 'Kopians Snickeri AB',
        Roll: 'Förtroendevald',
        'Specialkost eller allergier': 'Vegetariskt',
        Övernattning: 'Dela dubbelrum',
        'Dela rum med': 'Sven',
        Påstigning: 'Mantorp',
        Övrigt: 'Kommer direkt från jobbet',
        'Visa mitt namn och min organisation i listan över deltagare': true,
      },
      Ändringar: [],
      'E-post till dig': [
        { Ämne: sent.subject, Skapat: sent.createdAt.toISOString(), Skickat: sent.sentAt!.toISOString(), Status: 'Skickat' },
      ],
    })
    // No personal link in it, neither this one nor one from an e-mail.
    expect(JSON.stringify(copy)).not.toMatch(/\/anmalan\//)
  })

  it('holds the history of changes, with earlier values, by the form\'s labels', async () => {
    const trip = await createTestTrip(db())
    const r = await signUp(trip, { organisation: 'Gamla Firman AB' })
    const current = await db().registration.findUniqueOrThrow({ where: { id: r.registrationId } })
    await correctRegistration('eva@mjolby.se', r.registrationId, {
      ...signupValues({ email: current.email, firstName: current.firstName, lastName: current.lastName, phone: current.phone }),
      organisation: 'Nya Firman AB',
    })
    const copy = await copyOfOwnData(r.token)
    expect(copy!.Ändringar).toEqual([
      { Tid: expect.any(String), Händelse: expect.any(String), Ändrat: { Organisation: { Från: 'Gamla Firman AB', Till: 'Nya Firman AB' } } },
    ])
  })

  it('is a JSON download that is never cached or indexed; unknown, malformed and erased links get a 404', async () => {
    const trip = await createTestTrip(db())
    const r = await signUp(trip, { firstName: 'Åsa', lastName: 'Öberg' })

    const response = await download(r.token)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="mjolbybussen-mina-uppgifter.json"')
    expect(response.headers.get('cache-control')).toContain('no-store')
    expect(response.headers.get('x-robots-tag')).toContain('noindex')
    const body = new TextDecoder('utf-8').decode(await response.arrayBuffer())
    expect(JSON.parse(body).Svar).toMatchObject({ Förnamn: 'Åsa', Efternamn: 'Öberg' })

    for (const token of ['A'.repeat(22), 'kort', `${r.token}x`, '../../etc/passwd']) {
      const missing = await download(token)
      expect(missing.status).toBe(404)
      expect(missing.headers.get('cache-control')).toContain('no-store')
      expect(await missing.text()).toContain('Sidan finns inte')
    }

    // A cancelled registration's copy says so; once erased, the link leads nowhere.
    const other = await signUp(trip)
    const cancelledAt = new Date(trip.startDate!.getTime() - 7 * 86_400_000 + 9 * 3_600_000) // a week before the trip
    await cancelRegistration(other.token, { erase: false }, cancelledAt)
    expect((await copyOfOwnData(other.token))?.Anmälan).toMatchObject({ Status: 'Avbokad', Avbokad: cancelledAt.toISOString() })
    await cancelRegistration(r.token, { erase: true })
    expect((await download(r.token)).status).toBe(404)
  })
})
