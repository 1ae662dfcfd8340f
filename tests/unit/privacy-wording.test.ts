// Periods and windows as the privacy notice, `npm run retention` and the settings page word them.
import { describe, expect, it } from 'vitest'
import { rateLimitFields } from '../../components/content-form/fields'
import { formatDays, formatMonths } from '../../lib/privacy/wording'

describe('retention periods in words', () => {
  it('says "1 månad", "12 månader", "1 dag", "30 dagar"', () => {
    expect([formatMonths(1), formatMonths(12), formatMonths(120)]).toEqual(['1 månad', '12 månader', '120 månader'])
    expect([formatDays(1), formatDays(30), formatDays(365)]).toEqual(['1 dag', '30 dagar', '365 dagar'])
  })
})

describe('the rate-limit fields', () => {
  it('name each limit and say its window in the hint', () => {
    const fields = rateLimitFields({ signupsPerAddress: 600, signupsPerEmail: 3600, signInsPerEmail: 900, linkRequestsPerEmail: 7200, emailsPerInbox: 86_400 })
    expect(fields.map((f) => f.name)).toEqual([
      'signupsPerAddress',
      'signupsPerEmail',
      'linkRequestsPerAddress',
      'linkRequestsPerEmail',
      'signInsPerAddress',
      'signInsPerEmail',
      'reportsPerAddress',
      'savesPerRegistration',
      'savesPerAddress',
      'emailsPerInbox',
    ])
    const hint = (name: string) => fields.find((f) => f.name === name)!.hint
    expect(hint('signupsPerAddress')).toBe('Hur många som tillåts per 10 minuter. 1–100 000.')
    expect(hint('signupsPerEmail')).toBe('Hur många som tillåts per timme. 1–100 000.')
    expect(hint('linkRequestsPerEmail')).toBe('Hur många som tillåts per 2 timmar. 1–100 000.')
    expect(hint('signInsPerEmail')).toBe('Hur många som tillåts per 15 minuter. 1–100 000.')
    expect(hint('emailsPerInbox')).toBe('Hur många som tillåts per dygn. 1–100 000.')
    // A limit whose window is not known says only the bounds.
    expect(hint('reportsPerAddress')).toBe('1–100 000.')
    expect(fields.every((f) => f.kind === 'number' && f.required)).toBe(true)
  })
})
