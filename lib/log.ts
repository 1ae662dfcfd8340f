// Structured logs: one JSON object a line. Never pass personal data (names, e-mail, phone,
// free text) here: log ids and counts instead.
type Level = 'debug' | 'info' | 'warn' | 'error'
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 }

function write(level: Level, event: string, fields: Record<string, unknown> = {}) {
  const threshold = (process.env.LOG_LEVEL as Level | undefined) ?? 'info'
  if (order[level] < (order[threshold] ?? 20)) return
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...fields })
  if (level === 'error' || level === 'warn') console.error(line)
  else console.log(line)
}

export const log = {
  debug: (event: string, fields?: Record<string, unknown>) => write('debug', event, fields),
  info: (event: string, fields?: Record<string, unknown>) => write('info', event, fields),
  warn: (event: string, fields?: Record<string, unknown>) => write('warn', event, fields),
  error: (event: string, fields?: Record<string, unknown>) => write('error', event, fields),
}
