// Fills the signup form the way a person does: finding each field by its visible label.
import type { Page } from '@playwright/test'
import { expect, waitForMail } from './fixtures'

export type PersonAnswers = {
  firstName: string
  lastName: string
  email: string
  phone: string
  organisation: string
  role: 'Företagare' | 'Förtroendevald' | 'Tjänsteperson' | 'Annan'
  overnight?: 'Enkelrum' | 'Dela dubbelrum' | 'Ingen övernattning'
  shareRoomWith?: string
  boardingStop?: string
  dietaryNeeds?: string
  showInList?: boolean
}

export function person(overrides: Partial<PersonAnswers> = {}): PersonAnswers {
  const id = Math.random().toString(36).slice(2, 8)
  return {
    firstName: 'Sara',
    lastName: `Lind-${id}`,
    email: `sara.${id}@example.se`,
    phone: '070-123 45 67',
    organisation: 'Mjölby kommun',
    role: 'Tjänsteperson',
    overnight: 'Enkelrum',
    ...overrides,
  }
}

export async function fillSignupForm(page: Page, p: PersonAnswers) {
  await page.getByLabel('Förnamn', { exact: true }).fill(p.firstName)
  await page.getByLabel('Efternamn', { exact: true }).fill(p.lastName)
  await page.getByLabel('E-post', { exact: true }).fill(p.email)
  await page.getByLabel('Mobilnummer', { exact: true }).fill(p.phone)
  await page.getByLabel('Organisation', { exact: true }).fill(p.organisation)
  await page.getByRole('radiogroup', { name: 'Roll' }).getByLabel(p.role, { exact: true }).check()
  if (p.dietaryNeeds) await page.getByLabel('Specialkost eller allergier', { exact: true }).fill(p.dietaryNeeds)
  if (p.overnight) await page.getByRole('radiogroup', { name: 'Övernattning' }).getByLabel(p.overnight, { exact: true }).check()
  if (p.shareRoomWith) await page.getByLabel('Dela rum med', { exact: true }).fill(p.shareRoomWith)
  if (p.boardingStop) await page.getByRole('radiogroup', { name: 'Påstigning' }).getByLabel(p.boardingStop, { exact: true }).check()
  if (p.showInList) await page.getByLabel('Visa mitt namn och min organisation i listan över deltagare').check()
  await page.getByLabel('Jag har läst integritetsmeddelandet').check()
}

/** Signs up through the form and returns the path of the personal link in the confirmation e-mail. */
export async function signUpAndGetLink(page: Page, slug: string, p: PersonAnswers): Promise<string> {
  await page.goto(`/resor/${slug}/anmalan`)
  await fillSignupForm(page, p)
  await page.getByRole('button', { name: /Skicka anmälan|Anmäl mig till reservlistan/ }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tack för din anmälan!')
  const mail = await waitForMail(p.email)
  const link = mail.text?.match(/https?:\/\/\S+\/anmalan\/[A-Za-z0-9_-]{22}/)?.[0]
  if (!link) throw new Error(`no personal link in: ${mail.text}`)
  return new URL(link).pathname
}
