import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isAllowedHref, LINK_SCHEMES, MARKDOWN_ATTRIBUTES, MARKDOWN_ELEMENTS, renderMarkdown } from '../../lib/markdown'
import { MARKDOWN_PAYLOADS as PAYLOADS } from '../support/markdown-payloads'

const ELEMENTS = new Set<string>(MARKDOWN_ELEMENTS)

/** Decodes the character references the renderer writes in attribute values. */
function decodeAttribute(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

/**
 * The problems in rendered HTML, read with a strict grammar of our own (not the sanitiser's
 * parser): every "<" must open or close an allow-listed element whose attributes are all
 * double-quoted and allow-listed, and every href must be http(s), mailto, tel, a site path or an
 * anchor once its character references are decoded. Text can hold no "<" of its own.
 */
function violations(html: string): string[] {
  const found: string[] = []
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-]+="[^"<>]*")*)\s*(\/?)>/y
  for (let at = html.indexOf('<'); at !== -1; at = html.indexOf('<', at + 1)) {
    tag.lastIndex = at
    const match = tag.exec(html)
    if (!match) {
      found.push(`a "<" that is not an allowed tag: ${JSON.stringify(html.slice(at, at + 40))}`)
      continue
    }
    const [, closing, rawName, attributes] = match
    const name = rawName!.toLowerCase()
    if (!ELEMENTS.has(name)) found.push(`element <${name}>`)
    if (closing && attributes) found.push(`attributes on </${name}>`)
    for (const [, attr, value] of attributes!.matchAll(/([a-zA-Z-]+)="([^"]*)"/g)) {
      const attribute = attr!.toLowerCase()
      if (!(MARKDOWN_ATTRIBUTES[name] ?? []).includes(attribute)) found.push(`attribute ${attribute} on <${name}>`)
      if (attribute === 'href') {
        const href = decodeAttribute(value!)
        const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(href)?.[1]?.toLowerCase()
        const allowed = scheme ? (LINK_SCHEMES as readonly string[]).includes(scheme) : /^(?:\/(?![/\\])|#)/.test(href)
        if (!allowed || /[\u0000-\u0020\u007f-\u009f]/.test(href)) found.push(`href ${JSON.stringify(href)}`)
      }
    }
  }
  return found
}

describe('renderMarkdown with hostile input', () => {
  it('has the allow-list README states (widening it is a decision, not a side effect)', () => {
    expect([...MARKDOWN_ELEMENTS].sort()).toEqual(['a', 'blockquote', 'br', 'em', 'h2', 'h3', 'h4', 'hr', 'li', 'ol', 'p', 'strong', 'ul'])
    expect(MARKDOWN_ATTRIBUTES).toEqual({ a: ['href', 'title'], ol: ['start'] })
    expect([...LINK_SCHEMES]).toEqual(['http', 'https', 'mailto', 'tel'])
  })

  for (const [name, source] of Object.entries(PAYLOADS)) {
    it(`${name}: only allow-listed elements, attributes and links`, () => {
      const html = renderMarkdown(source)
      expect(violations(html), html).toEqual([])
      // The same, said plainly about the tags alone (text shows the payload escaped, as it should).
      const tags = (html.match(/<[^>]*>/g) ?? []).join(' ')
      expect(tags).not.toMatch(/<(?:script|img|svg|iframe|style|object|embed|form|meta|base|math|table|code|pre)\b/i)
      const attributeNames = [...tags.matchAll(/\s([a-zA-Z-]+)="/g)].map((m) => m[1]!.toLowerCase())
      expect(attributeNames.filter((a) => a.startsWith('on') || a === 'style' || a === 'src')).toEqual([])
      expect(tags).not.toMatch(/href="[^"]*(?:javascript|data|vbscript|file)/i)
    })
  }

  it('shows raw HTML as text', () => {
    expect(renderMarkdown('Se <kbd>Ctrl</kbd> <img src=x onerror=alert(1)>')).toBe('<p>Se &lt;kbd&gt;Ctrl&lt;/kbd&gt; &lt;img src=x onerror=alert(1)&gt;</p>\n')
    expect(renderMarkdown('<script>alert(1)</script>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n')
  })

  it('makes a refused link plain text, never a link', () => {
    for (const name of ['javascript link', 'hex entity', 'decimal entity', 'tab inside', 'data url', 'protocol-relative', 'javascript autolink', 'reference link']) {
      const html = renderMarkdown(PAYLOADS[name]!)
      expect(html, name).not.toContain('<a')
    }
    expect(renderMarkdown('[klick](jav&#x61;script:alert(1))')).toBe('<p>[klick](javascript:alert(1))</p>\n')
  })

  it('shows an image as its alt text only', () => {
    expect(renderMarkdown('![Bussen <b>](https://example.com/a.png)')).toBe('<p>Bussen &lt;b&gt;</p>\n')
  })

  it('holds for any mix of the payloads and Markdown syntax (property)', () => {
    const pieces = [
      ...Object.values(PAYLOADS),
      '<', '>', '"', "'", '`', '[', ']', '(', ')', '!', '*', '_', '#', '\n', '\n\n', '    ', '> ', '- ', '1. ', '&', '&#', 'x61;', ':',
      'javascript', 'data', 'https://example.com', '<a', '<img', ' src=x', ' onerror=alert(1)', '<svg', ' onload=alert(1)', '<kbd>', '</kbd>', '-->', '<!--',
    ]
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 25 }), (parts) => {
        const html = renderMarkdown(parts.join(''))
        expect(violations(html), html).toEqual([])
      }),
      { numRuns: 1000 },
    )
    // About 1.5 s here; a budget for a machine several times slower and busy.
  }, 60_000)
})

