// Serves one PGlite to many PostgreSQL clients over TCP. PGlite is a single backend session, so
// clients must take turns, and a turn must be a whole unit of the wire protocol: the extended
// query protocol sends Parse/Bind/Execute/Sync as separate messages, and if another client's
// messages land between them they bind to the wrong (unnamed) statement. (pglite-socket's own
// server interleaves single messages, which corrupted concurrent queries in our tests.) So a turn
// here is every message up to a Sync or a simple Query, and a client that holds an open
// transaction, or is mid-pipeline after a Flush, keeps the turn until it is done.
import net from 'node:net'
import type { PGlite } from '@electric-sql/pglite'

const SSL_REQUEST = 80877103
const CANCEL_REQUEST = 80877102
const PROTOCOL_3 = 196608
const ENDS_TURN = new Set(['S', 'Q', 'X']) // Sync, Query, Terminate

type Turn = { client: Client; messages: Uint8Array[]; endsCleanly: boolean } | { client: Client; rollback: true }

class Client {
  private buffer = Buffer.alloc(0)
  private pending: Uint8Array[] = []
  private started = false

  constructor(
    readonly socket: net.Socket,
    private readonly enqueue: (turn: Turn) => void,
  ) {}

  write(data: Uint8Array) {
    if (!this.socket.destroyed) this.socket.write(data)
  }

  /** Splits incoming bytes into protocol messages and hands them over one turn at a time. */
  receive(chunk: Buffer) {
    this.buffer = Buffer.concat([this.buffer, chunk])
    for (;;) {
      if (!this.started) {
        // Untyped messages: length, then a code (SSL request, cancel, or the startup message).
        if (this.buffer.length < 8) return
        const length = this.buffer.readInt32BE(0)
        if (this.buffer.length < length) return
        const code = this.buffer.readInt32BE(4)
        const message = this.buffer.subarray(0, length)
        this.buffer = this.buffer.subarray(length)
        if (code === SSL_REQUEST) this.write(Buffer.from('N'))
        else if (code === CANCEL_REQUEST) this.socket.end()
        else if (code === PROTOCOL_3) {
          this.started = true
          this.enqueue({ client: this, messages: [new Uint8Array(message)], endsCleanly: true })
        }
        continue
      }
      if (this.buffer.length < 5) return
      const length = 1 + this.buffer.readInt32BE(1)
      if (this.buffer.length < length) return
      const type = String.fromCharCode(this.buffer[0]!)
      this.pending.push(new Uint8Array(this.buffer.subarray(0, length)))
      this.buffer = this.buffer.subarray(length)
      if (ENDS_TURN.has(type) || type === 'H') {
        this.enqueue({ client: this, messages: this.pending, endsCleanly: type !== 'H' })
        this.pending = []
      }
    }
  }
}

export class PGliteServer {
  private readonly server: net.Server
  private readonly queue: Turn[] = []
  private holder: Client | null = null // the client whose turn goes on
  private running = false
  private readonly clients = new Set<Client>()

  constructor(private readonly db: PGlite) {
    this.server = net.createServer((socket) => {
      socket.setNoDelay(true)
      const client = new Client(socket, (turn) => this.enqueue(turn))
      this.clients.add(client)
      socket.on('data', (chunk) => client.receive(chunk))
      socket.on('error', () => socket.destroy())
      socket.on('close', () => {
        this.clients.delete(client)
        this.enqueue({ client, rollback: true })
      })
    })
  }

  async listen(host = '127.0.0.1', port = 0): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject)
      this.server.listen(port, host, resolve)
    })
    return (this.server.address() as net.AddressInfo).port
  }

  async close() {
    for (const client of this.clients) client.socket.destroy()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
    while (this.running) await new Promise((r) => setTimeout(r, 10))
  }

  private enqueue(turn: Turn) {
    this.queue.push(turn)
    void this.run()
  }

  private async run() {
    if (this.running) return
    this.running = true
    try {
      for (;;) {
        const index = this.holder ? this.queue.findIndex((t) => t.client === this.holder) : this.queue.length ? 0 : -1
        if (index < 0) return
        const [turn] = this.queue.splice(index, 1)
        await this.take(turn!)
      }
    } finally {
      this.running = false
    }
  }

  private async take(turn: Turn) {
    if ('rollback' in turn) {
      // A client left: drop what it still had queued, and end a transaction it left open.
      for (let i = this.queue.length - 1; i >= 0; i--) if (this.queue[i]!.client === turn.client) this.queue.splice(i, 1)
      if (this.holder === turn.client) {
        this.holder = null
        if (this.db.isInTransaction()) await this.db.exec('ROLLBACK').catch(() => {})
      }
      return
    }
    await this.db.runExclusive(async () => {
      for (const message of turn.messages) {
        await this.db.execProtocolRawStream(message, { onRawData: (data) => turn.client.write(data) })
      }
    })
    this.holder = this.db.isInTransaction() || !turn.endsCleanly ? turn.client : null
  }
}
