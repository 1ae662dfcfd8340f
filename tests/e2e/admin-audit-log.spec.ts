// The audit log as organisers read it (/admin/logg): an organiser's edit of a trip shows the field
// with its old and new value; a participant's own change through their personal link shows as
// theirs; the filters by trip, by who and by participant work without JavaScript (a GET form);
// a filter that matches nothing says so, with no table; axe finds nothing on the log or the empty state.
import { newLinkToken } from '../../lib/registrations/links'
import { createTestTrip } from '../support/factories'
import { adminTest as test, expect, expectNoAxeViolations, signInAsOrganiser } from './support/fixtures'

test('an organiser changes a trip\'s seats: the log names the trip and shows "Platser" with the old and new number', async ({ page, db, organiser }) => {
  test.slow() // sign-in, a save, the log filtered and axe
  const trip = await createTestTrip(db, { seats: 40, boardingStops: ['Mjölby'] })
  await signInAsOrganiser(page, organiser)
  await page.goto(`/admin/resor/${trip.slug}/redigera`)
  const tripForm = page.locator('form').filter({ has: page.getByRole('button', { name: 'Spara resan' }) })
  await tripForm.getByLabel('Antal platser', { exact: true }).fill('45')
  await tripForm.getByRole('button', { name: 'Spara resan' }).click()
  await expect(page.getByRole('status')).toHaveText('Ändringarna är sparade och syns på den publika sidan.')

  await page.goto('/admin/logg')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ändringslogg')
  await page.getByLabel('Resa', { exact: true }).selectOption({ label: trip.title })
  await page.getByRole('button', { name: 'Visa' }).click()
  await expect(page).toHaveURL(new RegExp(`/admin/logg\\?resa=${trip.id}(&|$)`))
  await expect(page.getByRole('heading', { level: 2, name: '1 händelse' })).toBeVisible()
  const row = page.getByRole('row').filter({ hasText: 'Platser' })
  await expect(row.getByRole('cell').nth(1)).toHaveText(`${organiser.name} (${organiser.email})`)
  await expect(row.getByRole('link', { name: `Resa: ${trip.title}` })).toHaveAttribute('href', `/admin/resor/${trip.slug}/redigera`)
  await expect(row.getByRole('listitem')).toHaveText(['Platser: 40 → 45'])
  await expectNoAxeViolations(page)

  // A filter nothing matches: a sentence instead of a table.
  await page.getByLabel('Deltagare', { exact: true }).fill('Ingen Sådan Deltagare')
  await page.getByRole('button', { name: 'Visa' }).click()
  await expect(page.getByText('Inga händelser matchar filtret.')).toBeVisible()
  await expect(page.getByRole('table')).toHaveCount(0)
  await expectNoAxeViolations(page)
})

