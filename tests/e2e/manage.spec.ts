// The personal link's page, with JavaScript on and off: changing answers, the change deadline,
// and cancelling through the confirmation step (the first on the waiting list gets the seat),
// with or without removing one's data.
import type { Page } from '@playwright/test'
import { createTestTrip } from '../support/factories'
import { readMailbox, type CapturedMail } from '../support/smtp-capture'
import { expect, expectNoAxeViolations, test, waitForMail } from './support/fixtures'
import { MAILBOX_DIR } from './support/paths'
import { fillSignupForm, person, signUpAndGetLink, type PersonAnswers } from './support/signup-form'

async function waitForMailMatching(to: string, subjectStart: string, timeoutMs = 15_000): Promise<CapturedMail> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const mail = (await readMailbox(MAILBOX_DIR)).find((m) => m.envelopeTo.includes(to) && m.subject?.startsWith(subjectStart))
    if (mail) return mail
    if (Date.now() > deadline) throw new Error(`no e-mail "${subjectStart} …" to ${to} within ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 250))
  }
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled })

    test('a participant opens the link from the e-mail and changes an answer', async ({ page, db }) => {
      test.slow() // a signup in the browser, two saves, axe three times and an e-mail
      const trip = await createTestTrip(db, { boardingStops: ['Mjölby', 'Mantorp'] })
      const p = person({ boardingStop: 'Mantorp' })
      const path = await signUpAndGetLink(page, trip.slug, p)

      await page.goto(path)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Din anmälan')
      await expect(page.getByRole('status')).toContainText('Bekräftad: du har en plats på resan.')
      const organisation = page.getByLabel('Organisation', { exact: true })
      await expect(organisation).toHaveValue(p.organisation)
      await expect(page.getByLabel('E-post', { exact: true })).toHaveValue(p.email)
      await expect(page.getByRole('radiogroup', { name: 'Påstigning' }).getByLabel('Mantorp')).toBeChecked()
      // No privacy checkbox: it was accepted at signup.
      await expect(page.getByLabel('Jag har läst integritetsmeddelandet')).toHaveCount(0)
      if (javaScriptEnabled) await expectNoAxeViolations(page)

      // A mistake is answered like in the signup form, and nothing is saved.
      await page.getByLabel('Förnamn', { exact: true }).fill('')
      await organisation.fill('Mjölby Energi AB')
      await page.getByRole('button', { name: 'Spara ändringar' }).click()
      const summary = page.getByRole('alert').filter({ hasText: 'Formuläret innehåller' })
      await expect(summary.getByRole('link')).toHaveText(['Förnamn: Fyll i förnamn.'])
      await expect(organisation).toHaveValue('Mjölby Energi AB')
      if (javaScriptEnabled) await expectNoAxeViolations(page)
      expect((await db.registration.findFirstOrThrow({ where: { tripId: trip.id } })).organisation).toBe(p.organisation)

      await page.getByLabel('Förnamn', { exact: true }).fill(p.firstName)
      await page.getByRole('button', { name: 'Spara ändringar' }).click()
      await expect(page.getByRole('status')).toContainText('Dina ändringar är sparade.')
      await expect(page.getByLabel('Organisation', { exact: true })).toHaveValue('Mjölby Energi AB')
      const stored = await db.registration.findFirstOrThrow({ where: { tripId: trip.id } })
      expect(stored).toMatchObject({ organisation: 'Mjölby Energi AB', firstName: p.firstName, status: 'CONFIRMED' })
      expect((await waitForMailMatching(p.email, 'Din anmälan till')).subject).toBe(`Din anmälan till ${trip.title} är ändrad`)
    })

    test('cancelling a confirmed seat through the confirmation step gives it to the first on the waiting list', async ({ page, db }) => {
      test.slow() // two signups in the browser, axe twice and three e-mails
      const trip = await createTestTrip(db, { seats: 1 })
      const first = person()
      const second = person()
      const firstPath = await signUpAndGetLink(page, trip.slug, first)
      await signUpAndGetLink(page, trip.slug, second)
      const waiting = await db.registration.findFirstOrThrow({ where: { email: second.email } })
      expect(waiting.status).toBe('WAITLISTED')

      await page.goto(firstPath)
      await page.getByRole('link', { name: 'Avboka min anmälan' }).click()
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vill du avboka?')
      await expect(page.getByLabel('Ta bort mina personuppgifter')).not.toBeChecked()
      if (javaScriptEnabled) await expectNoAxeViolations(page)
      await page.getByRole('button', { name: 'Ja, avboka' }).click()

      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Din anmälan')
      await expect(page.getByRole('status')).toContainText('Avbokad')
      await expect(page.getByRole('link', { name: 'Avboka min anmälan' })).toHaveCount(0)
      await expect(page.getByRole('button', { name: 'Spara ändringar' })).toHaveCount(0)
      if (javaScriptEnabled) await expectNoAxeViolations(page)

      expect((await db.registration.findFirstOrThrow({ where: { email: first.email } })).status).toBe('CANCELLED')
      expect((await db.registration.findUniqueOrThrow({ where: { id: waiting.id } })).status).toBe('CONFIRMED')
      expect((await waitForMailMatching(second.email, 'Du har fått en plats')).subject).toBe(`Du har fått en plats på ${trip.title}`)
      expect((await waitForMailMatching(first.email, 'Din anmälan till')).subject).toBe(`Din anmälan till ${trip.title} är avbokad`)
    })

    test('cancelling with "Ta bort mina personuppgifter" removes the data and the link', async ({ page, db }) => {
      test.slow() // a signup in the browser, a cancellation, axe
      const trip = await createTestTrip(db)
      const p = person({ dietaryNeeds: 'Glutenfritt' })
      const path = await signUpAndGetLink(page, trip.slug, p)
      await page.goto(`${path}/avboka`)
      await page.getByLabel('Ta bort mina personuppgifter').check()
      await page.getByRole('button', { name: 'Ja, avboka' }).click()

      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Din anmälan är avbokad')
      await expect(page.getByRole('status')).toContainText('dina personuppgifter är borttagna')
      if (javaScriptEnabled) await expectNoAxeViolations(page)
      const row = await db.registration.findFirstOrThrow({ where: { tripId: trip.id } })
      expect(row).toMatchObject({ status: 'CANCELLED', firstName: 'Borttagen', email: `borttagen-${row.id}@invalid`, dietaryNeeds: null })
      expect(row.anonymisedAt).not.toBeNull()

      const response = await page.goto(path)
      expect(response?.status()).toBe(404)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sidan finns inte')
    })

    test('unknown and malformed links answer with the Swedish 404', async ({ page }) => {
      for (const path of ['/anmalan/AAAAAAAAAAAAAAAAAAAAAA', '/anmalan/inte-en-lank', '/anmalan/AAAAAAAAAAAAAAAAAAAAAA/avboka']) {
        const response = await page.goto(path)
        expect(response?.status()).toBe(404)
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sidan finns inte')
      }
    })
  })
}

test('after the change deadline the answers are read-only, and cancelling still works', async ({ page, db }) => {
  test.slow() // a signup in the browser, the deadline moved, a cancellation
  const trip = await createTestTrip(db)
  const p = person()
  const path = await signUpAndGetLink(page, trip.slug, p)
  await db.trip.update({ where: { id: trip.id }, data: { changesAllowedUntil: new Date(Date.now() - 60_000) } })
  await page.goto(path)
  await expect(page.getByText('Kontakta arrangörerna')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Spara ändringar' })).toHaveCount(0)
  await expect(page.getByText(p.organisation)).toBeVisible()
  await expectNoAxeViolations(page)
  await page.getByRole('link', { name: 'Avboka min anmälan' }).click()
  await page.getByRole('button', { name: 'Ja, avboka' }).click()
  await expect(page.getByRole('status')).toContainText('Avbokad')
})

test.describe('changing the e-mail address, with JavaScript on', () => {
  test('the new address takes effect from the link sent there; the old one is told; old links stop working', async ({ page, db }) => {
    test.slow() // a signup, a save, a confirmation and four e-mails
    const trip = await createTestTrip(db)
    const p = person()
    const path = await signUpAndGetLink(page, trip.slug, p)
    const id = Math.random().toString(36).slice(2, 8)
    const newEmail = `ny.adress.${id}@example.se`

    await page.goto(path)
    await page.getByLabel('E-post', { exact: true }).fill(newEmail)
    await page.getByLabel('Organisation', { exact: true }).fill('Mjölby Energi AB')
    await page.getByRole('button', { name: 'Spara ändringar' }).click()
    const status = page.getByRole('status')
    await expect(status).toContainText('Dina övriga ändringar är sparade.')
    await expect(status).toContainText(`Du har bett om att byta e-postadress till ${newEmail}.`)
    await expect(status).toContainText(`Tills dess skickar vi allt till ${p.email}.`)
    // The form shows what is stored: the old address until the new one is confirmed.
    await expect(page.getByLabel('E-post', { exact: true })).toHaveValue(p.email)
    await expect(page.getByLabel('Organisation', { exact: true })).toHaveValue('Mjölby Energi AB')
    await expectNoAxeViolations(page)
    expect(await db.registration.findFirstOrThrow({ where: { tripId: trip.id } })).toMatchObject({ email: p.email, organisation: 'Mjölby Energi AB' })

    // The old inbox is told, with no link; the new one gets the confirmation link.
    const notice = await waitForMailMatching(p.email, 'Byte av e-postadress')
    expect(notice.text).not.toMatch(/\/anmalan\//)
    expect(notice.html).not.toMatch(/\/anmalan\//)
    const confirmation = await waitForMailMatching(newEmail, 'Bekräfta din e-postadress')
    expect(confirmation.text).not.toContain(p.lastName)
    const confirmLink = confirmation.text?.match(/https?:\/\/\S+\/anmalan\/bekrafta-epost\/[A-Za-z0-9_-]{22}/)?.[0]
    expect(confirmLink).toBeTruthy()

    // Opening the link changes nothing by itself (mail scanners open links); the button does.
    await page.goto(new URL(confirmLink!).pathname)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bekräfta din e-postadress')
    await expect(page.getByText(newEmail)).toBeVisible()
    await expectNoAxeViolations(page)
    expect((await db.registration.findFirstOrThrow({ where: { tripId: trip.id } })).email).toBe(p.email)
    await page.getByRole('button', { name: 'Bekräfta e-postadressen' }).click()

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Din anmälan')
    await expect(page.getByRole('status')).toContainText(`Din nya e-postadress ${newEmail} gäller nu.`)
    await expect(page.getByLabel('E-post', { exact: true })).toHaveValue(newEmail)
    await expectNoAxeViolations(page)
    const freshPath = new URL(page.url()).pathname
    expect(freshPath).not.toBe(path)

    // The fresh link goes to the new address; the link from the signup e-mail is dead.
    const welcome = await waitForMailMatching(newEmail, 'Ny e-postadress för din anmälan')
    expect(welcome.text).toContain(freshPath)
    expect((await page.goto(path))?.status()).toBe(404)
    expect((await page.goto(new URL(confirmLink!).pathname))?.status()).toBe(404)
    expect((await page.goto(freshPath))?.status()).toBe(200)
  })
})

test.describe('saving without changes, with JavaScript off', () => {
  test.use({ javaScriptEnabled: false })

  test('stores nothing, sends nothing, and says so', async ({ page, db }) => {
    test.slow() // a signup in the browser and a save
    const trip = await createTestTrip(db)
    const p = person({ dietaryNeeds: 'Laktosfritt' })
    const path = await signUpAndGetLink(page, trip.slug, p)
    const before = await db.registration.findFirstOrThrow({ where: { tripId: trip.id } })

    await page.goto(path)
    await page.getByRole('button', { name: 'Spara ändringar' }).click()
    await expect(page.getByRole('status')).toContainText('Du ändrade ingenting, så vi har inte sparat något och inte skickat något mejl.')
    await expect(page.getByLabel('Specialkost eller allergier', { exact: true })).toHaveValue('Laktosfritt')

    expect(await db.registration.findFirstOrThrow({ where: { tripId: trip.id } })).toEqual(before)
    // Only the signup's confirmation was ever written for this registration.
    expect((await db.outboxMessage.findMany({ where: { registrationId: before.id } })).map((m) => m.kind)).toEqual(['confirmed'])
  })
})
