// Privacy in the browser: the organisers write the privacy notice and the retention periods in
// the settings and /integritet shows them; the signup form links to the notice; a participant
// downloads a copy of their data from the personal page and it reads back; the site's own log
// output holds none of the personal values of a signup. JavaScript on and off for the public
// pages, axe on every page touched.
import fs from 'node:fs'
import type { Page } from '@playwright/test'
import { createTestTrip } from '../support/factories'
import { adminTest, expect, expectNoAxeViolations, signInAsOrganiser, test, waitForMail } from './support/fixtures'
import { SERVER_LOG_FILE } from './support/paths'
import { fillSignupForm, person, signUpAndGetLink, type PersonAnswers } from './support/signup-form'

adminTest('the settings forms answer mistakes beside their fields, each on its own', async ({ page, organiser }) => {
  test.slow() // sign-in, two posts, axe twice on a long page
  await signInAsOrganiser(page, organiser)
  await page.goto('/admin/installningar')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inställningar')
  await expectNoAxeViolations(page)

  // Each form answers beside its own fields and keeps what was typed.
  const retention = page.locator('form').filter({ has: page.getByRole('button', { name: 'Spara lagringstiderna' }) })
  await retention.getByLabel('Avidentifiera anmälningarna, månader efter resan').fill('0')
  await retention.getByLabel('Ta bort svaren om specialkost, dagar efter resan').fill('400')
  await retention.getByRole('button', { name: 'Spara lagringstiderna' }).click()
  await expect(page.getByRole('alert').getByRole('link')).toHaveText([
    'Avidentifiera anmälningarna, månader efter resan: Antal månader ska vara mellan 1 och 120.',
    'Ta bort svaren om specialkost, dagar efter resan: Antal dagar för specialkost ska vara mellan 1 och 365.',
  ])
  await expect(retention.getByLabel('Ta bort svaren om specialkost, dagar efter resan')).toHaveAttribute('aria-invalid', 'true')
  await expect(retention.getByLabel('Ta bort svaren om specialkost, dagar efter resan')).toHaveValue('400')
  await expectNoAxeViolations(page)
  // (The limits are shared by every test running now: only a mistake here, never a save.)
  await page.goto('/admin/installningar')
  const limits = page.locator('form').filter({ has: page.getByRole('button', { name: 'Spara gränserna' }) })
  await expect(limits.getByLabel('Anmälningar per klientadress')).toHaveValue(/^\d+$/)
  await limits.getByLabel('Anmälningar per e-postadress').fill('100001')
  await limits.getByRole('button', { name: 'Spara gränserna' }).click()
  await expect(page.getByRole('alert').getByRole('link')).toHaveText(
    'Anmälningar per e-postadress: Antal anmälningar per e-postadress ska vara mellan 1 och 100\u00a0000.',
  )
})

