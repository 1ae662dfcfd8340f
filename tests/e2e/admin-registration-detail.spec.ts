// An organiser works with one registration: opens a waiting participant from the table, confirms
// them, corrects an answer, sees the audit log, and checks participants in on the day-of-departure
// list (with JavaScript on and off).
import type { PrismaClient } from '../../lib/generated/prisma/client'
import { createTestTrip } from '../support/factories'
import { adminTest as test, expect, expectNoAxeViolations, signInAsOrganiser } from './support/fixtures'

async function arrange(db: PrismaClient) {
  const trip = await createTestTrip(db, { seats: 2, boardingStops: ['Mjölby', 'Mantorp'] })
  const [mjolby, mantorp] = trip.boardingStops
  const base = { tripId: trip.id, phone: '+46701234567', role: 'OTHER' as const, overnight: 'NONE' as const, privacyAcceptedAt: new Date() }
  const bo = await db.registration.create({
    data: { ...base, status: 'CONFIRMED', firstName: 'Bo', lastName: 'Ek', email: 'bo@example.se', organisation: 'Ek AB', boardingStopId: mantorp!.id },
  })
  const cia = await db.registration.create({
    data: { ...base, status: 'WAITLISTED', firstName: 'Cia', lastName: 'Lind', email: 'cia@example.se', organisation: 'Mjölby kommun', boardingStopId: mjolby!.id },
  })
  return { trip, bo, cia }
}

