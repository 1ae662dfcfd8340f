// The page proxy.ts answers with (503) while the database is away.
import { describe, expect, it } from 'vitest'
import { outagePage } from '../../lib/http/outage-page'

describe('outagePage', () => {
  it('tells someone who posted a form that nothing was saved', () => {
    const html = outagePage({ posted: true, path: '/resor/2024-boras/anmalan' })
    expect(html).toContain('<html lang="sv">')
    expect(html).toContain('<h1>Tekniskt fel</h1>')
    expect(html).toContain('Det du skickade har <strong>inte</strong> sparats.')
    expect(html).not.toContain('Försök igen</a>')
  })

  it('offers the address again after a GET, escaped', () => {
    const html = outagePage({ posted: false, path: '/anmalan/abc?x="><script>alert(1)</script>' })
    expect(html).toContain('<a href="/anmalan/abc?x=&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;">Försök igen</a>')
    expect(html).not.toContain('<script>')
  })
})