adminTest('the privacy notice shows what the organisers saved in the settings, retention periods in words', async ({ page, organiser }) => {
  test.slow() // sign-in, saves, the public notice regenerated, axe
  await signInAsOrganiser(page, organiser)
  await page.goto('/admin/installningar')
  const notice = page.locator('form').filter({ has: page.getByRole('button', { name: 'Spara integritetsmeddelandet' }) })
  await notice.getByLabel('Personuppgiftsansvarig').fill('Kommunstyrelsen i Mjölby kommun')
  await notice.getByLabel('Dataskyddsombud').fill('Dataskyddsombudet i Mjölby kommun, dataskyddsombud@mjolby.se, 0142-850 00')
  await notice.getByLabel('Rättslig grund').fill('Allmänt intresse: kommunens uppdrag att främja näringslivet.\n\nFör kostuppgifter ditt samtycke.')
  await notice.getByLabel('Vilka som får uppgifterna').fill('Bussbolaget Östgötaresor får namn och påstigningsplats.')
  await notice.getByRole('button', { name: 'Spara integritetsmeddelandet' }).click()
  await expect(page.getByRole('status')).toHaveText('Integritetsmeddelandet är sparat och visas på sidan Integritet.')

  const retention = page.locator('form').filter({ has: page.getByRole('button', { name: 'Spara lagringstiderna' }) })
  await retention.getByLabel('Avidentifiera anmälningarna, månader efter resan').fill('18')
  await retention.getByLabel('Ta bort svaren om specialkost, dagar efter resan').fill('14')
  await retention.getByLabel('Rensa skickad e-post, dagar efter utskicket').fill('1')
  await retention.getByRole('button', { name: 'Spara lagringstiderna' }).click()
  await expect(page.getByRole('status')).toContainText('Lagringstiderna är sparade.')
  await expect(retention.getByLabel('Avidentifiera anmälningarna, månader efter resan')).toHaveValue('18')

  await page.goto('/integritet')
  const main = page.getByRole('main')
  await expect(main).toContainText('Kommunstyrelsen i Mjölby kommun ansvarar för uppgifterna.')
  await expect(main).toContainText('Dataskyddsombudet i Mjölby kommun, dataskyddsombud@mjolby.se, 0142-850 00')
  await expect(main.getByText('Allmänt intresse: kommunens uppdrag att främja näringslivet.')).toBeVisible()
  await expect(main.getByText('För kostuppgifter ditt samtycke.')).toBeVisible()
  await expect(main).toContainText('Bussbolaget Östgötaresor får namn och påstigningsplats.')
  await expect(main).toContainText('Uppgifter om specialkost och allergier raderas 14 dagar efter resan.')
  await expect(main).toContainText('Övriga personuppgifter avidentifieras 18 månader efter resan.')
  await expect(main).toContainText('Kopior av e-post vi har skickat till dig sparas i 1 dag.')
  await expect(main).toContainText('Integritetsskyddsmyndigheten (IMY)')
  await expectNoAxeViolations(page)
})

