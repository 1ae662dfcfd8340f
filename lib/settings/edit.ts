// The organisers' settings forms on /admin/installningar: the contact block, the privacy notice,
// the retention times and the rate limits. Each is a form of its own, saved on its own (a mistake
// in one does not hold back the others), checked with the form kit, written in one transaction
// and recorded in the audit log.
import { z } from 'zod'
import { changedFields, recordAudit } from '../admin/audit'
import { db, type Tx } from '../db'
import { formatPhone } from '../phone'
import { emailAddress, integer, optionalText, requiredText, swedishPhone } from '../forms/fields'
import { firstErrors, type RawForm, type SaveResult } from '../forms/form-state'
import { RATE_LIMIT_SETTINGS, SETTING_KEYS, type RateLimitSetting } from './keys'

export const siteSettingsSchema = z.object({
  organiserName: requiredText('arrangör', 200),
  phone: swedishPhone,
  phoneHours: requiredText('telefontider', 200),
  email: emailAddress,
  postalAddress: requiredText('postadress', 300, { multiline: true, normaliseLineBreaks: true }),
  visitingAddress: optionalText('besöksadress', 300, { multiline: true, normaliseLineBreaks: true }),
})

export const privacySettingsSchema = z.object({
  privacyController: optionalText('personuppgiftsansvarig', 200),
  dataProtectionContact: optionalText('dataskyddsombud', 500, { multiline: true, normaliseLineBreaks: true }),
  privacyLegalBasis: requiredText('rättslig grund', 2000, { multiline: true, normaliseLineBreaks: true }),
  privacyRecipients: requiredText('vilka som får uppgifterna', 2000, { multiline: true, normaliseLineBreaks: true }),
})

// Dietary answers go earlier than the rest, never later (a month counted as 31 days).
export const retentionSettingsSchema = z
  .object({
    retentionMonths: integer('antal månader', { min: 1, max: 120, required: true }),
    dietaryRetentionDays: integer('antal dagar för specialkost', { min: 1, max: 365, required: true }),
    sentEmailRetentionDays: integer('antal dagar för skickad e-post', { min: 1, max: 365, required: true }),
  })
  .superRefine((v, ctx) => {
    if (v.retentionMonths !== null && v.dietaryRetentionDays !== null && v.dietaryRetentionDays > v.retentionMonths * 31)
      ctx.addIssue({
        code: 'custom',
        path: ['dietaryRetentionDays'],
        message: `Svaren om specialkost kan inte sparas längre än anmälningarna: välj högst ${v.retentionMonths * 31} dagar.`,
      })
  })

// The answers name a limit as its field does: "Fyll i antal anmälningar per klientadress."
const countOf = (label: string) => `antal ${label.charAt(0).toLowerCase()}${label.slice(1)}`
export const rateLimitSettingsSchema = z.object(
  Object.fromEntries(
    Object.entries(RATE_LIMIT_SETTINGS).map(([key, label]) => [key, integer(countOf(label), { min: 1, max: 100_000, required: true })]),
  ) as Record<RateLimitSetting, ReturnType<typeof integer>>,
)

/** Saves the contact block; from then on the footer no longer calls it a placeholder. */
export async function saveSiteSettings(actor: string, raw: RawForm): Promise<SaveResult<null>> {
  const parsed = siteSettingsSchema.safeParse(raw)
  if (!parsed.success) return { ok: false, errors: firstErrors(parsed.error) }
  const data = { ...parsed.data, isPlaceholder: false }
  return db().$transaction(async (tx: Tx): Promise<SaveResult<null>> => {
    const before = await tx.siteSettings.findUnique({ where: { id: 1 } })
    await tx.siteSettings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data })
    const changes = changedFields((before ?? {}) as Record<string, unknown>, data)
    if (Object.keys(changes).length > 0)
      await recordAudit(tx, { actor, action: 'settings.updated', entityType: 'settings', entityId: 1, summary: 'Kontaktuppgifterna ändrades.', changes })
    return { ok: true, value: null, warnings: [] }
  })
}

export const savePrivacySettings = (actor: string, raw: RawForm) =>
  saveSettingsSection(actor, privacySettingsSchema, raw, 'Integritetsmeddelandet ändrades.')
export const saveRetentionSettings = (actor: string, raw: RawForm) =>
  saveSettingsSection(actor, retentionSettingsSchema, raw, 'Lagringstiderna ändrades.')
export const saveRateLimitSettings = (actor: string, raw: RawForm) =>
  saveSettingsSection(actor, rateLimitSettingsSchema, raw, 'Gränserna mot missbruk ändrades.')

async function saveSettingsSection(
  actor: string,
  schema: z.ZodType<Record<string, string | number | null>, unknown>,
  raw: RawForm,
  summary: string,
): Promise<SaveResult<null>> {
  const parsed = schema.safeParse(raw)
  if (!parsed.success) return { ok: false, errors: firstErrors(parsed.error) }
  const data = parsed.data
  return db().$transaction(async (tx: Tx): Promise<SaveResult<null>> => {
    const before = await tx.siteSettings.findUnique({ where: { id: 1 } })
    if (!before) return { ok: false, errors: { form: 'Inställningarna saknas i databasen. Starta om sajten, så läggs de in.' } }
    await tx.siteSettings.update({ where: { id: 1 }, data })
    const changes = changedFields(before as unknown as Record<string, unknown>, data)
    if (Object.keys(changes).length > 0)
      await recordAudit(tx, { actor, action: 'settings.updated', entityType: 'settings', entityId: 1, summary, changes })
    return { ok: true, value: null, warnings: [] }
  })
}

/** The stored settings as the forms show them (every form on the page). */
export async function settingsFormValues(): Promise<{ values: Record<string, string>; isPlaceholder: boolean }> {
  const s = await db().siteSettings.findUnique({ where: { id: 1 } })
  if (!s) return { values: {}, isPlaceholder: true }
  const values = Object.fromEntries(SETTING_KEYS.map((key) => [key, s[key] === null ? '' : String(s[key])]))
  values.phone = formatPhone(s.phone)
  return { values, isPlaceholder: s.isPlaceholder }
}
