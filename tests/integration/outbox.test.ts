// The outbox under faults: an SMTP outage delays mail but loses none and doubles none; a
// permanent refusal is recorded; two workers never send one message twice.
import { spawn } from 'node:child_process'
import { describe, expect, inject, it } from 'vitest'
import { authSecret } from '../../lib/auth/secret'
import { db } from '../../lib/db'
import { deliverOutboxMessage, enqueueEmail, sweepOutbox } from '../../lib/email/outbox'
import { submitSignup } from '../../lib/registrations/signup'
import { createTestTrip, signupValues } from '../support/factories'
import { smtpWithWorker } from './with-smtp'

const smtp = smtpWithWorker()

const statuses = async () =>
  Object.fromEntries(
    (await db().outboxMessage.groupBy({ by: ['status'], _count: true })).map((r) => [r.status, r._count]),
  )

describe('outbox', () => {
  it('clears a message’s body, which holds a working personal link, once it is sent', async () => {
    const trip = await createTestTrip(db())
    await submitSignup(trip.slug, signupValues({ email: 'rensad@example.se' }))
    const mail = await smtp.waitFor('rensad@example.se')
    expect(mail.text).toMatch(/\/anmalan\/[A-Za-z0-9_-]{22}/)
    await expect.poll(async () => (await db().outboxMessage.findFirst())?.status, { timeout: 10_000 }).toBe('SENT')
    expect(await db().outboxMessage.findFirstOrThrow()).toMatchObject({
      toAddress: 'rensad@example.se',
      subject: `Bekräftelse: du har en plats på ${trip.title}`,
      textBody: '',
      htmlBody: '',
      icsAttachment: null,
    })
  })

  it('the sweeper delivers a message that lost its job', async () => {
    // A row as a crash between commit and job would leave it: queued, long untouched, no job.
    const [row] = await db().$queryRaw<{ id: number }[]>`
      INSERT INTO "OutboxMessage" (kind, "toAddress", subject, "textBody", "htmlBody", "updatedAt")
      VALUES ('test', 'foraldralos@example.se', 'Test', 'Hej', '<p>Hej</p>', now() - interval '1 hour') RETURNING id`
    const id = row!.id
    expect(await sweepOutbox()).toBe(1)
    await smtp.waitFor('foraldralos@example.se')
    await expect.poll(async () => (await db().outboxMessage.findUniqueOrThrow({ where: { id } })).status, { timeout: 10_000 }).toBe('SENT')
  })

  it('keeps 30 signups and their e-mails through an SMTP outage, then delivers each exactly once', async () => {
    await smtp.stop()
    const trip = await createTestTrip(db(), { seats: 20 })
    const emails = Array.from({ length: 30 }, (_, i) => `avbrott-${i}@example.se`)
    const outcomes = await Promise.all(emails.map((email) => submitSignup(trip.slug, signupValues({ email }))))
    expect(outcomes.every((o) => o.kind === 'registered')).toBe(true)
    expect(await db().registration.count({ where: { tripId: trip.id } })).toBe(30)

    // Delivery is tried and fails while the server is away; every message stays queued.
    await expect
      .poll(() => db().outboxMessage.count({ where: { attempts: { gte: 1 }, lastError: { not: null } } }), { timeout: 15_000 })
      .toBe(30)
    expect(await statuses()).toEqual({ QUEUED: 30 })
    expect(smtp.messages).toHaveLength(0)

    await smtp.start() // back on the same port
    await expect.poll(() => smtp.messages.length, { timeout: 30_000 }).toBe(30)
    await expect.poll(statuses, { timeout: 10_000 }).toEqual({ SENT: 30 })
    // Give any stray retry time to show itself, then check no one got two.
    await new Promise((r) => setTimeout(r, 3_000))
    for (const email of emails) expect(smtp.to(email), email).toHaveLength(1)
  })

  it('marks a message the server refuses permanently as failed, with the reason, and does not retry it', async () => {
    smtp.rejectRecipients = /@finns-inte\.example$/
    const trip = await createTestTrip(db())
    await submitSignup(trip.slug, signupValues({ email: 'ingen@finns-inte.example' }))
    await expect.poll(async () => (await db().outboxMessage.findFirst())?.status, { timeout: 10_000 }).toBe('FAILED')
    const message = await db().outboxMessage.findFirstOrThrow()
    expect(message.lastError).toMatch(/^550 /)
    expect(message.attempts).toBe(1)
  })

  it('sends a message once when two deliveries of it race', async () => {
    const id = await db().$transaction((tx) =>
      enqueueEmail(tx, { kind: 'test', to: 'kapplopning@example.se', subject: 'Test', text: 'Hej', html: '<p>Hej</p>' }),
    )
    const results = await Promise.allSettled([deliverOutboxMessage(id!), deliverOutboxMessage(id!), deliverOutboxMessage(id!)])
    expect(results.filter((r) => r.status === 'fulfilled' && r.value === 'sent')).toHaveLength(1)
    // The others found it sent, or being sent (then their job fails, to be tried again).
    for (const r of results) {
      if (r.status === 'rejected') expect(String(r.reason)).toMatch(/is being sent/)
      else expect(['sent', 'skipped']).toContain(r.value)
    }
    await new Promise((r) => setTimeout(r, 2_000)) // and the queued job finds it sent
    expect(smtp.to('kapplopning@example.se')).toHaveLength(1)
  })

  it('with a second worker process on the same database, delivers each of 40 messages exactly once', async () => {
    const worker = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
      // A worker with DATABASE_URL needs the deployment's AUTH_SECRET (lib/deployment.ts): this process's.
      env: { ...process.env, DATABASE_URL: inject('databaseUrl'), SMTP_URL: smtp.url, AUTH_SECRET: authSecret(), LOG_LEVEL: 'warn' },
      stdio: 'inherit',
    })
    try {
      const emails = Array.from({ length: 40 }, (_, i) => `tva-arbetare-${i}@example.se`)
      await db().$transaction(async (tx) => {
        for (const to of emails) await enqueueEmail(tx, { kind: 'test', to, subject: 'Test', text: 'Hej', html: '<p>Hej</p>' })
      })
      await expect.poll(() => smtp.messages.length, { timeout: 30_000 }).toBe(40)
      await new Promise((r) => setTimeout(r, 3_000))
      for (const email of emails) expect(smtp.to(email), email).toHaveLength(1)
      expect(await statuses()).toEqual({ SENT: 40 })
    } finally {
      worker.kill('SIGTERM')
      await new Promise((r) => worker.once('exit', r))
    }
  })
})
