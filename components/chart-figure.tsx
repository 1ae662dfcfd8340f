// The frame of every chart on the overview: a caption, the picture (an SVG drawn on the server,
// no JavaScript) with a text alternative that says what it shows, and the numbers as a table for
// whoever wants them exactly (screen readers, copying), folded so that it is not read twice.
import type { ReactNode } from 'react'

export type ChartTable = { columns: string[]; rows: (string | number)[][] }

export function ChartFigure({
  id,
  title,
  table,
  children,
}: {
  id: string
  title: string
  table: ChartTable
  /** The SVG, or a sentence when there is nothing to draw. */
  children: ReactNode
}) {
  return (
    <figure className="chart">
      <figcaption id={`${id}-rubrik`}>{title}</figcaption>
      {children}
      {table.rows.length > 0 && (
        <details className="chart-data">
          <summary>
            Visa som tabell<span className="visually-hidden">: {title}</span>
          </summary>
          <table className="data-table chart-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map(([head, ...cells], row) => (
                <tr key={row}>
                  <th scope="row">{head}</th>
                  {cells.map((cell, i) => (
                    <td key={i}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </figure>
  )
}

/** The colours of the charts: each at least 3:1 against the white page and its neighbours (WCAG 1.4.11). */
export const CHART_COLOURS = {
  ink: '#1b1f23',
  muted: '#4a5560',
  grid: '#c9d1d8',
  taken: '#0b4f6c',
  free: '#ffffff',
  waiting: '#8a4b00',
} as const
