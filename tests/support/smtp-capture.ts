// A real SMTP server on a free loopback port that keeps every message it receives, parsed, for
// tests to read. It can be stopped and started again on the same port (the outage tests), and
// can reject recipients to test permanent failures.
import { once } from 'node:events'
import fs from 'node:fs'
import path from 'node:path'
import PostalMime, { type Email } from 'postal-mime'
import { SMTPServer } from 'smtp-server'

export type CapturedMail = Email & { envelopeTo: string[]; raw: string }

export class SmtpCapture {
  readonly messages: CapturedMail[] = []
  port = 0
  private server?: SMTPServer
  private waiters: (() => void)[] = []

  /** Recipients matching this are refused with a permanent error (550), as a real server does. */
  rejectRecipients: RegExp | null = null

  /** @param mailboxDir if set, each message is also written there as an .eml file */
  constructor(private readonly mailboxDir?: string) {}

  get url() {
    return `smtp://127.0.0.1:${this.port}`
  }

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (this.rejectRecipients?.test(address.address)) {
          const err = new Error('5.1.1 Mailbox unavailable') as Error & { responseCode: number }
          err.responseCode = 550
          return callback(err)
        }
        callback()
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = []
        stream.on('data', (c: Buffer) => chunks.push(c))
        stream.on('end', async () => {
          const raw = Buffer.concat(chunks).toString('utf8')
          const parsed = await PostalMime.parse(raw)
          const envelopeTo = session.envelope.rcptTo.map((r) => r.address)
          this.messages.push({ ...parsed, envelopeTo, raw })
          if (this.mailboxDir) {
            fs.mkdirSync(this.mailboxDir, { recursive: true })
            fs.writeFileSync(path.join(this.mailboxDir, `${Date.now()}-${this.messages.length}.eml`), raw)
          }
          this.waiters.splice(0).forEach((w) => w())
          callback()
        })
      },
    })
    this.server.listen(this.port, '127.0.0.1')
    await once(this.server.server, 'listening')
    this.port = (this.server.server.address() as { port: number }).port
    return this
  }

  async stop() {
    if (!this.server) return
    const server = this.server
    this.server = undefined
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }

  /** Waits until a message to `to` has arrived (or `timeoutMs` passes) and returns it. */
  /** The messages received for one address. */
  to(address: string): CapturedMail[] {
    return this.messages.filter((m) => m.envelopeTo.includes(address))
  }

  async waitFor(to: string, timeoutMs = 10_000): Promise<CapturedMail> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const found = this.messages.find((m) => m.envelopeTo.includes(to))
      if (found) return found
      if (Date.now() > deadline) throw new Error(`no e-mail to ${to} within ${timeoutMs} ms`)
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve)
        setTimeout(resolve, 200)
      })
    }
  }
}

/** Reads the .eml files an SmtpCapture (in another process) wrote to `dir`. */
export async function readMailbox(dir: string): Promise<CapturedMail[]> {
  if (!fs.existsSync(dir)) return []
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.eml')).sort()
  return Promise.all(
    files.map(async (f) => {
      const raw = fs.readFileSync(path.join(dir, f), 'utf8')
      const parsed = await PostalMime.parse(raw)
      return { ...parsed, envelopeTo: parsed.to?.map((t) => t.address ?? '') ?? [], raw }
    }),
  )
}
