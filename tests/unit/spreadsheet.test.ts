// The formula guard of the CSV files (OWASP "CSV injection"): a field that a spreadsheet would
// read as a formula gets an apostrophe first; every other field is written as it is.
import { describe, expect, it } from 'vitest'
import { csvFieldText, toCsv } from '../../lib/admin/spreadsheet'

describe('csvFieldText', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['=HYPERLINK("http://evil.example","klicka")', `'=HYPERLINK("http://evil.example","klicka")`],
    ['+46701234567', "'+46701234567"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
  ])('guards %j', (cell, written) => {
    expect(csvFieldText(cell)).toBe(written)
  })

  it.each([
    ['a name', 'Åsa Öberg'],
    ['a phone number as Swedes write it', '070-123 45 67'],
    ['a formula character inside the text', 'Ek = Bo + Cia'],
    ['a space before =', ' =1+1'],
    ['an apostrophe of its own', "'t Hooft"],
    ['an empty text', ''],
  ])('leaves %s as it is', (_, cell) => {
    expect(csvFieldText(cell)).toBe(cell)
  })

  it('writes numbers as numbers and an empty cell as nothing', () => {
    expect(csvFieldText(42)).toBe('42')
    expect(csvFieldText(-3)).toBe('-3')
    expect(csvFieldText(null)).toBe('')
  })
})

describe('toCsv', () => {
  const sheet = {
    title: 'Busslista',
    columns: ['Påstigning', 'Namn', 'Mobilnummer'],
    rows: [
      ['Mjölby', '=cmd|" /C calc"!A0', '070-123 45 67'],
      ['Mantorp', 'Bo; "Bosse" Ek', '+46701234567'],
    ],
  }

  it('writes UTF-8 with a byte-order mark, semicolons and CRLF, guarded and quoted where needed', () => {
    expect(toCsv(sheet)).toBe(
      '\uFEFFPåstigning;Namn;Mobilnummer\r\n' +
        `Mjölby;"'=cmd|"" /C calc""!A0";070-123 45 67\r\n` +
        `Mantorp;"Bo; ""Bosse"" Ek";'+46701234567\r\n`,
    )
  })

  it('leaves no field that a spreadsheet would start a formula with', () => {
    const lines = toCsv(sheet).slice(1).split('\r\n').filter(Boolean)
    for (const line of lines) for (const field of line.split(';')) expect(field).not.toMatch(/^"?[=+\-@\t\r]/)
  })
})
