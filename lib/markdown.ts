// Markdown for long text that organisers write (a trip's description, a host city's portrait).
// It is shown on cached public pages on the same origin as /admin, so it must never carry script.
// Two well-kept libraries, each enough on its own:
// - markdown-it renders with `html: false` (any HTML in the text is shown as text), only the rules
//   for the elements below switched on, and a link validator that keeps only http(s), mailto, tel
//   and paths on this site (markdown-it decodes character references and percent-encodes control
//   characters before the check, so "jav&#x61;script:" and "java\tscript:" are refused).
// - sanitize-html then passes the result through the same allow-list of elements, attributes and
//   URL schemes, so a rule or renderer that emitted anything else would still be stopped.
// Images become their alt text (the site loads no images from elsewhere); headings are fitted
// under the page's h1 and never skip a level (see fitHeadings).
import MarkdownIt from 'markdown-it'
import sanitizeHtml from 'sanitize-html'

/** Every element organiser Markdown can produce. */
export const MARKDOWN_ELEMENTS = ['p', 'br', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'em', 'strong', 'a', 'blockquote', 'hr'] as const
/** Every attribute it can produce, per element (no other element has any). */
export const MARKDOWN_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = { a: ['href', 'title'], ol: ['start'] }
/** The URL schemes a link may have; a link without a scheme must be a path on this site or an anchor. */
export const LINK_SCHEMES = ['http', 'https', 'mailto', 'tel'] as const

const ABSOLUTE_HREF = /^(?:https?|mailto|tel):/i
// A path on this site (not "//host" or "/\host", which browsers read as another host) or an anchor.
const SITE_HREF = /^(?:\/(?![/\\])|#)/

/**
 * Whether a link target is allowed, as markdown-it hands it over: character references decoded,
 * then normalised (spaces and control characters percent-encoded), so a scheme can only be
 * recognised here if a browser would recognise it too.
 */
export function isAllowedHref(href: string): boolean {
  return ABSOLUTE_HREF.test(href) || SITE_HREF.test(href)
}

const markdown = new MarkdownIt('default', { html: false, linkify: true, typographer: false, breaks: false })
// Addresses written out (https://…, www.…, name@host) become links too, through the same validator;
// a bare "mjolby.se" stays text.
markdown.linkify.set({ fuzzyLink: false })
// Off: raw HTML (already text with html: false; switched off too so that no option brings it back),
// and what organisers' text does not need and the allow-list does not hold: tables, code, strikethrough.
markdown.disable(['html_block', 'html_inline', 'table', 'code', 'fence', 'backticks', 'strikethrough'])
markdown.validateLink = isAllowedHref

// An image shows only its alt text, escaped.
markdown.renderer.rules.image = (tokens, idx, options, env, self) =>
  markdown.utils.escapeHtml(self.renderInlineAsText(tokens[idx]!.children ?? [], options, env))

/** The levels a heading in organisers' text can get: h2 to h4 (the allow-list below holds no other). */
export type HeadingLevel = 2 | 3 | 4

/**
 * Heading levels for text shown under a heading of level `first - 1` (the page's h1, or the
 * subject in the message preview): the levels the text uses, in order of depth, become `first`,
 * the next and so on up to h4 (deeper ones h4), and no heading is more than one level below the
 * one before it (the first at most `first`), so "### Dag ett" alone is an h2 and the outline
 * never skips.
 */
function fitHeadings(tokens: { type: string; tag: string; markup: string }[], first: HeadingLevel) {
  const depths = [...new Set(tokens.filter((t) => t.type === 'heading_open').map((t) => Number(t.tag.slice(1))))].sort()
  let previous = first - 1
  let open = ''
  for (const token of tokens) {
    if (token.type === 'heading_open') {
      const rank = Math.min(4, depths.indexOf(Number(token.tag.slice(1))) + first)
      previous = Math.min(rank, previous + 1)
      open = `h${previous}`
      token.tag = open
    } else if (token.type === 'heading_close') {
      token.tag = open
    }
  }
}
markdown.core.ruler.push('fit_headings', (state) => {
  fitHeadings(state.tokens, (state.env as { firstHeading?: HeadingLevel }).firstHeading ?? 2)
})

const allowList: sanitizeHtml.IOptions = {
  allowedTags: [...MARKDOWN_ELEMENTS],
  allowedAttributes: Object.fromEntries(Object.entries(MARKDOWN_ATTRIBUTES).map(([tag, attrs]) => [tag, [...attrs]])),
  allowedSchemes: [...LINK_SCHEMES],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  allowedClasses: {},
  allowedStyles: {},
}

/**
 * The HTML for a text written in Markdown; holds only the allow-listed elements and attributes.
 * Its headings start at `firstHeading` (h2 by default: under a page's or an e-mail's h1).
 */
export function renderMarkdown(text: string, { firstHeading = 2 }: { firstHeading?: HeadingLevel } = {}): string {
  return sanitizeHtml(markdown.render(text, { firstHeading }), allowList)
}
