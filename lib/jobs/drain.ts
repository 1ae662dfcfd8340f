// SIGTERM (a deploy, a scale-down) drains the Next.js server: on the signal it stops accepting
// connections, finishes the requests it has, then calls process.exit (next/dist/server/lib/
// start-server.js). The job queue must stop after those requests (they may queue e-mail) and
// before the process ends, letting a job in progress finish: so the exit Next.js calls waits for
// `stop`. Nothing else here calls process.exit on a signal.
import { log } from '../log'

export function drainOnExit(stop: () => Promise<void>) {
  let draining = false
  const onSignal = (signal: NodeJS.Signals) => {
    if (draining) return
    draining = true
    log.info('server.draining', { signal })
    const exit = process.exit.bind(process)
    let exiting = false
    process.exit = ((code?: number) => {
      if (exiting) return undefined as never
      exiting = true
      stop()
        .then(() => log.info('queue.stopped'))
        .catch((err: unknown) => log.error('queue.stop_failed', { message: err instanceof Error ? err.message : String(err) }))
        .finally(() => exit(code))
      return undefined as never
    }) as typeof process.exit
  }
  process.once('SIGTERM', onSignal)
  process.once('SIGINT', onSignal)
}
