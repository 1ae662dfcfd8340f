// A horizontal bar chart (the mix of roles, the boarding stops), drawn as SVG on the server.
import type { Bar } from '@/lib/admin/overview'
import { CHART_COLOURS as C, ChartFigure } from './chart-figure'

/** "Roller: Företagare 2, Annan 1." */
export function barsSummary(title: string, bars: Bar[]): string {
  return `${title}: ${bars.map((b) => `${b.label} ${b.value}`).join(', ')}.`
}

/** labelHeading names the bars' column in the table ("Roll"). */
export function BarChart({ id, title, bars, labelHeading }: { id: string; title: string; bars: Bar[]; labelHeading: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value))
  const row = 28
  const labelWidth = 170
  const width = 520
  const height = Math.max(row, bars.length * row)
  return (
    <ChartFigure id={id} title={title} table={{ columns: [labelHeading, 'Antal'], rows: bars.map((b) => [b.label, b.value]) }}>
      {bars.length === 0 ? (
        <p>Inga anmälningar ännu.</p>
      ) : (
        <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={barsSummary(title, bars)}>
          {bars.map((bar, i) => {
            const barWidth = ((width - labelWidth - 50) * bar.value) / max
            return (
              <g key={bar.label} transform={`translate(0, ${i * row})`}>
                <text x={labelWidth - 8} y={row / 2 + 5} textAnchor="end" fontSize="14" fill={C.ink}>
                  {bar.label}
                </text>
                <rect x={labelWidth} y={5} width={Math.max(barWidth, 1)} height={row - 10} fill={C.taken} />
                <text x={labelWidth + barWidth + 6} y={row / 2 + 5} fontSize="14" fill={C.ink}>
                  {bar.value}
                </text>
              </g>
            )
          })}
        </svg>
      )}
    </ChartFigure>
  )
}
