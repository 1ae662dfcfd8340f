// Signing up in the browser, with JavaScript on and off: the happy path, bad input, the waiting
// list, a closed trip, a second signup, and the whole form by keyboard alone.
import { formatDateRange } from '../../lib/dates'
import { createTestTrip } from '../support/factories'
import { expect, expectNoAxeViolations, test, waitForMail } from './support/fixtures'
import { fillSignupForm, person } from './support/signup-form'

for (const javaScriptEnabled of [true, false]) {
  test.describe(`with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled })

    test('a person signs up, sees a receipt and gets the confirmation e-mail', async ({ page, db }) => {
      test.slow() // a signup in the browser, its e-mail, the trip page regenerated
      const trip = await createTestTrip(db, { seats: 5, boardingStops: ['Mjölby resecentrum', 'Mantorp'] })
      const p = person({ boardingStop: 'Mantorp', overnight: 'Dela dubbelrum', shareRoomWith: 'Kalle', showInList: true })
      await page.goto(`/resor/${trip.slug}/anmalan`)
      await expect(page.getByText('5 platser kvar')).toBeVisible()
      await fillSignupForm(page, p)
      await page.getByRole('button', { name: 'Skicka anmälan' }).click()

      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tack för din anmälan!')
      await expect(page.getByRole('status')).toContainText('Bekräftad: du har en plats på resan.')
      await expect(page.getByRole('status')).toContainText(`Vi har skickat en bekräftelse till ${p.email}.`)
      await expect(page.getByText('Mantorp')).toBeVisible()
      if (javaScriptEnabled) await expectNoAxeViolations(page)

      const mail = await waitForMail(p.email)
      expect(mail.subject).toBe(`Bekräftelse: du har en plats på ${trip.title}`)
      expect(mail.text).toContain(formatDateRange(trip.startDate!, trip.endDate))

      const stored = await db.registration.findFirstOrThrow({ where: { tripId: trip.id } })
      expect(stored).toMatchObject({ email: p.email, phone: '+46701234567', overnight: 'SHARED_DOUBLE', shareRoomWith: 'Kalle' })

      // The trip page now shows one seat fewer and the person, who chose to be listed.
      await page.goto(`/resor/${trip.slug}`)
      await expect(page.getByText('4 platser kvar')).toBeVisible()
      await expect(page.getByText(`${p.firstName} ${p.lastName}, ${p.organisation}`)).toBeVisible()
    })

    test('bad input shows Swedish errors beside each field and in a summary, keeps what was typed, stores nothing', async ({ page, db }) => {
      test.slow() // two posts of the whole form, axe
      const trip = await createTestTrip(db, { boardingStops: ['Mjölby', 'Skänninge'] })
      await page.goto(`/resor/${trip.slug}/anmalan`)
      await page.getByLabel('Förnamn', { exact: true }).fill('Bo')
      await page.getByLabel('E-post', { exact: true }).fill('bo@exempel')
      await page.getByLabel('Mobilnummer', { exact: true }).fill('013-123456')
      await page.getByLabel('Specialkost eller allergier', { exact: true }).fill('Nötter')
      await page.getByRole('button', { name: 'Skicka anmälan' }).click()

      const summary = page.getByRole('alert').filter({ hasText: 'Formuläret innehåller' })
      await expect(summary).toBeVisible()
      await expect(summary).toBeFocused()
      await expect(summary.getByRole('link')).toHaveText([
        'Efternamn: Fyll i efternamn.',
        'E-post: Skriv en giltig e-postadress, t.ex. namn@exempel.se.',
        'Mobilnummer: Skriv ett svenskt mobilnummer, t.ex. 070-123 45 67.',
        'Organisation: Fyll i organisation.',
        'Roll: Välj din roll.',
        'Övernattning: Välj övernattning.',
        'Påstigning: Välj var du kliver på bussen.',
        'Integritetsmeddelandet: Du behöver intyga att du har läst integritetsmeddelandet.',
      ])
      // Each error is tied to its field, for screen readers.
      await expect(page.getByLabel('E-post', { exact: true })).toHaveAccessibleDescription(/Skriv en giltig e-postadress/)
      await expect(page.getByLabel('E-post', { exact: true })).toHaveAttribute('aria-invalid', 'true')
      // What was typed is still there.
      await expect(page.getByLabel('Förnamn', { exact: true })).toHaveValue('Bo')
      await expect(page.getByLabel('E-post', { exact: true })).toHaveValue('bo@exempel')
      await expect(page.getByLabel('Mobilnummer', { exact: true })).toHaveValue('013-123456')
      await expect(page.getByLabel('Specialkost eller allergier', { exact: true })).toHaveValue('Nötter')
      if (javaScriptEnabled) await expectNoAxeViolations(page)
      expect(await db.registration.count({ where: { tripId: trip.id } })).toBe(0)

      // Correcting the errors then goes through.
      await fillSignupForm(page, person({ firstName: 'Bo', boardingStop: 'Skänninge' }))
      await page.getByRole('button', { name: 'Skicka anmälan' }).click()
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tack för din anmälan!')
    })

    test('when the trip is full the form says so, and the signup goes to the waiting list', async ({ page, db }) => {
      test.slow() // a signup in the browser and its e-mail
      const trip = await createTestTrip(db, { seats: 1 })
      await page.goto(`/resor/${trip.slug}/anmalan`)
      await fillSignupForm(page, person())
      await page.getByRole('button', { name: 'Skicka anmälan' }).click()
      await expect(page.getByRole('status')).toContainText('Bekräftad')

      const next = person()
      await page.goto(`/resor/${trip.slug}/anmalan`)
      await expect(page.getByText('Alla platser är bokade.')).toBeVisible()
      await fillSignupForm(page, next)
      await page.getByRole('button', { name: 'Anmäl mig till reservlistan' }).click()
      await expect(page.getByRole('status')).toContainText('Reservlista')
      await expect(page.getByRole('status')).toContainText('Du har plats 1 på reservlistan')
      expect((await waitForMail(next.email)).subject).toBe(`Du står på reservlistan till ${trip.title}`)
    })

    test('a second signup with the same address makes no duplicate and resends the link', async ({ page, db }) => {
      test.slow() // two signups in the browser and their e-mails
      const trip = await createTestTrip(db)
      const p = person()
      await page.goto(`/resor/${trip.slug}/anmalan`)
      await fillSignupForm(page, p)
      await page.getByRole('button', { name: 'Skicka anmälan' }).click()
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tack för din anmälan!')

      await page.goto(`/resor/${trip.slug}/anmalan`)
      await fillSignupForm(page, { ...p, email: p.email.toUpperCase() })
      await page.getByRole('button', { name: 'Skicka anmälan' }).click()
      await expect(page.getByRole('heading', { name: 'Du är redan anmäld' })).toBeVisible()
      expect(await db.registration.count({ where: { tripId: trip.id } })).toBe(1)
    })
  })
}

test('a trip closed after the form was opened answers that registration is closed', async ({ page, db }) => {
  const trip = await createTestTrip(db)
  await page.goto(`/resor/${trip.slug}/anmalan`)
  await fillSignupForm(page, person())
  await db.trip.update({ where: { id: trip.id }, data: { registrationOpen: false, registrationClosed: true } })
  await page.getByRole('button', { name: 'Skicka anmälan' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Anmälan är stängd' })).toContainText('Arrangörerna har stängt anmälan.')
  expect(await db.registration.count({ where: { tripId: trip.id } })).toBe(0)
})

test('the whole signup can be done with the keyboard alone', async ({ page, db }) => {
  test.slow() // the whole form by keyboard, key by key
  const trip = await createTestTrip(db, { boardingStops: ['Mjölby', 'Väderstad'] })
  await page.goto(`/resor/${trip.slug}/anmalan`)
  // The skip link is the first stop and leads to the content.
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: 'Hoppa till innehållet' })).toBeFocused()
  await page.keyboard.press('Enter')

  const field = (label: string) => page.getByLabel(label, { exact: true })
  async function tabTo(target: ReturnType<typeof field>) {
    for (let i = 0; i < 40; i++) {
      if (await target.evaluate((el) => el === document.activeElement)) return
      await page.keyboard.press('Tab')
    }
    throw new Error('could not reach the field with Tab')
  }
  await tabTo(field('Förnamn'))
  await page.keyboard.type('Tove')
  await page.keyboard.press('Tab')
  await page.keyboard.type('Tangent')
  await page.keyboard.press('Tab')
  await page.keyboard.type('tove.tangent@example.se')
  await page.keyboard.press('Tab')
  await page.keyboard.type('0701234567')
  await page.keyboard.press('Tab')
  await page.keyboard.type('Mjölby Företagarförening')
  await page.keyboard.press('Tab') // into the Roll radios: arrow keys choose
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('radiogroup', { name: 'Roll' }).getByLabel('Förtroendevald')).toBeChecked()
  await tabTo(page.getByRole('radiogroup', { name: 'Övernattning' }).getByLabel('Enkelrum'))
  await page.keyboard.press('Space')
  await tabTo(page.getByRole('radiogroup', { name: 'Påstigning' }).getByLabel('Mjölby'))
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('radiogroup', { name: 'Påstigning' }).getByLabel('Väderstad')).toBeChecked()
  await tabTo(page.getByLabel('Jag har läst integritetsmeddelandet'))
  await page.keyboard.press('Space')
  await tabTo(page.getByRole('button', { name: 'Skicka anmälan' }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tack för din anmälan!')
  await expect(page.getByText('Väderstad')).toBeVisible()
})
