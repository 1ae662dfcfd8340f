// Markdown for long text that organisers write (a trip's description, a host city's portrait),
// rendered safely: any HTML in the input is shown as text, never passed through; links keep
// only http(s), mailto and same-site targets, others become plain text; images become their
// alt text. A heading of level 1 becomes level 2, as the page already has its h1.
import { Marked, type Tokens } from 'marked'

const SAFE_HREF = /^(https?:|mailto:)/i
const RELATIVE_HREF = /^(\/(?!\/)|#|\?)/ // a path on this site, an anchor or a query; not //host
// Characters browsers drop or ignore when they read a URL's scheme.
const URL_NOISE = /[\u0000-\u0020\u007F-\u009F\u200B-\u200F\u2028\u2029\uFEFF]/g

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

/** The href to keep, or null when it is not an allowed kind of link. */
export function safeHref(href: string | null | undefined): string | null {
  if (!href) return null
  const compact = href.replace(URL_NOISE, '')
  // Character references could spell a scheme ("jav&#x61;script:"); such hrefs are refused.
  if (/&#|&[a-z]+;/i.test(compact)) return null
  if (SAFE_HREF.test(compact) || RELATIVE_HREF.test(compact)) return compact
  return null
}

const markdown = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: {
    html({ text }: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(text)
    },
    link({ href, title, tokens }: Tokens.Link) {
      const inner = this.parser.parseInline(tokens)
      const safe = safeHref(href)
      if (!safe) return inner
      const titleAttr = title ? ` title="${escapeHtml(title)}"` : ''
      return `<a href="${escapeHtml(safe)}"${titleAttr}>${inner}</a>`
    },
    image({ text }: Tokens.Image) {
      return escapeHtml(text)
    },
    heading({ tokens, depth }: Tokens.Heading) {
      const level = Math.min(6, Math.max(2, depth))
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`
    },
  },
})

/** The HTML for a text written in Markdown; safe to put in the page as it is. */
export function renderMarkdown(text: string): string {
  return markdown.parse(text, { async: false }) as string
}
