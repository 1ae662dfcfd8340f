// The signup as the form drives it, with the e-mail read from a real SMTP server on loopback.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { db } from '../../lib/db'
import { formatDateRange } from '../../lib/dates'
import { HONEYPOT_FIELD } from '../../lib/forms/form-state'
import { submitSignup } from '../../lib/registrations/signup'
import { findRegistrationByToken } from '../../lib/registrations/manage'
import { createTestTrip, signupValues } from '../support/factories'
import { smtpWithWorker } from './with-smtp'

const smtp = smtpWithWorker()

describe('submitSignup', () => {
  it('stores the signup and e-mails a Swedish confirmation with both parts and the trip date', async () => {
    const trip = await createTestTrip(db(), { seats: 5 })
    const outcome = await submitSignup(trip.slug, signupValues({ email: 'Kim.Berg@Example.se', firstName: 'Kim' }))
    expect(outcome.kind).toBe('registered')

    const mail = await smtp.waitFor('kim.berg@example.se')
    expect(mail.subject).toBe(`Bekräftelse: du har en plats på ${trip.title}`)
    expect(mail.from?.address).toBe('noreply@mjolbybussen.test')
    expect(mail.text).toContain('Hej Kim!')
    const dates = formatDateRange(trip.startDate!, trip.endDate)
    expect(mail.text).toContain(dates)
    expect(mail.html).toContain(dates)
    expect(mail.html).toContain('<html lang="sv">')
    // The personal link in the e-mail leads to this registration.
    const token = (outcome.kind === 'registered' && outcome.token) || ''
    expect(mail.text).toContain(`/anmalan/${token}`)
    expect((await findRegistrationByToken(token))?.email).toBe('kim.berg@example.se')
  })

  it('tells a person on the waiting list their place', async () => {
    const trip = await createTestTrip(db(), { seats: 0 })
    await submitSignup(trip.slug, signupValues({ email: 'vantar@example.se' }))
    const mail = await smtp.waitFor('vantar@example.se')
    expect(mail.subject).toBe(`Du står på reservlistan till ${trip.title}`)
    expect(mail.text).toContain('Du har plats 1 på reservlistan.')
  })

  it('answers a second signup kindly and sends the existing registration’s link again', async () => {
    const trip = await createTestTrip(db())
    await submitSignup(trip.slug, signupValues({ email: 'igen@example.se' }))
    const second = await submitSignup(trip.slug, signupValues({ email: 'IGEN@example.se' }))
    expect(second).toEqual({ kind: 'already-registered', email: 'igen@example.se' })
    await expect.poll(() => smtp.to('igen@example.se').length, { timeout: 10_000 }).toBe(2)
    expect(smtp.to('igen@example.se').map((m) => m.subject).sort()).toEqual([
      `Bekräftelse: du har en plats på ${trip.title}`,
      `Länk till din anmälan till ${trip.title}`,
    ])
    expect(await db().registration.count({ where: { tripId: trip.id } })).toBe(1)
  })

  it('stores nothing and sends nothing for invalid input, and gives back what was typed', async () => {
    const trip = await createTestTrip(db())
    const values = signupValues({ email: 'inte-en-adress', phone: '12', firstName: '  Lisa ' })
    const outcome = await submitSignup(trip.slug, values)
    expect(outcome.kind).toBe('invalid')
    if (outcome.kind !== 'invalid') return
    expect(outcome.values.firstName).toBe('  Lisa ')
    expect(outcome.fieldErrors).toEqual({
      email: 'Skriv en giltig e-postadress, t.ex. namn@exempel.se.',
      phone: 'Skriv ett svenskt mobilnummer, t.ex. 070-123 45 67.',
    })
    expect(await db().registration.count()).toBe(0)
    expect(smtp.messages.filter((m) => m.envelopeTo.includes('inte-en-adress'))).toHaveLength(0)
  })

  it('drops a bot’s submission (the honeypot is filled) without storing it', async () => {
    const trip = await createTestTrip(db())
    const outcome = await submitSignup(trip.slug, { ...signupValues(), [HONEYPOT_FIELD]: 'http://spam.example' })
    expect(outcome).toEqual({ kind: 'dropped' })
    expect(await db().registration.count()).toBe(0)
  })

  it('refuses a closed trip and an unknown one', async () => {
    const closed = await createTestTrip(db(), { registrationOpen: false })
    expect(await submitSignup(closed.slug, signupValues())).toEqual({ kind: 'closed', reason: 'not-opened' })
    expect(await submitSignup('finns-inte', signupValues())).toEqual({ kind: 'trip-not-found' })
    expect(await db().registration.count()).toBe(0)
  })

  it('keeps the signup when the SMTP server is down: the e-mail waits in the outbox', async () => {
    const trip = await createTestTrip(db())
    process.env.SMTP_URL = 'smtp://127.0.0.1:1' // nothing listens there
    const outcome = await submitSignup(trip.slug, signupValues())
    expect(outcome.kind).toBe('registered')
    expect(await db().registration.count({ where: { tripId: trip.id } })).toBe(1)
    await expect
      .poll(async () => db().outboxMessage.findFirst({ select: { status: true, attempts: true, lastError: true } }), { timeout: 10_000 })
      .toMatchObject({ status: 'QUEUED', lastError: expect.stringMatching(/^E[A-Z]+$/) })
  })
})

describe('without SMTP', () => {
  it('writes the e-mail as an .eml file in the data folder', async () => {
    delete process.env.SMTP_URL
    const trip = await createTestTrip(db())
    await submitSignup(trip.slug, signupValues({ email: 'fil@example.se' }))
    const mailDir = path.resolve(process.env.DATA_DIR!, 'mail')
    await expect.poll(() => fs.existsSync(mailDir) && fs.readdirSync(mailDir).length, { timeout: 10_000 }).toBeGreaterThan(0)
    const files = fs.readdirSync(mailDir).map((f) => fs.readFileSync(path.join(mailDir, f), 'utf8'))
    const mail = files.find((f) => f.includes('To: fil@example.se'))
    expect(mail).toBeDefined()
    expect(mail).toContain('Content-Type: text/plain')
    expect(mail).toContain('Content-Type: text/html')
  })
})
