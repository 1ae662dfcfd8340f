// The settings page's privacy notice, retention and rate-limit forms (lib/settings/edit.ts): each
// saves its own fields only, answers mistakes in Swedish beside the field, keeps within sane
// bounds, and leaves an audit entry of what changed.
import { describe, expect, it } from 'vitest'
import { savePrivacySettings, saveRateLimitSettings, saveRetentionSettings } from '../../lib/settings/edit'
import { db } from '../../lib/db'
import { getPrivacySettings } from '../../lib/settings/site-settings'

const ACTOR = 'eva.arrangor@mjolby.se'
const settings = () => db().siteSettings.findUniqueOrThrow({ where: { id: 1 } })

describe('the privacy notice settings', () => {
  it('are saved with an audit entry; an empty controller means the organisers', async () => {
    const before = await settings()
    expect(
      await savePrivacySettings(ACTOR, {
        privacyController: '  Kommunstyrelsen i Mjölby kommun ',
        dataProtectionContact: 'Dataskyddsombudet\r\ndataskyddsombud@mjolby.se',
        privacyLegalBasis: 'Allmänt intresse.',
        privacyRecipients: 'Bussbolaget.',
      }),
    ).toEqual({ ok: true, value: null, warnings: [] })
    const after = await getPrivacySettings()
    expect(after).toMatchObject({
      privacyController: 'Kommunstyrelsen i Mjölby kommun',
      dataProtectionContact: 'Dataskyddsombudet\ndataskyddsombud@mjolby.se',
      privacyLegalBasis: 'Allmänt intresse.',
      privacyRecipients: 'Bussbolaget.',
      // The other parts are not touched.
      organiserName: before.organiserName,
      retentionMonths: 12,
      signupsPerAddress: before.signupsPerAddress,
    })
    const audit = await db().auditEntry.findFirstOrThrow({ where: { entityType: 'settings' } })
    expect(audit).toMatchObject({ actor: ACTOR, action: 'settings.updated', summary: 'Integritetsmeddelandet ändrades.' })
    expect(audit.changes).toMatchObject({ privacyController: { from: null, to: 'Kommunstyrelsen i Mjölby kommun' } })

    await savePrivacySettings(ACTOR, { privacyController: '', dataProtectionContact: '', privacyLegalBasis: 'Allmänt intresse.', privacyRecipients: 'Bussbolaget.' })
    expect(await settings()).toMatchObject({ privacyController: null, dataProtectionContact: null })
  })

  it('need a legal basis and recipients, within their lengths and without control characters', async () => {
    const before = await settings()
    expect(await savePrivacySettings(ACTOR, { privacyController: 'x'.repeat(201), privacyLegalBasis: '  ', privacyRecipients: 'Buss\u202Ebolaget' })).toEqual({
      ok: false,
      errors: {
        privacyController: 'Personuppgiftsansvarig får vara högst 200 tecken.',
        privacyLegalBasis: 'Fyll i rättslig grund.',
        privacyRecipients: 'Vilka som får uppgifterna innehåller otillåtna tecken.',
      },
    })
    expect(await settings()).toEqual(before)
    expect(await db().auditEntry.count()).toBe(0)
  })
})

describe('the retention periods', () => {
  it('are whole numbers within bounds; dietary answers are never kept longer than the rest', async () => {
    expect(await saveRetentionSettings(ACTOR, { retentionMonths: '18', dietaryRetentionDays: ' 14 ', sentEmailRetentionDays: '1' })).toMatchObject({ ok: true })
    expect(await settings()).toMatchObject({ retentionMonths: 18, dietaryRetentionDays: 14, sentEmailRetentionDays: 1 })
    expect((await db().auditEntry.findFirstOrThrow({ where: { entityType: 'settings' } })).summary).toBe('Lagringstiderna ändrades.')

    expect(await saveRetentionSettings(ACTOR, { retentionMonths: '0', dietaryRetentionDays: '366', sentEmailRetentionDays: 'trettio' })).toEqual({
      ok: false,
      errors: {
        retentionMonths: 'Antal månader ska vara mellan 1 och 120.',
        dietaryRetentionDays: 'Antal dagar för specialkost ska vara mellan 1 och 365.',
        sentEmailRetentionDays: 'Antal dagar för skickad e-post ska vara ett heltal.',
      },
    })
    expect(await saveRetentionSettings(ACTOR, { retentionMonths: '121', sentEmailRetentionDays: '30' })).toEqual({
      ok: false,
      errors: { retentionMonths: 'Antal månader ska vara mellan 1 och 120.', dietaryRetentionDays: 'Fyll i antal dagar för specialkost.' },
    })
    expect(await saveRetentionSettings(ACTOR, { retentionMonths: '1', dietaryRetentionDays: '40', sentEmailRetentionDays: '30' })).toEqual({
      ok: false,
      errors: { dietaryRetentionDays: 'Svaren om specialkost kan inte sparas längre än anmälningarna: välj högst 31 dagar.' },
    })
    expect(await settings()).toMatchObject({ retentionMonths: 18, dietaryRetentionDays: 14, sentEmailRetentionDays: 1 })
  })
})

describe('the rate limits', () => {
  it('are saved within 1–100 000 each, and a save that changes nothing writes no audit entry', async () => {
    const values = {
      signupsPerAddress: '300',
      signupsPerEmail: '4',
      linkRequestsPerAddress: '60',
      linkRequestsPerEmail: '3',
      signInsPerAddress: '30',
      signInsPerEmail: '5',
      reportsPerAddress: '100 000',
      savesPerRegistration: '20',
      savesPerAddress: '200',
      emailsPerInbox: '10',
    }
    expect(await saveRateLimitSettings(ACTOR, values)).toMatchObject({ ok: true })
    expect(await settings()).toMatchObject({ signupsPerAddress: 300, signupsPerEmail: 4, reportsPerAddress: 100_000 })
    const audit = await db().auditEntry.findMany({ where: { entityType: 'settings' } })
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ summary: 'Gränserna mot missbruk ändrades.' })
    expect(Object.keys(audit[0]!.changes as object).sort()).toEqual(['reportsPerAddress', 'signupsPerAddress', 'signupsPerEmail'])

    expect(await saveRateLimitSettings(ACTOR, values)).toMatchObject({ ok: true })
    expect(await db().auditEntry.count({ where: { entityType: 'settings' } })).toBe(1)

    expect(await saveRateLimitSettings(ACTOR, { ...values, signupsPerEmail: '0', signInsPerEmail: '100001', linkRequestsPerEmail: '' })).toEqual({
      ok: false,
      errors: {
        signupsPerEmail: 'Antal anmälningar per e-postadress ska vara mellan 1 och 100\u00a0000.',
        linkRequestsPerEmail: 'Fyll i antal beställda länkar per e-postadress.',
        signInsPerEmail: 'Antal misslyckade inloggningar per e-postadress ska vara mellan 1 och 100\u00a0000.',
      },
    })
    expect((await settings()).signupsPerEmail).toBe(4)
  })
})
