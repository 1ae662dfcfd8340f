import { describe, expect, it } from 'vitest'
import { renderMarkdown, safeHref } from '../../lib/markdown'

describe('renderMarkdown', () => {
  it('escapes HTML in the input instead of passing it through', () => {
    expect(renderMarkdown('<script>alert(1)</script>')).not.toContain('<script')
    expect(renderMarkdown('<script>alert(1)</script>')).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    const img = renderMarkdown('Se här <img src=x onerror=alert(1)> nu')
    expect(img).not.toContain('<img')
    expect(img).toContain('&lt;img src=x onerror=alert(1)&gt;')
    const block = renderMarkdown('<div onclick="x()">\n\n*hej*\n\n</div>')
    expect(block).not.toMatch(/<div/)
    expect(block).toContain('<em>hej</em>')
    expect(renderMarkdown('<a href="javascript:alert(1)">klick</a>')).not.toContain('<a ')
  })

  it('drops links that are not http(s), mailto or on the site, keeping their text', () => {
    for (const source of [
      '[klick](javascript:alert(1))',
      '[klick](JavaScript:alert(1))',
      '[klick]( javascript:alert(1))',
      '[klick](jav&#x61;script:alert(1))',
      '[klick](<javascript:alert(1)>)',
      '[klick](data:text/html,hej)',
      '[klick](vbscript:x)',
    ]) {
      const html = renderMarkdown(source)
      expect(html, source).not.toContain('<a')
      expect(html, source).toContain('klick')
    }
    expect(renderMarkdown('<javascript:alert(1)>')).not.toContain('href')
  })

  it('renders headings, lists, emphasis and safe links', () => {
    const html = renderMarkdown(
      '## Dag ett\n\nVi åker **tidigt**.\n\n- Mjölby\n- Mantorp\n\n1. Ett\n2. Två\n\n[Boka](https://mjolby.se/boka "Bokning") eller [mejla](mailto:info@mjolby.se) eller [läs mer](/resor/2024-boras).',
    )
    expect(html).toContain('<h2>Dag ett</h2>')
    expect(html).toContain('<strong>tidigt</strong>')
    expect(html).toContain('<ul>\n<li>Mjölby</li>\n<li>Mantorp</li>\n</ul>')
    expect(html).toContain('<ol>')
    expect(html).toContain('<a href="https://mjolby.se/boka" title="Bokning">Boka</a>')
    expect(html).toContain('<a href="mailto:info@mjolby.se">mejla</a>')
    expect(html).toContain('<a href="/resor/2024-boras">läs mer</a>')
  })

  it('makes a level-one heading level two (the page has its own h1)', () => {
    expect(renderMarkdown('# Rubrik')).toBe('<h2>Rubrik</h2>\n')
  })

  it('renders plain paragraphs as before', () => {
    expect(renderMarkdown('Första stycket.\n\nAndra stycket & mer.')).toBe('<p>Första stycket.</p>\n<p>Andra stycket &amp; mer.</p>\n')
  })

  it('shows images as their alt text only', () => {
    expect(renderMarkdown('![Bussen <b>](https://x.se/a.png)')).toBe('<p>Bussen &lt;b&gt;</p>\n')
  })
})

describe('safeHref', () => {
  it('allows http(s), mailto and site paths only', () => {
    expect(safeHref('https://a.se')).toBe('https://a.se')
    expect(safeHref('http://a.se')).toBe('http://a.se')
    expect(safeHref('mailto:a@b.se')).toBe('mailto:a@b.se')
    expect(safeHref('/orter/mora')).toBe('/orter/mora')
    expect(safeHref('#program')).toBe('#program')
    expect(safeHref('//evil.example')).toBeNull()
    expect(safeHref('java\tscript:alert(1)')).toBeNull()
    expect(safeHref('ftp://a.se')).toBeNull()
    expect(safeHref('')).toBeNull()
  })
})