test('a participant changes their own phone number through their link: the log shows it as theirs', async ({ page, db, organiser }) => {
  test.slow() // a save, sign-in, the log and axe
  const trip = await createTestTrip(db)
  // A participant signed up, with the personal link their e-mail gave them (the signup itself is
  // tested in signup.spec.ts; manage.spec.ts follows the e-mail's link).
  const p = { firstName: 'Sara', lastName: `Loggsson-${Math.random().toString(36).slice(2, 8)}` }
  const registration = await db.registration.create({
    data: {
      tripId: trip.id,
      status: 'CONFIRMED',
      ...p,
      email: `${p.lastName.toLowerCase()}@example.se`,
      phone: '+46701234567',
      organisation: 'Mjölby kommun',
      role: 'CIVIL_SERVANT',
      overnight: 'SINGLE_ROOM',
      privacyAcceptedAt: new Date(),
    },
  })
  const link = newLinkToken()
  await db.registrationLink.create({ data: { registrationId: registration.id, tokenHash: link.tokenHash } })
  await page.goto(`/anmalan/${link.token}`)
  await page.getByLabel('Mobilnummer', { exact: true }).fill('070-555 66 77')
  await page.getByRole('button', { name: 'Spara ändringar' }).click()
  await expect(page.getByRole('status')).toContainText('Dina ändringar är sparade.')

  await signInAsOrganiser(page, organiser)
  await page.goto('/admin/logg')
  await page.getByLabel('Deltagare', { exact: true }).fill(p.lastName)
  await page.getByRole('button', { name: 'Visa' }).click()
  await expect(page).toHaveURL(/deltagare=/)
  await expect(page.getByRole('heading', { level: 2, name: '1 händelse' })).toBeVisible()
  const row = page.getByRole('row').filter({ hasText: 'Ändrade sina uppgifter' })
  await expect(row.getByRole('cell').nth(1)).toHaveText('Deltagaren själv')
  await expect(row.getByRole('link', { name: `Anmälan: ${p.firstName} ${p.lastName}, ${trip.title}` })).toHaveAttribute(
    'href',
    `/admin/resor/${trip.slug}/anmalan/${registration.id}`,
  )
  // The numbers as the site shows phone numbers (stored as +46…, shown the Swedish way).
  await expect(row.getByRole('listitem')).toHaveText(['Mobilnummer: 070-123 45 67 → 070-555 66 77'])
  await expectNoAxeViolations(page)

  // The registration's own history says who, too.
  await row.getByRole('link').click()
  await expect(page.getByRole('list', { name: 'Historik' }).locator('> li').first()).toContainText('Deltagaren själv: Ändrade sina uppgifter')
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the filters by trip, by who and by participant narrow the log; nothing matching says so, with no table', async ({ page, db, organiser }) => {
    test.slow() // sign-in and five filtered views
    const [first, second] = [await createTestTrip(db, { seats: 20 }), await createTestTrip(db, { seats: 20 })]
    const id = Math.random().toString(36).slice(2, 8)
    const registration = await db.registration.create({
      data: {
        tripId: second.id,
        status: 'CONFIRMED',
        firstName: 'Filippa',
        lastName: `Filtersson-${id}`,
        email: `filippa.${id}@example.se`,
        phone: '+46701234567',
        organisation: 'Filterbolaget AB',
        role: 'OTHER',
        overnight: 'SINGLE_ROOM',
        privacyAcceptedAt: new Date(),
      },
    })
    // What the organiser and the participant did, as the site records it.
    const seats = (tripId: number, from: number, to: number) => ({
      actor: organiser.email,
      action: 'trip.updated',
      entityType: 'trip',
      entityId: String(tripId),
      tripId,
      summary: 'Resan ändrades.',
      changes: { seats: { from, to } },
    })
    await db.auditEntry.create({ data: seats(first.id, 20, 22) })
    await db.auditEntry.create({ data: seats(second.id, 20, 25) })
    await db.auditEntry.create({
      data: {
        actor: 'deltagare',
        action: 'registration.updated',
        entityType: 'registration',
        entityId: String(registration.id),
        tripId: second.id,
        summary: 'Ändrade sina uppgifter',
        changes: { organisation: { from: 'Filterbolaget AB', to: 'Filterbolaget i Mjölby AB' } },
      },
    })

    await signInAsOrganiser(page, organiser)
    await page.goto('/admin/logg')
    const show = async (filters: { trip?: string; who?: string; participant?: string }) => {
      await page.getByLabel('Resa', { exact: true }).selectOption({ label: filters.trip ?? 'Alla resor' })
      await page.getByLabel('Vem', { exact: true }).selectOption({ label: filters.who ?? 'Alla' })
      await page.getByLabel('Deltagare', { exact: true }).fill(filters.participant ?? '')
      await page.getByRole('button', { name: 'Visa' }).click()
    }
    const changeLines = () => page.getByRole('table').getByRole('listitem')

    await show({ trip: second.title })
    await expect(page.getByRole('heading', { level: 2, name: '2 händelser' })).toBeVisible()
    await expect(changeLines()).toHaveText(['Organisation: Filterbolaget AB → Filterbolaget i Mjölby AB', 'Platser: 20 → 25'])
    // The form keeps the choices made.
    await expect(page.getByLabel('Resa', { exact: true })).toHaveValue(String(second.id))

    await show({ trip: second.title, who: `${organiser.name} (${organiser.email})` })
    await expect(changeLines()).toHaveText(['Platser: 20 → 25'])

    await show({ who: 'Deltagaren själv', participant: `filippa filtersson-${id}` })
    await expect(changeLines()).toHaveText(['Organisation: Filterbolaget AB → Filterbolaget i Mjölby AB'])
    await expect(page.getByRole('link', { name: `Anmälan: Filippa Filtersson-${id}, ${second.title}` })).toBeVisible()

    await show({ who: `${organiser.name} (${organiser.email})` })
    await expect(changeLines()).toHaveText(['Platser: 20 → 25', 'Platser: 20 → 22'])

    // Nothing matches: a sentence, and no table or bare header.
    await show({ trip: first.title, participant: `Filtersson-${id}` })
    await expect(page.getByText('Inga händelser matchar filtret.')).toBeVisible()
    await expect(page.getByRole('table')).toHaveCount(0)
    await page.getByRole('link', { name: 'Visa alla händelser' }).click()
    await expect(page).toHaveURL(/\/admin\/logg$/)
    await expect(page.getByLabel('Deltagare', { exact: true })).toHaveValue('')
  })
})
