// The organisers' registration table at 10,000 registrations, and the exported lists: content,
// Swedish characters, phone numbers as Swedes write them, formulas guarded in CSV and kept as
// plain text in Excel.
import ExcelJS from 'exceljs'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '../../lib/db'
import { listRegistrations, PAGE_SIZE, parseListQuery } from '../../lib/admin/registration-list'
import { toCsv, toXlsx } from '../../lib/admin/spreadsheet'
import { tripList } from '../../lib/admin/trip-lists'
import { createTestTrip } from '../support/factories'

const ROLES = ['BUSINESS_OWNER', 'ELECTED_OFFICIAL', 'CIVIL_SERVANT', 'OTHER'] as const
const STATUSES = ['CONFIRMED', 'WAITLISTED', 'CANCELLED'] as const

describe('registration table at 10,000 registrations', () => {
  let tripId: number
  let stops: number[]
  beforeEach(async () => {
    const trip = await createTestTrip(db(), { seats: 5000, boardingStops: ['Mjölby', 'Mantorp', 'Skänninge'] })
    tripId = trip.id
    stops = trip.boardingStops.map((s) => s.id)
    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      tripId,
      status: STATUSES[i % 3]!,
      firstName: `Förnamn${i}`,
      lastName: i === 4242 ? 'Åkesson' : `Efternamn${String(i).padStart(5, '0')}`,
      email: `person${i}@example.se`,
      phone: '+46701234567',
      organisation: i % 100 === 0 ? 'Mjölby Kommun' : `Företag ${i % 37}`,
      role: ROLES[i % 4]!,
      overnight: i % 2 ? ('SINGLE_ROOM' as const) : ('NONE' as const),
      boardingStopId: stops[i % 3]!,
      privacyAcceptedAt: new Date(),
    }))
    for (let i = 0; i < rows.length; i += 2000) await db().registration.createMany({ data: rows.slice(i, i + 2000) })
  })

  it('filters, searches, sorts and pages in the database', async () => {
    const all = await listRegistrations(tripId, parseListQuery({}))
    expect(all.total).toBe(10_000)
    expect(all.rows).toHaveLength(PAGE_SIZE)
    expect(all.pages).toBe(200)

    const confirmed = await listRegistrations(tripId, parseListQuery({ status: 'CONFIRMED' }))
    expect(confirmed.total).toBe(3334)

    const combined = await listRegistrations(
      tripId,
      parseListQuery({ status: 'WAITLISTED', role: 'CIVIL_SERVANT', overnight: 'SINGLE_ROOM', stop: String(stops[0]) }),
    )
    // Waiting means i ≡ 1 (mod 3), civil servant i ≡ 2 (mod 4), a single room i odd: never all three.
    expect(combined.total).toBe(0)
    const satisfiable = await listRegistrations(tripId, parseListQuery({ status: 'WAITLISTED', role: 'ELECTED_OFFICIAL' }))
    expect(satisfiable.total).toBe(Array.from({ length: 10_000 }, (_, i) => i).filter((i) => i % 3 === 1 && i % 4 === 1).length)

    // Search is case-insensitive over name, e-mail and organisation, å included.
    expect((await listRegistrations(tripId, parseListQuery({ q: 'åkesson' }))).rows.map((r) => r.lastName)).toEqual(['Åkesson'])
    expect((await listRegistrations(tripId, parseListQuery({ q: 'PERSON9999@' }))).total).toBe(1)
    expect((await listRegistrations(tripId, parseListQuery({ q: 'mjölby kommun' }))).total).toBe(100)

    // (Searched down to names of digits only, so that the order is the same under any collation.)
    const byName = await listRegistrations(tripId, parseListQuery({ q: 'Efternamn09', sort: 'name', dir: 'desc', page: '2' }))
    expect(byName.total).toBe(1000)
    expect(byName.rows.map((r) => r.lastName)).toEqual(
      Array.from({ length: PAGE_SIZE }, (_, i) => `Efternamn0${9999 - PAGE_SIZE - i}`),
    )
  })

  it('reads malformed URL state as the defaults instead of failing', () => {
    expect(parseListQuery({ status: 'NONSENSE', page: '-3', sort: 'x', stop: 'abc', q: 'a'.repeat(500) })).toEqual({
      sort: 'arrival',
      dir: 'asc',
      page: 1,
    })
  })
})

