// A real load balancer in front of several instances of the site: Debian's haproxy, started by the
// test with a configuration of its own in a temporary folder, as the README's deployment section
// describes one (round-robin, no stickiness, health check on GET /api/health, Host kept as the
// client sent it, the client's address appended to X-Forwarded-For). Loopback only.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

export const HAPROXY_BIN = process.env.HAPROXY_BIN ?? '/usr/sbin/haproxy'
/** The response header naming the instance that answered (set by the balancer, for the tests' figures). */
export const SERVED_BY = 'x-served-by'

export type Balancer = {
  url: string
  port: number
  /** Each instance's state as the balancer sees it: UP, DOWN, "DOWN 1/2" (going down), "UP 1/2" (coming up) … */
  states: () => Promise<Record<string, string>>
  /** Waits until `test` holds for the states (or throws after timeoutMs). */
  waitForStates: (test: (states: Record<string, string>) => boolean, timeoutMs: number) => Promise<Record<string, string>>
  stop: () => Promise<void>
}

export function haproxyConfig(port: number, servers: { name: string; port: number }[], statsSocket: string): string {
  return [
    'global',
    '  maxconn 2000',
    `  stats socket ${statsSocket} mode 600 level admin`,
    'defaults',
    '  mode http',
    '  timeout connect 5s',
    '  timeout client 120s',
    '  timeout server 120s',
    // The site's health check waits up to 2 s for the database (lib/health.ts); a busy machine
    // may take longer to answer at all, which is not a reason to take an instance out.
    '  timeout check 5s',
    // A connection refused by an instance that died is tried again on another one; a request
    // already sent to it is not (a POST may have been acted on).
    '  retries 2',
    '  option redispatch 1',
    // Appends the client's address to X-Forwarded-For; Host is passed on as the client sent it.
    '  option forwardfor',
    'frontend public',
    `  bind 127.0.0.1:${port}`,
    '  default_backend site',
    'backend site',
    '  balance roundrobin',
    '  option httpchk GET /api/health',
    '  http-check expect status 200',
    `  http-response set-header ${SERVED_BY} %s`,
    // Out after three failed checks two seconds apart (an instance that died refuses at once), in again after two good ones.
    ...servers.map((s) => `  server ${s.name} 127.0.0.1:${s.port} check inter 2s fall 3 rise 2`),
    '',
  ].join('\n')
}

/** Asks haproxy's stats socket one command and returns its answer. */
function ask(socketPath: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    const socket = net.connect(socketPath, () => socket.end(command + '\n'))
    socket.on('data', (c: Buffer) => chunks.push(c))
    socket.on('error', reject)
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')))
  })
}

export async function startHaproxy({
  port,
  servers,
  logFile,
}: {
  port: number
  servers: { name: string; port: number }[]
  logFile: string
}): Promise<Balancer> {
  if (!fs.existsSync(HAPROXY_BIN)) {
    throw new Error(
      `haproxy is not installed (${HAPROXY_BIN} is missing): the scale-out test runs a real load balancer. ` +
        'Install it with `apt-get install haproxy` (.ci/run does), or set HAPROXY_BIN.',
    )
  }
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mjolbybussen-haproxy-'))
  const statsSocket = path.join(folder, 'stats.sock')
  const configFile = path.join(folder, 'haproxy.cfg')
  fs.writeFileSync(configFile, haproxyConfig(port, servers, statsSocket))
  fs.mkdirSync(path.dirname(logFile), { recursive: true })
  const out = fs.openSync(logFile, 'a')
  // -db: stay in the foreground, as the test's child.
  const child: ChildProcess = spawn(HAPROXY_BIN, ['-db', '-f', configFile], { stdio: ['ignore', out, out] })
  fs.closeSync(out)
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const kill = () => child.kill('SIGKILL')
  process.once('exit', kill)

  const states = async () => {
    const csv = await ask(statsSocket, 'show stat')
    const [header, ...rows] = csv.replace(/^# /, '').trim().split('\n')
    const columns = header!.split(',')
    const name = columns.indexOf('svname')
    const status = columns.indexOf('status')
    return Object.fromEntries(
      rows
        .map((r) => r.split(','))
        .filter((cells) => servers.some((s) => s.name === cells[name]))
        .map((cells) => [cells[name]!, cells[status]!]),
    )
  }
  const waitForStates = async (test: (s: Record<string, string>) => boolean, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const now = await states().catch(() => ({}) as Record<string, string>)
      if (test(now)) return now
      if (Date.now() > deadline) throw new Error(`the balancer's view did not change as expected within ${timeoutMs / 1000} s: ${JSON.stringify(now)}`)
      await new Promise((r) => setTimeout(r, 200))
    }
  }
  // Started once its stats socket answers.
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`haproxy exited (${child.exitCode}): see ${logFile}`)
    if (fs.existsSync(statsSocket) && (await states().then(() => true, () => false))) break
    if (i > 100) throw new Error(`haproxy did not start within 20 s: see ${logFile}`)
    await new Promise((r) => setTimeout(r, 200))
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    states,
    waitForStates,
    async stop() {
      process.removeListener('exit', kill)
      if (child.exitCode === null) {
        child.kill('SIGTERM')
        await exited
      }
      fs.rmSync(folder, { recursive: true, force: true })
    },
  }
}
