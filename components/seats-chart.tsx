// A trip's seats as one bar: taken and left side by side along the seat count, and the waiting
// list as a bar of its own beside it, on the same scale. Drawn as SVG on the server.
import { CHART_COLOURS as C, ChartFigure } from './chart-figure'

export type SeatFigures = { seats: number; confirmed: number; seatsLeft: number; waitlisted: number; cancelled: number }

/** "Platser: 12 av 40 bokade, 28 lediga. 3 på reservlistan. 2 avbokade." */
export function seatsSummary(title: string, f: SeatFigures): string {
  const over = f.confirmed - f.seats
  const taken = over > 0 ? `${f.confirmed} bokade på ${f.seats} platser (${over} fler än platserna)` : `${f.confirmed} av ${f.seats} bokade`
  return `${title}: ${taken}, ${f.seatsLeft} lediga. ${f.waitlisted} på reservlistan. ${f.cancelled} avbokade.`
}

export function SeatsChart({ id, title, figures: f }: { id: string; title: string; figures: SeatFigures }) {
  const width = 520
  const left = 4
  const gap = f.waitlisted > 0 ? 24 : 0
  const capacity = Math.max(f.seats, f.confirmed)
  const units = Math.max(1, capacity + f.waitlisted)
  const unit = (width - 2 * left - gap) / units
  const barY = 26
  const barHeight = 30
  const takenWidth = f.confirmed * unit
  const freeWidth = f.seatsLeft * unit
  const waitX = left + capacity * unit + gap
  const legendY = barY + barHeight + 30
  const legend = [
    { label: `Bokade ${f.confirmed}`, fill: C.taken },
    { label: `Lediga ${f.seatsLeft}`, fill: C.free },
    { label: `Reservlista ${f.waitlisted}`, fill: C.waiting },
  ]
  return (
    <ChartFigure
      id={id}
      title={title}
      table={{
        columns: ['Platser', 'Antal'],
        rows: [
          ['Bokade', f.confirmed],
          ['Lediga', f.seatsLeft],
          ['Reservlista', f.waitlisted],
          ['Avbokade', f.cancelled],
          ['Platser på resan', f.seats],
        ],
      }}
    >
      <svg viewBox={`0 0 ${width} ${legendY + 12}`} width="100%" role="img" aria-label={seatsSummary(title, f)}>
        <text x={left} y={16} fontSize="14" fill={C.muted}>
          {f.seats} platser
        </text>
        {f.waitlisted > 0 && (
          <text x={waitX} y={16} fontSize="14" fill={C.muted}>
            Reservlista
          </text>
        )}
        {takenWidth > 0 && <rect x={left} y={barY} width={takenWidth} height={barHeight} fill={C.taken} />}
        {freeWidth > 0 && (
          <rect x={left + takenWidth + 1} y={barY + 1} width={freeWidth - 2} height={barHeight - 2} fill={C.free} stroke={C.taken} strokeWidth="2" />
        )}
        {f.waitlisted > 0 && <rect x={waitX} y={barY} width={f.waitlisted * unit} height={barHeight} fill={C.waiting} />}
        {legend.map((item, i) => (
          <g key={item.label} transform={`translate(${left + i * 170}, ${legendY - 12})`}>
            <rect x={1} y={1} width={14} height={14} fill={item.fill} stroke={C.taken} strokeWidth={item.fill === C.free ? 2 : 0} />
            <text x={22} y={13} fontSize="14" fill={C.ink}>
              {item.label}
            </text>
          </g>
        ))}
      </svg>
    </ChartFigure>
  )
}
