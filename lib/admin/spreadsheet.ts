// Tables as CSV and Excel files for the bus company, the hotel and the kitchen. Every cell that
// a spreadsheet program would read as a formula (starting with = + - @, tab or carriage return)
// is prefixed with an apostrophe, so a registration cannot smuggle a formula into an organiser's
// spreadsheet (OWASP "CSV injection").
import ExcelJS from 'exceljs'

export type Cell = string | number | null
export type Sheet = { title: string; columns: string[]; rows: Cell[][] }

const FORMULA_START = /^[=+\-@\t\r]/

export function neutralise(cell: Cell): Cell {
  return typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell
}

/**
 * CSV as Excel opens it in Sweden: UTF-8 with a byte-order mark (so å, ä and ö show right) and
 * semicolons between fields (the comma is the decimal sign here).
 */
export function toCsv(sheet: Sheet): string {
  const field = (cell: Cell) => {
    const text = cell === null ? '' : String(neutralise(cell))
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
    for (const row of sheet.rows) ws.addRow(row.map(neutralise))
    ws.columns.forEach((column, i) => {
      const longest = Math.max(sheet.columns[i]!.length, ...sheet.rows.map((r) => String(r[i] ?? '').length))
      column.width = Math.min(60, Math.max(10, longest + 2))
    })
    ws.views = [{ state: 'frozen', ySplit: 1 }]
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
