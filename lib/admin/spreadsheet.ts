// Tables as CSV and Excel files for the bus company, the hotel and the kitchen.
//
// Formula injection (OWASP "CSV injection") is a matter of CSV only: a spreadsheet program opening
// a CSV file reads a field that starts with = + - @, tab or carriage return as a formula, so such
// a field gets an apostrophe first and no registration can smuggle a formula into an organiser's
// spreadsheet. An Excel file says what each cell is: ours holds strings as strings and numbers as
// numbers, never a formula, and a string is shown as it is and never evaluated, so its cells
// carry no apostrophe (which would show): a name is the name, a phone number reads 070-123 45 67.
import ExcelJS from 'exceljs'

export type Cell = string | number | null
export type Sheet = { title: string; columns: string[]; rows: Cell[][] }

const FORMULA_START = /^[=+\-@\t\r]/

/** A CSV field's text, with an apostrophe first when a spreadsheet would read it as a formula. */
export function csvFieldText(cell: Cell): string {
  if (cell === null) return ''
  const text = String(cell)
  return typeof cell === 'string' && FORMULA_START.test(text) ? `'${text}` : text
}

/**
 * CSV as Excel opens it in Sweden: UTF-8 with a byte-order mark (so å, ä and ö show right) and
 * semicolons between fields (the comma is the decimal sign here).
 */
export function toCsv(sheet: Sheet): string {
  const field = (cell: Cell) => {
    const text = csvFieldText(cell)
    return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
  }
  const lines = [sheet.columns, ...sheet.rows].map((row) => row.map(field).join(';'))
  return '\uFEFF' + lines.join('\r\n') + '\r\n'
}

export async function toXlsx(sheets: Sheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Mjölbybussen'
  for (const sheet of sheets) {
    // Excel allows 31 characters and no []:*?/\ in a sheet's name.
    const ws = workbook.addWorksheet(sheet.title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31))
    ws.addRow(sheet.columns).font = { bold: true }
    // Plain values: exceljs stores a string as a string cell (a formula only from { formula }).
    for (const row of sheet.rows) ws.addRow(row)
    ws.columns.forEach((column, i) => {
      const longest = Math.max(sheet.columns[i]!.length, ...sheet.rows.map((r) => String(r[i] ?? '').length))
      column.width = Math.min(60, Math.max(10, longest + 2))
    })
    ws.views = [{ state: 'frozen', ySplit: 1 }]
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
