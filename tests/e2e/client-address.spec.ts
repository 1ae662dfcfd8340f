// The address the rate limits count a client under, over real HTTP against the built site
// (lib/auth/client-address.ts). `next start` keeps an X-Forwarded-For the client wrote itself,
// so without a proxy in front a client could name a fresh address for every request and never
// meet a per-address limit. With TRUST_PROXY unset the site counts the socket's address and
// ignores the header; with TRUST_PROXY=1 (one proxy in front, as the suite's site runs: see
// tests/support/test-site.ts) the entry the proxy added counts. Shown with the sign-in limit per
// address (30 failures in 15 minutes by default): once it is used up, even the right password
// is refused from that address, and accepted from another.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fetchActionForm, type ActionForm } from '../support/form-post'
import { multipartBody, requestFrom } from '../support/raw-http'
import { adminTest as test, expect } from './support/fixtures'
import { TEST_DEPLOYMENT } from '../support/test-deployment'
import { E2E_OUTPUT_DIR, E2E_STATE_FILE } from './support/paths'

const SIGN_INS_PER_ADDRESS = 30 // the settings' default
const SIGN_IN_FAILED = 'Fel e-post eller lösenord.'

type Server = { url: string; stop: () => Promise<void> }

/**
 * A second `next start` of the suite's build, on the same database, with its own environment and
 * a free port: the site as deployed with that configuration. No worker (the suite's site runs
 * the one that delivers e-mail).
 */
async function startServer(env: Record<string, string>, databaseUrl: string, publicUrl: string): Promise<Server> {
  const distDir = process.env.E2E_DIST_DIR ?? '.next-test'
  const child: ChildProcess = spawn(process.execPath, [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'start', '--port', '0', '--hostname', '127.0.0.1'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      NEXT_DIST_DIR: distDir,
      DATABASE_URL: databaseUrl,
      PUBLIC_URL: publicUrl,
      PORT: '',
      DATA_DIR: path.join(E2E_OUTPUT_DIR, 'second-server'),
      WORKER: 'off',
      // The same deployment as the suite's site (it sends no e-mail: no worker).
      ...TEST_DEPLOYMENT,
      MAIL_TO_FILES: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const url = await new Promise<string>((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`next start did not start in 60 s:\n${output}`)), 60_000)
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const found = output.match(/http:\/\/127\.0\.0\.1:(\d+)/)
      if (found) {
        clearTimeout(timer)
        resolve(`http://127.0.0.1:${found[1]}`)
      }
    })
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('exit', (code) => reject(new Error(`next start exited (${code}):\n${output}`)))
  })
  // It prints its address before it has loaded; it answers once instrumentation.ts has run.
  for (let i = 0; ; i++) {
    const answer = await fetch(url, { method: 'HEAD' }).catch(() => null)
    if (answer) break
    if (i > 150) throw new Error('next start did not answer in 30 s')
    await new Promise((r) => setTimeout(r, 200))
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await exited
    },
  }
}

/** Posts the sign-in form as a browser without JavaScript does, from `localAddress`, claiming `forwardedFor`. */
async function signIn(url: string, form: ActionForm, email: string, password: string, { localAddress, forwardedFor }: { localAddress: string; forwardedFor: string }) {
  const data = new FormData()
  for (const [name, value] of form.hidden) data.append(name, value)
  data.append('email', email)
  data.append('password', password)
  const { body, contentType } = await multipartBody(data)
  return requestFrom(`${url}/admin/logga-in`, {
    method: 'POST',
    headers: { 'content-type': contentType, origin: url, 'x-forwarded-for': forwardedFor },
    body,
    localAddress,
  })
}

/** Uses up the allowance of failed sign-ins (an empty password is a failure, counted without a hash to check). */
async function failSignIns(url: string, form: ActionForm, from: { localAddress: string; forwardedFor: (i: number) => string }) {
  for (let i = 0; i < SIGN_INS_PER_ADDRESS; i++) {
    const answer = await signIn(url, form, `okand.${i}@example.se`, '', { localAddress: from.localAddress, forwardedFor: from.forwardedFor(i) })
    expect(answer.status).toBe(200)
    expect(answer.body).toContain(SIGN_IN_FAILED)
  }
}

test('with TRUST_PROXY unset, a forged X-Forwarded-For gives no fresh allowance: the socket\'s address counts', async ({ organiser, baseURL }) => {
  test.slow() // a second server to start
  const { databaseUrl } = JSON.parse(fs.readFileSync(E2E_STATE_FILE, 'utf8')) as { databaseUrl: string }
  const server = await startServer({ TRUST_PROXY: '' }, databaseUrl, baseURL!)
  try {
    const form = await fetchActionForm(`${server.url}/admin/logga-in`, 'email')
    // Every attempt names another address, all from the one socket address 127.0.0.2.
    await failSignIns(server.url, form, { localAddress: '127.0.0.2', forwardedFor: (i) => `198.51.100.${i + 1}` })
    const refused = await signIn(server.url, form, organiser.email, organiser.password, { localAddress: '127.0.0.2', forwardedFor: '203.0.113.99' })
    expect(refused.status, 'the right password from the address whose allowance is used up').toBe(200)
    expect(refused.body).toContain(SIGN_IN_FAILED)
    // From another socket address (and the same forged header) the same sign-in goes through.
    const accepted = await signIn(server.url, form, organiser.email, organiser.password, { localAddress: '127.0.0.3', forwardedFor: '203.0.113.99' })
    expect(accepted.status).toBe(303)
    expect(accepted.location).toMatch(/\/admin$/)
  } finally {
    await server.stop()
  }
})

test('with TRUST_PROXY=1, the entry the proxy added counts: a used-up address is refused, another is not', async ({ organiser, baseURL }) => {
  const form = await fetchActionForm(`${baseURL}/admin/logga-in`, 'email')
  // The proxy in front would have added the address it saw: the header's last entry.
  await failSignIns(baseURL!, form, { localAddress: '127.0.0.4', forwardedFor: (i) => `10.9.${i}.1, 198.51.100.200` })
  const refused = await signIn(baseURL!, form, organiser.email, organiser.password, { localAddress: '127.0.0.4', forwardedFor: '198.51.100.200' })
  expect(refused.status).toBe(200)
  expect(refused.body).toContain(SIGN_IN_FAILED)
  // The same socket, another client behind the proxy: a fresh allowance.
  const accepted = await signIn(baseURL!, form, organiser.email, organiser.password, { localAddress: '127.0.0.4', forwardedFor: '198.51.100.200, 198.51.100.201' })
  expect(accepted.status).toBe(303)
  expect(accepted.location).toMatch(/\/admin$/)
})