for (const javaScriptEnabled of [true, false]) {
  test.describe(`with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled })

    test('the signup form links to the privacy notice, which states rights and whom to ask', async ({ page, db }) => {
      const trip = await createTestTrip(db)
      await page.goto(`/resor/${trip.slug}/anmalan`)
      await page.getByRole('link', { name: 'integritetsmeddelandet', exact: true }).click()
      await expect(page).toHaveURL(/\/integritet$/)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Så hanterar vi dina personuppgifter')
      for (const heading of ['Personuppgiftsansvarig', 'Varför vi behandlar uppgifterna', 'Vilka uppgifter vi sparar', 'Vem som får uppgifterna', 'Hur länge vi sparar dem', 'Dina rättigheter', 'Frågor om dina personuppgifter'])
        await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible()
      await expect(page.getByRole('link', { name: 'imy.se' })).toHaveAttribute('href', 'https://www.imy.se')
      if (javaScriptEnabled) await expectNoAxeViolations(page)
    })

    test('a participant downloads a copy of their data from the personal page and it reads back', async ({ page, db }) => {
      test.slow() // a signup in the browser, its e-mail sent, a download
      const trip = await createTestTrip(db, { boardingStops: ['Mjölby', 'Mantorp'] })
      const p = person({ boardingStop: 'Mantorp', dietaryNeeds: 'Laktosfritt', overnight: 'Dela dubbelrum', shareRoomWith: 'Kalle' })
      const path = await signUpAndGetLink(page, trip.slug, p)
      // The confirmation has been received; its row says so a moment later.
      const registration = await db.registration.findFirstOrThrow({ where: { tripId: trip.id } })
      await expect.poll(() => db.outboxMessage.count({ where: { registrationId: registration.id, status: 'SENT' } })).toBe(1)
      await page.goto(path)
      await expect(page.getByRole('heading', { level: 2, name: 'Dina personuppgifter' })).toBeVisible()
      if (javaScriptEnabled) await expectNoAxeViolations(page)

      const downloading = page.waitForEvent('download')
      await page.getByRole('link', { name: 'Ladda ner en kopia av dina uppgifter (JSON-fil)' }).click()
      const download = await downloading
      expect(download.suggestedFilename()).toBe('mjolbybussen-mina-uppgifter.json')
      const copy = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'))
      expect(copy.Resa).toMatchObject({
        Namn: trip.title,
        'Första dagen': trip.startDate!.toISOString().slice(0, 10),
        'Sista dagen': trip.endDate!.toISOString().slice(0, 10),
      })
      expect(copy.Anmälan).toMatchObject({ Status: 'Bekräftad', Avbokad: null })
      expect(copy.Svar).toEqual({
        Förnamn: p.firstName,
        Efternamn: p.lastName,
        'E-post': p.email,
        Mobilnummer: '+46701234567',
        Organisation: p.organisation,
        Roll: p.role,
        'Specialkost eller allergier': 'Laktosfritt',
        Övernattning: 'Dela dubbelrum',
        'Dela rum med': 'Kalle',
        Påstigning: 'Mantorp',
        Övrigt: null,
        'Visa mitt namn och min organisation i listan över deltagare': false,
      })
      expect(copy['E-post till dig']).toEqual([expect.objectContaining({ Ämne: `Bekräftelse: du har en plats på ${trip.title}`, Status: 'Skickat' })])

      // The file itself: UTF-8 JSON, never stored by a cache or indexed; an unknown link has none.
      const response = await page.request.get(`${path}/mina-uppgifter`)
      expect(response.headers()['content-type']).toBe('application/json; charset=utf-8')
      expect(response.headers()['cache-control']).toContain('no-store')
      expect(response.headers()['x-robots-tag']).toContain('noindex')
      expect((await page.request.get(`/anmalan/${'A'.repeat(22)}/mina-uppgifter`)).status()).toBe(404)
      expect((await page.request.get('/anmalan/inte-en-lank/mina-uppgifter')).status()).toBe(404)
    })
  })
}

test('the site logs nothing personal of a signup, a change, a copy and an erasure', async ({ page, db }) => {
  test.slow() // a signup, a change, a copy and an erasure in the browser
  const trip = await createTestTrip(db)
  const p = person({
    firstName: 'Loggfria',
    lastName: `Spårlösa-${Math.random().toString(36).slice(2, 8)}`,
    phone: '070-987 65 43',
    organisation: 'Tystnadens Verkstad AB',
    dietaryNeeds: 'Sesamallergi i loggtestet',
  })
  const path = await signUpAndGetLink(page, trip.slug, p)
  await page.goto(path)
  await page.getByLabel('Organisation', { exact: true }).fill('Hemliga Ändringen AB')
  await page.getByRole('button', { name: 'Spara ändringar' }).click()
  await expect(page.getByRole('status')).toContainText('Dina ändringar är sparade.')
  await page.request.get(`${path}/mina-uppgifter`)
  await page.goto(`${path}/avboka`)
  await page.getByLabel('Ta bort mina personuppgifter').check()
  await page.getByRole('button', { name: 'Ja, avboka' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Din anmälan är avbokad')

  // The site logged the signup (by id): the capture works, so what is missing is missing.
  const registration = await db.registration.findFirstOrThrow({ where: { tripId: trip.id } })
  const logged = new RegExp(`"event":"signup.registered".*"registrationId":${registration.id}\\b`)
  await expect.poll(() => fs.readFileSync(SERVER_LOG_FILE, 'utf8')).toMatch(logged)
  const logs = fs.readFileSync(SERVER_LOG_FILE, 'utf8').toLowerCase()
  for (const value of [p.firstName, p.lastName, p.email, p.email.split('@')[0]!, p.phone, '+46709876543', p.organisation, p.dietaryNeeds!, 'Hemliga Ändringen AB'])
    expect(logs, value).not.toContain(value.toLowerCase())
  // No e-mail address at all, of anyone signing up in any test running now.
  expect(logs.match(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g) ?? []).toEqual([])
})
