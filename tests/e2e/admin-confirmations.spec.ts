// What a click cannot undo asks first, with JavaScript on and off: cancelling a registration,
// deleting a programme item and a trip, and sending a message to many. The first click changes
// nothing; the confirmation names the person or the number; "back" changes nothing; confirming
// does it, and the e-mails that follow are the right ones, counted in the SMTP capture. The message
// preview shows the text as the e-mail renders it.
import type { Page } from '@playwright/test'
import type { PrismaClient } from '../../lib/generated/prisma/client'
import { readMailbox } from '../support/smtp-capture'
import { createTestTrip } from '../support/factories'
import { adminTest as test, expect, expectNoAxeViolations, signInAsOrganiser, waitForMail } from './support/fixtures'
import { MAILBOX_DIR } from './support/paths'

async function arrange(db: PrismaClient, seats: number) {
  const trip = await createTestTrip(db, { seats })
  const base = { tripId: trip.id, phone: '+46701234567', role: 'OTHER' as const, overnight: 'NONE' as const, privacyAcceptedAt: new Date() }
  const person = (firstName: string, lastName: string, organisation: string, status: 'CONFIRMED' | 'WAITLISTED') =>
    db.registration.create({ data: { ...base, status, firstName, lastName, organisation, email: `${firstName.toLowerCase()}.${trip.slug}@example.se` } })
  return { trip, person }
}

/** Every e-mail the capture holds to `to`, once the expected ones have arrived (so none is missed). */
async function mailsTo(to: string, expected: number) {
  if (expected > 0) await waitForMail(to)
  const deadline = Date.now() + 15_000
  for (;;) {
    const mails = (await readMailbox(MAILBOX_DIR)).filter((m) => m.envelopeTo.includes(to))
    if (mails.length >= expected || Date.now() > deadline) return mails
    await new Promise((r) => setTimeout(r, 250))
  }
}

