// The one list of the site's settings (the single SiteSettings row), by the form that edits them
// on /admin/installningar. The reads (site-settings.ts), the forms' checks (edit.ts), the values
// the forms show and the settings page's fields all take their keys from here.

export const CONTACT_SETTING_KEYS = ['organiserName', 'phone', 'phoneHours', 'email', 'postalAddress', 'visitingAddress'] as const
export const PRIVACY_SETTING_KEYS = ['privacyController', 'dataProtectionContact', 'privacyLegalBasis', 'privacyRecipients'] as const
export const RETENTION_SETTING_KEYS = ['retentionMonths', 'dietaryRetentionDays', 'sentEmailRetentionDays'] as const

/**
 * The rate limits (lib/rate-limits: `LIMITS` gives each its window), each with its name as the
 * settings page shows it and its answers say it.
 */
export const RATE_LIMIT_SETTINGS = {
  signupsPerAddress: 'Anmälningar per klientadress',
  signupsPerEmail: 'Anmälningar per e-postadress',
  linkRequestsPerAddress: 'Beställda länkar per klientadress',
  linkRequestsPerEmail: 'Beställda länkar per e-postadress',
  signInsPerAddress: 'Misslyckade inloggningar per klientadress',
  signInsPerEmail: 'Misslyckade inloggningar per e-postadress',
  reportsPerAddress: 'Felanmälningar om tillgänglighet per klientadress',
  savesPerRegistration: 'Sparade ändringar per anmälan',
  savesPerAddress: 'Sparade ändringar per klientadress',
  emailsPerInbox: 'Mejl till samma inkorg från alla formulär tillsammans',
} as const

export type RateLimitSetting = keyof typeof RATE_LIMIT_SETTINGS
export const RATE_LIMIT_KEYS = Object.keys(RATE_LIMIT_SETTINGS) as RateLimitSetting[]

/** Every setting a form edits. */
export const SETTING_KEYS = [...CONTACT_SETTING_KEYS, ...PRIVACY_SETTING_KEYS, ...RETENTION_SETTING_KEYS, ...RATE_LIMIT_KEYS] as const
export type SettingKey = (typeof SETTING_KEYS)[number]
