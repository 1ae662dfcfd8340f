import { db } from '../db'
import { RATE_LIMIT_KEYS, type RateLimitSetting } from './keys'

export type SiteSettings = {
  organiserName: string
  phone: string
  phoneHours: string
  email: string
  postalAddress: string
  visitingAddress: string | null
  isPlaceholder: boolean
}

export async function getSiteSettings(): Promise<SiteSettings> {
  const row = await db().siteSettings.findUnique({ where: { id: 1 } })
  if (!row) throw new Error('Kontaktuppgifterna saknas i databasen: kör seed (npm start gör det).')
  return row
}

// --- Rate limits (lib/rate-limits) -------------------------------------------------------------
const rateLimitFields = Object.fromEntries(RATE_LIMIT_KEYS.map((key) => [key, true])) as Record<RateLimitSetting, true>

/** How many of each are allowed in its window (each window is in LIMITS, lib/rate-limits/index.ts). */
export type RateLimitSettings = Record<RateLimitSetting, number>

export async function getRateLimitSettings(): Promise<RateLimitSettings> {
  const row = await db().siteSettings.findUnique({ where: { id: 1 }, select: rateLimitFields })
  if (!row) throw new Error('Inställningarna saknas i databasen: kör seed (npm start gör det).')
  return row
}
// --- end of rate limits ------------------------------------------------------------------------

// --- Privacy notice and retention (/integritet, lib/privacy) -----------------------------------
export type PrivacySettings = {
  /** Null: the organisers (organiserName) are the controller. */
  privacyController: string | null
  dataProtectionContact: string | null
  privacyLegalBasis: string
  privacyRecipients: string
  retentionMonths: number
  dietaryRetentionDays: number
  sentEmailRetentionDays: number
}

/** The contact block with the privacy settings: what the privacy notice states. */
export async function getPrivacySettings(): Promise<SiteSettings & PrivacySettings> {
  const row = await db().siteSettings.findUnique({ where: { id: 1 } })
  if (!row) throw new Error('Inställningarna saknas i databasen: kör seed (npm start gör det).')
  return row
}
// --- end of privacy ----------------------------------------------------------------------------
