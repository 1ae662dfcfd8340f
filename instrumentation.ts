// Runs once when the Next.js server starts: checks the configuration of a deployment
// (lib/deployment.ts), starts the job queue (e-mail is queued in the same transactions as the
// changes that cause it), and its worker inside the app unless WORKER=off (then `npm run worker`
// runs it as its own process). Before that, it starts recording each request's socket address,
// for the rate limits. A start that fails ends the process with one line and exit status 1:
// Next.js would otherwise go on serving, answering 500 to every request, and nothing would
// restart it.
export async function register() {
  const building = process.env.NEXT_PHASE === 'phase-production-build'
  if (process.env.NEXT_RUNTIME !== 'nodejs' || building) return
  try {
    const { env } = await import('./lib/env')
    const config = env()
    if (process.env.NODE_ENV === 'production') {
      const { deploymentProblem } = await import('./lib/deployment')
      const problem = deploymentProblem(config)
      if (problem) throw new Error(problem)
    }
    // First: every request from now on carries its socket's address (lib/auth/client-address.ts).
    const { recordSocketAddresses } = await import('./lib/auth/client-address')
    recordSocketAddresses()
    const { queue, stopQueue } = await import('./lib/jobs/queue')
    await queue()
    if (config.WORKER !== 'off') {
      const { startWorker } = await import('./lib/jobs/worker')
      await startWorker()
    }
    const { drainOnExit } = await import('./lib/jobs/drain')
    drainOnExit(stopQueue)
  } catch (err) {
    const { exitOnStartFailure } = await import('./lib/start-failure')
    exitOnStartFailure(err)
  }
}