test('an organiser confirms a waiting participant, corrects them and checks them in', async ({ page, db, organiser }) => {
  test.slow() // eight page loads and four posts, axe on each of the three pages
  const { trip, cia } = await arrange(db)
  await signInAsOrganiser(page, organiser)

  // From the table to the detail page.
  await page.goto(`/admin/resor/${trip.slug}`)
  await page.getByRole('link', { name: 'Lind, Cia' }).click()
  await expect(page).toHaveURL(new RegExp(`/admin/resor/${trip.slug}/anmalan/${cia.id}$`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cia Lind')
  const facts = page.locator('dl').first()
  await expect(facts).toContainText('Reservlista')
  await expect(facts).toContainText('Plats på reservlistan1')
  await expect(facts).toContainText('Inte incheckad')
  // A seat is free: plain confirmation, no overbooking; no check-in while waiting.
  await expect(page.getByRole('button', { name: 'Bekräfta (överboka)' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Checka in' })).toHaveCount(0)
  await expectNoAxeViolations(page)

  await page.getByRole('button', { name: 'Bekräfta', exact: true }).click()
  await expect(page).toHaveURL(/\?klart=bekraftad$/)
  await expect(page.getByRole('status').filter({ hasText: 'Anmälan är bekräftad' })).toBeVisible()
  await expect(facts).toContainText('Bekräftad')
  expect((await db.registration.findUniqueOrThrow({ where: { id: cia.id } })).status).toBe('CONFIRMED')
  expect(await db.outboxMessage.count({ where: { registrationId: cia.id, kind: 'promoted' } })).toBe(1)

  // Correcting an answer, with the public form's labels.
  await page.getByLabel('Organisation', { exact: true }).fill('Nya Mjölby AB')
  await page.getByRole('button', { name: 'Spara ändringar' }).click()
  await expect(page).toHaveURL(/\?klart=sparad$/)
  expect((await db.registration.findUniqueOrThrow({ where: { id: cia.id } })).organisation).toBe('Nya Mjölby AB')
  expect(await db.outboxMessage.count({ where: { registrationId: cia.id, kind: 'changed' } })).toBe(1)

  // The check-in list, in the trip's own navigation.
  await page.goto(`/admin/resor/${trip.slug}`)
  await page.getByRole('navigation', { name: `Resan ${trip.title}` }).getByRole('link', { name: 'Incheckning' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Incheckning: ${trip.title}`)
  await expect(page.getByText('0 av 2 incheckade')).toBeVisible()
  await expect(page.locator('main').getByRole('heading', { level: 2 })).toHaveText(['Mjölby (0 av 1)', 'Mantorp (0 av 1)'])
  const ciaButton = page.getByRole('button', { name: /Cia Lind/ })
  await expect(ciaButton).toContainText('Checka in')
  const box = (await ciaButton.boundingBox())!
  expect(box.height).toBeGreaterThanOrEqual(44)
  expect(box.width).toBeGreaterThanOrEqual(44)
  await expectNoAxeViolations(page)
  await ciaButton.click()
  await expect(page.getByText('1 av 2 incheckade')).toBeVisible()
  await expect(ciaButton).toContainText('Incheckad ✓ (ångra)')
  expect((await db.registration.findUniqueOrThrow({ where: { id: cia.id } })).checkedInAt).not.toBeNull()

  // The audit log on the detail page, newest first, with who did it.
  await page.goto(`/admin/resor/${trip.slug}/anmalan/${cia.id}`)
  const log = page.getByRole('list', { name: 'Historik' })
  await expect(log.locator('> li')).toHaveCount(3)
  await expect(log.locator('> li').nth(0)).toContainText(`${organiser.email}: Checkade in Cia Lind`)
  await expect(log.locator('> li').nth(1)).toContainText('Organisation: Mjölby kommun → Nya Mjölby AB')
  await expect(log.locator('> li').nth(2)).toContainText(`${organiser.email}: Bekräftade Cia Lind`)
  await expect(facts).toContainText('Incheckad ')
  await expect(page.getByRole('button', { name: 'Ångra incheckning' })).toBeVisible()
  await expectNoAxeViolations(page)
})

test('an organiser cancels a participant by mistake and brings them back', async ({ page, db, organiser }) => {
  test.slow() // sign-in, the confirmation step, two posts, axe twice
  const { trip, bo, cia } = await arrange(db)
  await signInAsOrganiser(page, organiser)
  await page.goto(`/admin/resor/${trip.slug}/anmalan/${bo.id}`)
  await page.getByRole('button', { name: 'Avboka …' }).click()
  await page.getByRole('button', { name: 'Ja, avboka Bo Ek' }).click() // the confirmation step: tests/e2e/admin-confirmations.spec.ts
  await expect(page.getByRole('status').filter({ hasText: 'Anmälan är avbokad' })).toBeVisible()
  // Cia, who was waiting, got Bo's seat; one of the two seats is still free, so Bo comes back with one.
  expect((await db.registration.findUniqueOrThrow({ where: { id: cia.id } })).status).toBe('CONFIRMED')
  await expect(page.getByText('Återställer du anmälan får deltagaren en plats.')).toBeVisible()
  await expectNoAxeViolations(page)

  await page.getByRole('button', { name: 'Återställ anmälan' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Anmälan är återställd med en plats' })).toBeVisible()
  await expect(page.locator('dl').first()).toContainText('Bekräftad')
  const after = await db.registration.findUniqueOrThrow({ where: { id: bo.id } })
  expect(after).toMatchObject({ status: 'CONFIRMED', cancelledAt: null })
  expect(await db.outboxMessage.count({ where: { registrationId: bo.id, kind: 'reinstated' } })).toBe(1)
  await expect(page.getByRole('list', { name: 'Historik' }).locator('> li').first()).toContainText(`${organiser.email}: Återställde Bo Ek med plats`)
  await expectNoAxeViolations(page)
})

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false })

  test('the check-in list checks in and undoes with plain form posts', async ({ page, db, organiser }) => {
    test.slow() // sign-in, two pages, three posts
    const { trip, bo } = await arrange(db)
    await signInAsOrganiser(page, organiser)
    await page.goto(`/admin/resor/${trip.slug}/incheckning`)
    await expect(page.getByText('0 av 1 incheckade')).toBeVisible()
    await page.getByRole('button', { name: /Bo Ek/ }).click()
    await expect(page.getByText('1 av 1 incheckade')).toBeVisible()
    await expect(page.getByRole('button', { name: /Bo Ek/ })).toContainText('Incheckad ✓ (ångra)')
    expect((await db.registration.findUniqueOrThrow({ where: { id: bo.id } })).checkedInAt).not.toBeNull()
    await page.getByRole('button', { name: /Bo Ek/ }).click()
    await expect(page.getByText('0 av 1 incheckade')).toBeVisible()
    expect((await db.registration.findUniqueOrThrow({ where: { id: bo.id } })).checkedInAt).toBeNull()

    // And the detail page's buttons too.
    await page.goto(`/admin/resor/${trip.slug}/anmalan/${bo.id}`)
    await page.getByRole('button', { name: 'Flytta till reservlistan' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'flyttad till reservlistan' })).toBeVisible()
    expect((await db.registration.findUniqueOrThrow({ where: { id: bo.id } })).status).toBe('WAITLISTED')
    expect(await db.outboxMessage.count({ where: { registrationId: bo.id, kind: 'waitlisted' } })).toBe(1)
  })
})
