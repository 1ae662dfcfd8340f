// The lists a trip needs, as tables: everyone signed up, the bus list by boarding stop, the room
// list, dietary needs grouped, and the check-in list for the day of departure. Each is one query.
import { db } from '../db'
import { formatPhone } from '../phone'
import type { RegistrationStatus } from '../generated/prisma/enums'
import { overnightLabel, roleLabel, STATUS_LABEL, type StoredAnswers } from '../registrations/schema'
import type { Sheet } from './spreadsheet'

export const LIST_KINDS = ['deltagare', 'buss', 'rum', 'kost', 'incheckning'] as const
export type ListKind = (typeof LIST_KINDS)[number]

export const LIST_TITLES: Record<ListKind, string> = {
  deltagare: 'Alla anmälda',
  buss: 'Busslista',
  rum: 'Rumslista',
  kost: 'Specialkost',
  incheckning: 'Incheckning',
}

/** What each list holds, in a sentence, for the trip's page of lists. */
export const LIST_DESCRIPTIONS: Record<ListKind, string> = {
  deltagare: 'Bekräftade och reservlistan, med alla svar.',
  buss: 'Bekräftade per påstigningsplats, med mobilnummer.',
  rum: 'Bekräftade som övernattar, dubbelrum först.',
  kost: 'Bekräftade med specialkost eller allergier, grupperade med antal.',
  incheckning: 'Bekräftade per påstigningsplats, med en kolumn att bocka av.',
}


type Row = StoredAnswers & {
  id: number
  status: RegistrationStatus
  boardingStop: { name: string; position: number } | null
}

const NO_STOP = 'Ingen vald'
const byName = (a: Row, b: Row) => a.lastName.localeCompare(b.lastName, 'sv') || a.firstName.localeCompare(b.firstName, 'sv')
const byStopThenName = (a: Row, b: Row) =>
  (a.boardingStop?.position ?? 1e9) - (b.boardingStop?.position ?? 1e9) || byName(a, b)

async function activeRegistrations(tripId: number): Promise<Row[]> {
  return db().registration.findMany({
    where: { tripId, status: { in: ['CONFIRMED', 'WAITLISTED'] } },
    orderBy: { id: 'asc' },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      email: true,
      phone: true,
      organisation: true,
      role: true,
      status: true,
      dietaryNeeds: true,
      overnight: true,
      shareRoomWith: true,
      otherInfo: true,
      boardingStop: { select: { name: true, position: true } },
    },
  })
}

export async function tripList(tripId: number, kind: ListKind): Promise<Sheet> {
  const all = await activeRegistrations(tripId)
  const confirmed = all.filter((r) => r.status === 'CONFIRMED')
  const name = (r: Row) => `${r.firstName} ${r.lastName}`
  const title = LIST_TITLES[kind]
  switch (kind) {
    case 'deltagare':
      return {
        title,
        columns: ['Nr', 'Status', 'Förnamn', 'Efternamn', 'E-post', 'Mobilnummer', 'Organisation', 'Roll', 'Övernattning', 'Dela rum med', 'Påstigning', 'Specialkost eller allergier', 'Övrigt'],
        rows: all.map((r) => [
          r.id,
          STATUS_LABEL[r.status],
          r.firstName,
          r.lastName,
          r.email,
          formatPhone(r.phone),
          r.organisation,
          roleLabel(r.role),
          r.overnight ? overnightLabel(r.overnight) : null,
          r.shareRoomWith,
          r.boardingStop?.name ?? null,
          r.dietaryNeeds,
          r.otherInfo,
        ]),
      }
    case 'buss':
      return {
        title,
        columns: ['Påstigning', 'Namn', 'Mobilnummer', 'Organisation'],
        rows: [...confirmed].sort(byStopThenName).map((r) => [r.boardingStop?.name ?? NO_STOP, name(r), formatPhone(r.phone), r.organisation]),
      }
    case 'rum':
      return {
        title,
        columns: ['Rum', 'Namn', 'Vill dela med'],
        rows: confirmed
          .filter((r) => r.overnight === 'SINGLE_ROOM' || r.overnight === 'SHARED_DOUBLE')
          .sort((a, b) => (a.overnight === b.overnight ? byName(a, b) : a.overnight === 'SHARED_DOUBLE' ? -1 : 1))
          .map((r) => [overnightLabel(r.overnight!), name(r), r.shareRoomWith]),
      }
    case 'kost': {
      // Grouped by what people wrote (case and spacing aside), with a count per group.
      const groups = new Map<string, Row[]>()
      for (const r of confirmed.filter((r) => r.dietaryNeeds)) {
        const key = r.dietaryNeeds!.trim().toLowerCase().replace(/\s+/g, ' ')
        groups.set(key, [...(groups.get(key) ?? []), r])
      }
      return {
        title,
        columns: ['Specialkost eller allergier', 'Antal', 'Namn'],
        rows: [...groups.values()]
          .sort((a, b) => b.length - a.length || a[0]!.dietaryNeeds!.localeCompare(b[0]!.dietaryNeeds!, 'sv'))
          .map((group) => [group[0]!.dietaryNeeds!, group.length, group.sort(byName).map(name).join(', ')]),
      }
    }
    case 'incheckning':
      return {
        title,
        columns: ['Påstigning', 'Namn', 'Mobilnummer', 'Incheckad'],
        rows: [...confirmed].sort(byStopThenName).map((r) => [r.boardingStop?.name ?? NO_STOP, name(r), formatPhone(r.phone), '']),
      }
  }
}
