// Runs once when the Next.js server starts: starts the job queue (e-mail is queued in the same
// transactions as the changes that cause it), and its worker inside the app unless WORKER=off
// (then `npm run worker` runs it as its own process). Before that, it starts recording each
// request's socket address, for the rate limits.
export async function register() {
  const building = process.env.NEXT_PHASE === 'phase-production-build'
  if (process.env.NEXT_RUNTIME !== 'nodejs' || building) return
  // First: every request from now on carries its socket's address (lib/auth/client-address.ts).
  const { recordSocketAddresses } = await import('./lib/auth/client-address')
  recordSocketAddresses()
  const { queue } = await import('./lib/jobs/queue')
  await queue()
  if (process.env.WORKER !== 'off') {
    const { startWorker } = await import('./lib/jobs/worker')
    await startWorker()
  }
}
