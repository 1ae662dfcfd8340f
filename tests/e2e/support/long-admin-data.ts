// A trip whose admin pages carry long real-looking data: double-barrelled names, a municipality's
// department as organisation, long e-mail addresses and boarding stops, an organisation of one
// unbreakable compound word, dietary needs and notes of a sentence or two. For the layout tests.
import type { PrismaClient } from '../../../lib/generated/prisma/client'
import { createTestTrip, dayFromToday } from '../../support/factories'

export const LONG_NAME = { firstName: 'Maximiliana Charlotta', lastName: 'Johansson-Wahlström' }
export const LONG_ORGANISATION = 'Mjölby kommun, samhällsbyggnadsförvaltningen, näringslivsenheten'
// One word with no place to break: only overflow-wrap can keep it inside a phone's card.
export const LONG_WORD_ORGANISATION = 'Östergötlandsregionensnäringslivsutvecklingsaktiebolag'

export async function createTripWithLongData(db: PrismaClient) {
  const trip = await createTestTrip(db, {
    title: 'Studieresa till Gnosjö och Värnamo med företagsbesök och kommunledningsträff',
    seats: 40,
    hasOvernight: true,
    boardingStops: ['Mjölby resecentrum, hållplats Stationsgatan', 'Mantorps centrum', 'Skänninge busstation'],
  })
  const [first, second, third] = trip.boardingStops
  const base = { tripId: trip.id, phone: '+46701234567', privacyAcceptedAt: new Date() }
  const people = [
    { ...LONG_NAME, organisation: LONG_ORGANISATION, boardingStopId: first!.id },
    { firstName: 'Per-Erik', lastName: 'Gustafsson-Lindqvist', organisation: LONG_WORD_ORGANISATION, boardingStopId: first!.id },
    { firstName: 'Anna-Karin', lastName: 'Björklund Svensson', organisation: 'Mjölby Verkstads- och Maskinteknik Aktiebolag', boardingStopId: second!.id },
    { firstName: 'Bo', lastName: 'Ek', organisation: 'Ek & Son Bygg AB', boardingStopId: third!.id },
    { firstName: 'Sofia', lastName: 'Ahmadi Karlsson', organisation: 'Region Östergötland, regional utveckling', boardingStopId: null },
  ]
  await db.registration.createMany({
    data: people.map((p, i) => ({
      ...base,
      ...p,
      status: i < 4 ? ('CONFIRMED' as const) : ('WAITLISTED' as const),
      email: `${p.firstName.split(' ')[0]}.${p.lastName}`.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z.]+/g, '-') + '@mjolby.se',
      role: (['ELECTED_OFFICIAL', 'CIVIL_SERVANT', 'BUSINESS_OWNER', 'OTHER'] as const)[i % 4]!,
      overnight: i % 2 ? ('SHARED_DOUBLE' as const) : ('SINGLE_ROOM' as const),
      shareRoomWith: i % 2 ? 'Gärna med någon från samma förvaltning, annars vem som helst' : null,
      dietaryNeeds: i % 2 ? null : 'Glutenfritt och laktosfritt, allergisk mot nötter och jordnötter',
      otherInfo: i === 0 ? 'Kommer med rullator och behöver plats nära dörren i bussen; kan behöva hjälp vid av- och påstigning.' : null,
    })),
  })
  const registrations = await db.registration.findMany({ where: { tripId: trip.id }, orderBy: { id: 'asc' } })
  const programmeItem = await db.programmeItem.create({
    data: {
      tripId: trip.id,
      startsAt: new Date(dayFromToday(60).getTime() + 7 * 3_600_000),
      title: 'Avresa och frukost på bussen',
      place: 'Mjölby resecentrum',
    },
  })
  return { trip, registrations, programmeItem }
}
