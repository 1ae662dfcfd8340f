// GET /api/health's answer (lib/health.ts): the database's state and the outbox's counts, and a
// quick "error" when the database is away, whether it refuses connections or never answers.
import net from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createPrismaClient, db } from '../../lib/db'
import { checkHealth } from '../../lib/health'

const message = (fields: { status: 'QUEUED' | 'SENDING' | 'SENT' | 'FAILED'; createdAt?: Date }) =>
  db().outboxMessage.create({
    data: {
      kind: 'confirmation',
      toAddress: 'anna.hemlig@example.se',
      subject: 'Bekräftelse till Anna Hemlig',
      textBody: 'Hej Anna',
      htmlBody: '<p>Hej Anna</p>',
      ...fields,
    },
  })

describe('with the database up', () => {
  it('reports ok and an empty outbox', async () => {
    expect(await checkHealth()).toEqual({
      status: 'ok',
      database: { ok: true, latencyMs: expect.any(Number) },
      outbox: { queued: 0, sending: 0, failed: 0, oldestQueuedSeconds: 0 },
    })
  })

  it('counts the outbox by state and ages the oldest queued message, without a word of its content', async () => {
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000)
    await message({ status: 'QUEUED', createdAt: twoHoursAgo })
    await message({ status: 'QUEUED' })
    await message({ status: 'SENDING', createdAt: new Date(Date.now() - 5 * 3600_000) })
    await message({ status: 'FAILED' })
    await message({ status: 'SENT', createdAt: new Date(Date.now() - 48 * 3600_000) })
    await message({ status: 'SENT' })

    const health = await checkHealth()
    expect(health).toMatchObject({ status: 'ok', outbox: { queued: 2, sending: 1, failed: 1 } })
    // Measured by the database's clock from the oldest QUEUED row (not the older SENDING or SENT ones).
    expect(health.outbox?.oldestQueuedSeconds).toBeGreaterThanOrEqual(7200)
    expect(health.outbox?.oldestQueuedSeconds).toBeLessThan(5 * 3600)
    expect(JSON.stringify(health)).not.toMatch(/anna|hemlig|Hej|Bekräftelse|example\.se/i)
  })
})

describe('with the database away', () => {
  const cleanups: (() => Promise<void>)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup()
  })

  it('reports an error when nothing listens on the database port', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as net.AddressInfo
        probe.close(() => resolve(port))
      })
    })
    const prisma = createPrismaClient(`postgres://postgres@127.0.0.1:${port}/mjolbybussen_test`, 1)
    cleanups.push(() => prisma.$disconnect())
    expect(await checkHealth({ prisma })).toEqual({ status: 'error', database: { ok: false, latencyMs: null }, outbox: null })
  })

  it('gives up after its timeout when the database takes the connection and never answers', async () => {
    // A server that accepts connections and says nothing: a hung database or a dropped network.
    const sockets = new Set<net.Socket>()
    const silent = net.createServer((socket) => sockets.add(socket))
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    const { port } = silent.address() as net.AddressInfo
    const prisma = createPrismaClient(`postgres://postgres@127.0.0.1:${port}/mjolbybussen_test`, 1)
    cleanups.push(async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise((resolve) => silent.close(resolve))
      await prisma.$disconnect()
    })
    // Without the timeout this would wait for ever (pg has no connection timeout by default).
    expect(await checkHealth({ prisma, timeoutMs: 300 })).toEqual({ status: 'error', database: { ok: false, latencyMs: null }, outbox: null })
    expect(sockets.size).toBe(1) // it did reach the "database"
  })
})
