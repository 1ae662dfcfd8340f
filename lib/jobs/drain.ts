// SIGTERM (a deploy, a scale-down) drains the Next.js server: on the signal it stops accepting
// connections, waits for the ones it has to end, then calls process.exit (next/dist/server/lib/
// start-server.js). Two things are added here:
// - Connections end after the request they carry. Node's server.close() only closes connections
//   that are idle at that moment; a client (or load balancer) that keeps sending on a kept-alive
//   connection would keep the server open for ever (the fault test under load never exited). So
//   from the signal on, every response says `Connection: close`, and whatever is still open after
//   DRAIN_LIMIT_MS is closed.
// - The job queue stops after those requests (they may queue e-mail) and before the process ends,
//   letting a job in progress finish: the exit Next.js calls waits for `stop`.
import { subscribe } from 'node:diagnostics_channel'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { log } from '../log'

/** However slow a request in progress is, the process ends this long after the signal. */
const DRAIN_LIMIT_MS = 25_000

export function drainOnExit(stop: () => Promise<void>) {
  let draining = false
  const servers = new Set<Server>()
  const inProgress = new Set<ServerResponse>()
  subscribe('http.server.request.start', (message) => {
    const { response, server } = message as { request: IncomingMessage; response: ServerResponse; server: Server }
    servers.add(server)
    if (draining) response.shouldKeepAlive = false
    inProgress.add(response)
    response.once('close', () => inProgress.delete(response))
  })

  const onSignal = (signal: NodeJS.Signals) => {
    if (draining) return
    draining = true
    log.info('server.draining', { signal })
    for (const response of inProgress) if (!response.headersSent) response.shouldKeepAlive = false
    for (const server of servers) server.closeIdleConnections()
    setTimeout(() => {
      log.warn('server.drain_limit', { seconds: DRAIN_LIMIT_MS / 1000 })
      for (const server of servers) server.closeAllConnections()
    }, DRAIN_LIMIT_MS).unref()
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
