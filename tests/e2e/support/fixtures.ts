// What every end-to-end test gets: the database the site runs on (to arrange and check state),
// the mailbox the site's SMTP server fills, and an axe check for WCAG 2.1 AA.
import fs from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Page } from '@playwright/test'
import { createPrismaClient } from '../../../lib/db'
import type { PrismaClient } from '../../../lib/generated/prisma/client'
import { readMailbox, type CapturedMail } from '../../support/smtp-capture'
import { E2E_STATE_FILE, MAILBOX_DIR } from './paths'

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([])
}

/** The first e-mail to `to` (that `matches`, when given), waiting for it to arrive. */
export async function waitForMail(to: string, { matches = () => true, timeoutMs = 15_000 }: { matches?: (mail: CapturedMail) => boolean; timeoutMs?: number } = {}): Promise<CapturedMail> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const mail = (await readMailbox(MAILBOX_DIR)).find((m) => m.envelopeTo.includes(to) && matches(m))
    if (mail) return mail
    if (Date.now() > deadline) throw new Error(`no e-mail to ${to} within ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 250))
  }
}

export const test = base.extend<object, { db: PrismaClient }>({
  db: [
    async ({}, use) => {
      const { databaseUrl } = JSON.parse(fs.readFileSync(E2E_STATE_FILE, 'utf8')) as { databaseUrl: string }
      const prisma = createPrismaClient(databaseUrl, 2)
      await use(prisma)
      await prisma.$disconnect()
    },
    { scope: 'worker' },
  ],
})

export { expect }

/** An organiser account made for one test (lib/auth/organisers.ts), on the site's database. */
export type TestOrganiser = { email: string; name: string; password: string }

export const adminTest = test.extend<{ organiser: TestOrganiser }>({
  organiser: async ({ db }, use) => {
    const { addOrganiser } = await import('../../../lib/auth/organisers')
    const id = Math.random().toString(36).slice(2, 8)
    const organiser = { email: `arrangor.${id}@mjolby.se`, name: `Eva Arrangör ${id}`, password: `lösenord för test ${id}` }
    await addOrganiser(db, organiser)
    await use(organiser)
  },
})

/** Signs the organiser in through the sign-in form, as a person does. */
export async function signInAsOrganiser(page: Page, organiser: TestOrganiser) {
  await page.goto('/admin/logga-in')
  await page.getByLabel('E-post', { exact: true }).fill(organiser.email)
  await page.getByLabel('Lösenord', { exact: true }).fill(organiser.password)
  await page.getByRole('button', { name: 'Logga in' }).click()
  await expect(page).toHaveURL(/\/admin$/)
}
