// A horizontal bar chart drawn as SVG on the server (no JavaScript). The numbers are in the
// picture and, for screen readers, in a table right after it, which the chart points to.
import type { Bar } from '@/lib/admin/overview'

export function BarChart({ id, title, bars }: { id: string; title: string; bars: Bar[] }) {
  const max = Math.max(1, ...bars.map((b) => b.value))
  const row = 28
  const labelWidth = 160
  const width = 520
  const height = Math.max(row, bars.length * row)
  return (
    <figure className="chart">
      <figcaption id={`${id}-title`}>{title}</figcaption>
      {bars.length === 0 ? (
        <p>Inga uppgifter ännu.</p>
      ) : (
        <>
          <svg
            viewBox={`0 0 ${width} ${height}`}
            width="100%"
            role="img"
            aria-labelledby={`${id}-title`}
            aria-describedby={`${id}-table`}
          >
            {bars.map((bar, i) => {
              const barWidth = ((width - labelWidth - 50) * bar.value) / max
              return (
                <g key={bar.label} transform={`translate(0, ${i * row})`}>
                  <text x={labelWidth - 8} y={row / 2 + 5} textAnchor="end" fontSize="14" fill="#1b1f23">
                    {bar.label}
                  </text>
                  <rect x={labelWidth} y={5} width={Math.max(barWidth, 1)} height={row - 10} fill="#0b4f6c" />
                  <text x={labelWidth + barWidth + 6} y={row / 2 + 5} fontSize="14" fill="#1b1f23">
                    {bar.value}
                  </text>
                </g>
              )
            })}
          </svg>
          <table id={`${id}-table`} className="data-table chart-table">
            <caption className="visually-hidden">{title}</caption>
            <tbody>
              {bars.map((bar) => (
                <tr key={bar.label}>
                  <th scope="row">{bar.label}</th>
                  <td>{bar.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </figure>
  )
}