describe('exported lists', () => {
  beforeEach(async () => {
    const trip = await createTestTrip(db(), { boardingStops: ['Mjölby', 'Mantorp'] })
    const [mjolby, mantorp] = trip.boardingStops
    const base = { tripId: trip.id, phone: '+46701234567', email: 'x@example.se', role: 'OTHER' as const, privacyAcceptedAt: new Date() }
    await db().registration.createMany({
      data: [
        { ...base, status: 'CONFIRMED', firstName: 'Åsa', lastName: 'Öberg', organisation: 'Ärlig AB', boardingStopId: mantorp!.id, overnight: 'SHARED_DOUBLE', shareRoomWith: 'Bo', dietaryNeeds: 'Vegetarisk' },
        { ...base, status: 'CONFIRMED', firstName: 'Bo', lastName: 'Ek', organisation: '=HYPERLINK("http://evil.example","klicka")', boardingStopId: mjolby!.id, overnight: 'SINGLE_ROOM', dietaryNeeds: 'vegetarisk ' },
        { ...base, status: 'CONFIRMED', firstName: '=SUM(A1)', lastName: '-2+3', organisation: '+cmd', boardingStopId: mjolby!.id, overnight: 'NONE', dietaryNeeds: 'Glutenfri' },
        { ...base, status: 'WAITLISTED', firstName: 'Vän', lastName: 'Tar', organisation: '@Företaget', phone: '+46739876543', boardingStopId: mjolby!.id },
      ],
    })
    tripIdForLists = trip.id
  })
  let tripIdForLists: number

  it('groups the bus list by boarding stop and the dietary needs with counts (confirmed only)', async () => {
    const bus = await tripList(tripIdForLists, 'buss')
    expect(bus.rows.map((r) => [r[0], r[1]])).toEqual([
      ['Mjölby', '=SUM(A1) -2+3'],
      ['Mjölby', 'Bo Ek'],
      ['Mantorp', 'Åsa Öberg'],
    ])
    const diet = await tripList(tripIdForLists, 'kost')
    expect(diet.rows).toEqual([
      ['Vegetarisk', 2, 'Bo Ek, Åsa Öberg'],
      ['Glutenfri', 1, '=SUM(A1) -2+3'],
    ])
    const rooms = await tripList(tripIdForLists, 'rum')
    expect(rooms.rows).toEqual([
      ['Dela dubbelrum', 'Åsa Öberg', 'Bo'],
      ['Enkelrum', 'Bo Ek', null],
    ])
  })

  it('writes CSV with a BOM and semicolons, phone numbers as Swedes write them, and guards formulas', async () => {
    const csv = toCsv(await tripList(tripIdForLists, 'deltagare'))
    expect(csv.startsWith('\uFEFFNr;Status;Förnamn')).toBe(true)
    expect(csv).toContain('Åsa;Öberg;x@example.se;070-123 45 67;Ärlig AB')
    expect(csv).toContain(';073-987 65 43;')
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""klicka"")"`)
    expect(csv).toContain("'=SUM(A1);'-2+3")
    expect(csv).toContain(";'+cmd;")
    expect(csv).toContain(";'@Företaget;")
    expect(csv).not.toContain('+46')
    // No field of any line starts with a formula character.
    for (const line of csv.split('\r\n').slice(1)) {
      for (const field of line.split(';')) expect(field).not.toMatch(/^"?[=+\-@\t\r]/)
    }
  })

  it('writes an Excel file whose cells read back as they are: text, never a formula, no apostrophe', async () => {
    const buffer = await toXlsx([await tripList(tripIdForLists, 'deltagare'), await tripList(tripIdForLists, 'buss')])
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(buffer as unknown as ArrayBuffer)
    expect(book.worksheets.map((w) => w.name)).toEqual(['Alla anmälda', 'Busslista'])
    const sheet = book.getWorksheet('Alla anmälda')!
    const header = sheet.getRow(1).values as unknown[]
    expect(header).toContain('Förnamn')
    const column = (name: string) => sheet.getColumn(header.indexOf(name)).values.slice(2)
    expect(column('Mobilnummer')).toEqual(['070-123 45 67', '070-123 45 67', '070-123 45 67', '073-987 65 43'])
    expect(column('Förnamn')).toEqual(['Åsa', 'Bo', '=SUM(A1)', 'Vän'])
    expect(column('Efternamn')).toContain('-2+3')
    expect(column('Organisation')).toEqual(['Ärlig AB', '=HYPERLINK("http://evil.example","klicka")', '+cmd', '@Företaget'])
    const bus = book.getWorksheet('Busslista')!
    expect(bus.getColumn(3).values.slice(1)).toEqual(['Mobilnummer', '070-123 45 67', '070-123 45 67', '070-123 45 67'])
    for (const ws of book.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect([ExcelJS.ValueType.String, ExcelJS.ValueType.Number]).toContain(cell.type)
          if (typeof cell.value === 'string') expect(cell.value.startsWith("'"), cell.value).toBe(false)
        }),
      )
    }
  })
})