const h1 = (page: Page) => page.getByRole('heading', { level: 1 })
/** The page's address ends with this path and query (Next.js may add nothing else). */
const endsWith = (pathAndQuery: string) => new RegExp(`${pathAndQuery.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)

for (const javaScriptEnabled of [true, false]) {
  test.describe(`with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled })

    test('cancelling a registration asks first, names the person and who gets the seat', async ({ page, db, organiser }) => {
      test.setTimeout(180_000) // sign-in, up to seven pages and posts, axe, two e-mails: 52 s to over 90 s on a loaded machine
      const { trip, person } = await arrange(db, 1)
      const anna = await person('Anna', 'Andersson', 'Mjölby kommun', 'CONFIRMED')
      const bertil = await person('Bertil', 'Berg', 'Berg AB', 'WAITLISTED')
      const detail = `/admin/resor/${trip.slug}/anmalan/${anna.id}`
      await signInAsOrganiser(page, organiser)
      await page.goto(detail)

      await page.getByRole('button', { name: 'Avboka …' }).click()
      await expect(page).toHaveURL(endsWith(`${detail}?bekrafta=avboka`))
      await expect(h1(page)).toHaveText(`Avboka Anna Andersson (Mjölby kommun) på ${trip.title}?`)
      await expect(page.getByText('Anna Andersson får ett mejl om avbokningen.')).toBeVisible()
      await expect(page.getByText('Platsen går till den första på reservlistan, Bertil Berg (Berg AB)')).toBeVisible()
      expect((await db.registration.findUniqueOrThrow({ where: { id: anna.id } })).status).toBe('CONFIRMED')
      await expect(h1(page)).toBeFocused() // the question, for keyboard and screen reader users
      if (javaScriptEnabled) {
        await expectNoAxeViolations(page)
        // On a phone's 320 px the step fits without scrolling sideways.
        await page.setViewportSize({ width: 320, height: 640 })
        expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0)
        await page.setViewportSize({ width: 1280, height: 800 })
      }

      await page.getByRole('link', { name: 'Nej, gå tillbaka' }).click()
      await expect(page).toHaveURL(endsWith(detail))
      await expect(h1(page)).toHaveText('Anna Andersson')
      expect((await db.registration.findUniqueOrThrow({ where: { id: anna.id } })).status).toBe('CONFIRMED')

      await page.getByRole('button', { name: 'Avboka …' }).click()
      if (javaScriptEnabled) {
        // A post without the confirmation (an old or forged form) does nothing and asks again.
        await page.locator('input[name="confirmed"]').evaluate((input: HTMLInputElement) => (input.value = '0'))
        await page.getByRole('button', { name: 'Ja, avboka Anna Andersson' }).click()
        await expect(page.getByRole('alert').filter({ hasText: 'Inget är gjort ännu.' })).toBeVisible()
        expect((await db.registration.findUniqueOrThrow({ where: { id: anna.id } })).status).toBe('CONFIRMED')
        await page.reload()
      }
      await page.getByRole('button', { name: 'Ja, avboka Anna Andersson' }).click()
      await expect(page.getByRole('status').filter({ hasText: 'Anmälan är avbokad' })).toBeVisible()
      await expect(page).toHaveURL(endsWith(`${detail}?klart=avbokad`))
      expect((await db.registration.findUniqueOrThrow({ where: { id: anna.id } })).status).toBe('CANCELLED')
      expect((await db.registration.findUniqueOrThrow({ where: { id: bertil.id } })).status).toBe('CONFIRMED')
      // One e-mail each: Anna's cancellation, Bertil's seat.
      expect((await mailsTo(anna.email, 1)).map((m) => m.subject)).toEqual([`Din anmälan till ${trip.title} är avbokad`])
      expect(await mailsTo(bertil.email, 1)).toHaveLength(1)
      await expect(page.getByRole('button', { name: 'Avboka …' })).toHaveCount(0)
    })

    test('deleting a programme item and a trip asks first, and back changes nothing', async ({ page, db, organiser }) => {
      test.setTimeout(180_000) // sign-in, six pages, two posts, axe twice
      const { trip } = await arrange(db, 5)
      const item = await db.programmeItem.create({ data: { tripId: trip.id, startsAt: trip.startDate!, title: 'Stadsvandring', place: 'Torget' } })
      const edit = `/admin/resor/${trip.slug}/redigera`
      await signInAsOrganiser(page, organiser)
      await page.goto(edit)

      await page.getByRole('button', { name: 'Ta bort Stadsvandring' }).click()
      await expect(page).toHaveURL(endsWith(`${edit}?bekrafta=ta-bort-punkt&punkt=${item.id}`))
      await expect(h1(page)).toHaveText('Ta bort programpunkten ”Stadsvandring”?')
      await expect(page.getByText('Plats: Torget')).toBeVisible()
      expect(await db.programmeItem.count({ where: { id: item.id } })).toBe(1)
      if (javaScriptEnabled) await expectNoAxeViolations(page)
      await page.getByRole('button', { name: 'Ja, ta bort programpunkten' }).click()
      await expect(page.getByRole('status')).toHaveText('Programpunkten är borttagen.')
      expect(await db.programmeItem.count({ where: { id: item.id } })).toBe(0)

      await page.getByRole('button', { name: 'Ta bort resan …' }).click()
      await expect(page).toHaveURL(endsWith(`${edit}?bekrafta=ta-bort-resan`))
      await expect(h1(page)).toHaveText(`Ta bort resan ”${trip.title}”?`)
      expect(await db.trip.count({ where: { id: trip.id } })).toBe(1)
      if (javaScriptEnabled) await expectNoAxeViolations(page)
      await page.getByRole('link', { name: 'Nej, gå tillbaka' }).click()
      await expect(h1(page)).toHaveText(`Redigera: ${trip.title}`)
      expect(await db.trip.count({ where: { id: trip.id } })).toBe(1)

      await page.getByRole('button', { name: 'Ta bort resan …' }).click()
      await page.getByRole('button', { name: 'Ja, ta bort resan' }).click()
      await expect(page).toHaveURL(endsWith('/admin/innehall?status=resa-borttagen'))
      await expect(page.getByRole('status')).toHaveText('Resan är borttagen.')
      expect(await db.trip.count({ where: { id: trip.id } })).toBe(0)
    })

    test('a message to many: the preview renders it as the e-mail will and names the number, back keeps the text', async ({ page, db, organiser }) => {
      test.setTimeout(180_000) // sign-in, up to eight posts, axe, two e-mails
      const { trip, person } = await arrange(db, 2)
      const ada = await person('Ada', 'Al', 'Al AB', 'CONFIRMED')
      const cia = await person('Cia', 'Lind', 'Lind AB', 'CONFIRMED')
      const bea = await person('Bea', 'Berg', 'Berg AB', 'WAITLISTED')
      await signInAsOrganiser(page, organiser)
      await page.goto(`/admin/resor/${trip.slug}/meddelanden`)
      const write = async () => {
        await page.getByRole('radiogroup', { name: 'Mottagare' }).getByLabel('Alla bekräftade').check()
        await page.getByLabel('Ämne', { exact: true }).fill('Packlista')
        await page.getByLabel('Meddelande', { exact: true }).fill('Ta med **regnkläder**.\n\n- Paraply\n- Stövlar')
        await page.getByRole('button', { name: 'Förhandsgranska' }).click()
      }
      await write()
      await expect(page.getByText('Skicka meddelandet till 2 bekräftade deltagare?')).toBeVisible()
      const preview = page.getByRole('region', { name: 'Packlista' })
      await expect(preview.getByRole('heading', { name: 'Packlista' })).toBeVisible()
      await expect(preview.locator('strong')).toHaveText('regnkläder')
      await expect(preview.getByRole('listitem')).toHaveText(['Paraply', 'Stövlar'])
      await expect(preview).not.toContainText('**')
      await expect(preview).toContainText('Hej Förnamn!')
      expect(await db.outboxMessage.count({ where: { kind: `message:${trip.id}` } })).toBe(0)
      if (javaScriptEnabled) await expectNoAxeViolations(page)

      await page.getByRole('button', { name: 'Nej, ändra meddelandet' }).click()
      await expect(page.getByLabel('Ämne', { exact: true })).toHaveValue('Packlista')
      await expect(page.getByLabel('Meddelande', { exact: true })).toHaveValue('Ta med **regnkläder**.\n\n- Paraply\n- Stövlar')
      expect(await db.outboxMessage.count({ where: { kind: `message:${trip.id}` } })).toBe(0)

      await page.getByRole('button', { name: 'Förhandsgranska' }).click()
      await expect(page.getByText('Skicka meddelandet till 2 bekräftade deltagare?')).toBeVisible()
      if (javaScriptEnabled) {
        // Someone signs up between the preview and the click: the confirmed number no longer holds.
        const dan = await person('Dan', 'Dahl', 'Dahl AB', 'CONFIRMED')
        await page.getByRole('button', { name: 'Skicka till 2 bekräftade deltagare' }).click()
        await expect(page.getByRole('alert').filter({ hasText: 'antalet mottagare har ändrats sedan förhandsgranskningen (nu 3)' })).toBeVisible()
        expect(await db.outboxMessage.count({ where: { kind: `message:${trip.id}` } })).toBe(0)
        await db.registration.delete({ where: { id: dan.id } })
        await page.getByRole('button', { name: 'Nej, ändra meddelandet' }).click()
        await page.getByRole('button', { name: 'Förhandsgranska' }).click()
        await expect(page.getByText('Skicka meddelandet till 2 bekräftade deltagare?')).toBeVisible()
      }
      await page.getByRole('button', { name: 'Skicka till 2 bekräftade deltagare' }).click()
      await expect(page.getByRole('status')).toContainText('Meddelandet är på väg till 2 personer.')
      for (const recipient of [ada, cia]) {
        const mails = (await mailsTo(recipient.email, 1)).filter((m) => m.subject === 'Packlista')
        expect(mails).toHaveLength(1)
        expect(mails[0]!.html).toContain('<strong>regnkläder</strong>')
      }
      expect(await db.outboxMessage.count({ where: { kind: `message:${trip.id}` } })).toBe(2)
      expect((await readMailbox(MAILBOX_DIR)).filter((m) => m.envelopeTo.includes(bea.email))).toHaveLength(0)
    })
  })
}
