// Signups over time: the running total as a line over the days from the first signup to the
// last, dates on the axis as Swedes write them ("3 nov"). Drawn as SVG on the server.
import type { SignupDay } from '@/lib/admin/overview'
import { CHART_COLOURS as C, ChartFigure } from './chart-figure'

/** "Anmälningar över tid: 14 anmälningar från 3 november 2026 till 28 november 2026, flest den 12 november 2026 (5)." */
export function signupsSummary(title: string, days: SignupDay[]): string {
  const last = days.at(-1)!
  const busiest = days.reduce((a, b) => (b.count > a.count ? b : a))
  const people = (n: number) => `${n} ${n === 1 ? 'anmälan' : 'anmälningar'}`
  if (days.length === 1) return `${title}: ${people(last.total)}, alla den ${last.label}.`
  return `${title}: ${people(last.total)} från ${days[0]!.label} till ${last.label}, flest den ${busiest.label} (${busiest.count}).`
}

/** A step for the value axis (1, 2 or 5 times a power of ten) giving at most five steps up to max. */
function niceStep(max: number): number {
  for (let power = 1; ; power *= 10) for (const m of [1, 2, 5]) if (max / (m * power) <= 5) return m * power
}

/** Which days get a date on the axis: the first, the last, and evenly spaced ones between. */
function labelledDays(n: number, most: number): number[] {
  if (n <= most) return Array.from({ length: n }, (_, i) => i)
  const step = Math.ceil((n - 1) / (most - 1))
  const picks = Array.from({ length: Math.floor((n - 1) / step) + 1 }, (_, i) => i * step)
  if (n - 1 - picks.at(-1)! < step / 2) picks.pop()
  return [...picks, n - 1]
}

export function SignupsChart({ id, title, days }: { id: string; title: string; days: SignupDay[] }) {
  const width = 560
  const height = 240
  const pad = { top: 16, right: 44, bottom: 34, left: 40 }
  const plotWidth = width - pad.left - pad.right
  const plotHeight = height - pad.top - pad.bottom
  const total = days.at(-1)?.total ?? 0
  const step = niceStep(Math.max(1, total))
  const top = Math.max(step, Math.ceil(total / step) * step)
  const x = (i: number) => pad.left + (days.length === 1 ? plotWidth / 2 : (i * plotWidth) / (days.length - 1))
  const y = (v: number) => pad.top + plotHeight - (v * plotHeight) / top
  const ticks = Array.from({ length: top / step + 1 }, (_, i) => i * step)
  const line = days.map((d, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(d.total).toFixed(1)}`).join(' ')
  return (
    <ChartFigure
      id={id}
      title={title}
      table={{ columns: ['Dag', 'Nya anmälningar', 'Totalt'], rows: days.filter((d) => d.count > 0).map((d) => [d.label, d.count, d.total]) }}
    >
      {days.length === 0 ? (
        <p>Inga anmälningar ännu.</p>
      ) : (
        <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={signupsSummary(title, days)}>
          {ticks.map((t) => (
            <g key={t}>
              <line x1={pad.left} x2={width - pad.right} y1={y(t)} y2={y(t)} stroke={C.grid} strokeWidth="1" />
              <text x={pad.left - 8} y={y(t) + 5} textAnchor="end" fontSize="13" fill={C.muted}>
                {t}
              </text>
            </g>
          ))}
          {labelledDays(days.length, 6).map((i) => (
            <text key={days[i]!.day} x={x(i)} y={height - 10} textAnchor="middle" fontSize="13" fill={C.muted}>
              {days[i]!.shortLabel}
            </text>
          ))}
          <path d={line} fill="none" stroke={C.taken} strokeWidth="3" strokeLinejoin="round" />
          {days.map((d, i) =>
            d.count > 0 ? <circle key={d.day} cx={x(i)} cy={y(d.total)} r="4" fill={C.taken} /> : null,
          )}
          <text x={x(days.length - 1) + 8} y={y(total) + 5} fontSize="14" fontWeight="700" fill={C.ink}>
            {total}
          </text>
        </svg>
      )}
    </ChartFigure>
  )
}