describe('renderMarkdown of what organisers write', () => {
  it('renders headings, lists, emphasis, links, quotes, rules and line breaks', () => {
    const html = renderMarkdown(
      [
        '## Dag ett',
        'Vi åker **tidigt** och *kommer hem* sent.  \nSe programmet.',
        '- Mjölby\n- Mantorp',
        '3. Tre\n4. Fyra',
        '> Ett citat.',
        '---',
        '[Boka](https://mjolby.se/boka "Bokning"), [mejla](mailto:info@mjolby.se), [ring](tel:+46142-85000), [läs mer](/resor/2024-boras), [programmet](#program), <https://mjolby.se>, info@mjolby.se.',
      ].join('\n\n'),
    )
    expect(violations(html)).toEqual([])
    expect(html).toContain('<h2>Dag ett</h2>')
    expect(html).toContain('<strong>tidigt</strong>')
    expect(html).toContain('<em>kommer hem</em>')
    expect(html).toContain('sent.<br />\nSe programmet.')
    expect(html).toContain('<ul>\n<li>Mjölby</li>\n<li>Mantorp</li>\n</ul>')
    expect(html).toContain('<ol start="3">\n<li>Tre</li>')
    expect(html).toContain('<blockquote>\n<p>Ett citat.</p>\n</blockquote>')
    expect(html).toContain('<hr />')
    expect(html).toContain('<a href="https://mjolby.se/boka" title="Bokning">Boka</a>')
    expect(html).toContain('<a href="mailto:info@mjolby.se">mejla</a>')
    expect(html).toContain('<a href="tel:+46142-85000">ring</a>')
    expect(html).toContain('<a href="/resor/2024-boras">läs mer</a>')
    expect(html).toContain('<a href="#program">programmet</a>')
    expect(html).toContain('<a href="https://mjolby.se">https://mjolby.se</a>')
    expect(html).toContain('<a href="mailto:info@mjolby.se">info@mjolby.se</a>')
  })

  it('renders plain paragraphs as before', () => {
    expect(renderMarkdown('Första stycket.\n\nAndra stycket & mer.')).toBe('<p>Första stycket.</p>\n<p>Andra stycket &amp; mer.</p>\n')
  })

  it('fits headings under the page h1 without skipping a level', () => {
    expect(renderMarkdown('# Rubrik')).toBe('<h2>Rubrik</h2>\n')
    expect(renderMarkdown('### Bara en')).toBe('<h2>Bara en</h2>\n')
    expect(renderMarkdown('# A\n\n## B\n\n### C\n\n#### D\n\n##### E')).toBe('<h2>A</h2>\n<h3>B</h3>\n<h4>C</h4>\n<h4>D</h4>\n<h4>E</h4>\n')
    // Starting deep and going up: the first is h2, and a later, deeper one is one below it.
    expect(renderMarkdown('#### Först\n\n## Sen\n\n#### Under')).toBe('<h2>Först</h2>\n<h2>Sen</h2>\n<h3>Under</h3>\n')
  })

  it('fits headings under a deeper heading when asked (the message preview, under the subject)', () => {
    expect(renderMarkdown('# A\n\n## B', { firstHeading: 3 })).toBe('<h3>A</h3>\n<h4>B</h4>\n')
    expect(renderMarkdown('### Bara en\n\n#### Under', { firstHeading: 4 })).toBe('<h4>Bara en</h4>\n<h4>Under</h4>\n')
    expect(renderMarkdown('Om **regnkläder**.', { firstHeading: 4 })).toBe('<p>Om <strong>regnkläder</strong>.</p>\n')
  })

  it('leaves tables, code and strikethrough as the text typed', () => {
    expect(renderMarkdown('`kod` ~~struken~~')).toBe('<p>`kod` ~~struken~~</p>\n')
    expect(renderMarkdown('    indraget')).toBe('<p>indraget</p>\n')
  })
})

describe('isAllowedHref', () => {
  it('allows http(s), mailto, tel, site paths and anchors only', () => {
    for (const href of ['https://a.se', 'HTTP://a.se', 'mailto:a@b.se', 'tel:+4614212345', '/orter/mora', '#program']) {
      expect(isAllowedHref(href), href).toBe(true)
    }
    for (const href of ['javascript:alert(1)', ' https://a.se', '//evil.example', '/\\evil.example', 'java%09script:alert(1)', 'ftp://a.se', 'data:text/html,x', 'orter/mora', '?q=1', '']) {
      expect(isAllowedHref(href), href).toBe(false)
    }
  })
})
