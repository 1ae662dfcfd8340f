// What an e-mail says, independent of its format; render() makes the HTML part (a React
// component) and the plain-text part from the same content.
import { createRequire } from 'node:module'
import path from 'node:path'
import { createElement, type ReactElement } from 'react'
import { formatPhone } from '../phone'
import type { SiteSettings } from '../settings/site-settings'
import { EmailDocument } from './templates/email-document'

// Next.js resolves react-dom/server under the react-server condition in server code, where it
// refuses to load ("not supported in React Server Components"), although an e-mail is no
// component of a page. So it is required at run time from node_modules, out of the bundler's
// sight (the specifier is computed for that reason). Our templates use no hooks, so elements made
// by the bundled React render fine with it.
const requireAtRunTime = createRequire(path.join(process.cwd(), 'package.json'))
function renderToStaticMarkup(element: ReactElement): string {
  const server = requireAtRunTime(['react-dom', 'server'].join('/')) as typeof import('react-dom/server')
  return server.renderToStaticMarkup(element)
}

export type EmailContent = {
  subject: string
  greeting: string
  paragraphs: string[]
  /**
   * A text the organisers wrote in Markdown (a message to participants), after the paragraphs:
   * rendered by lib/markdown.ts in the HTML part, as written in the plain-text part.
   */
  markdown?: string
  facts: [string, string][]
  programme: { heading: string; items: string[] }[]
  link: { url: string; label: string } | null
  contact: string[]
  /** Messages to a mailing list (the interest list) end with the link that takes the address off it. */
  unsubscribe?: { url: string; label: string }
}

export function contactLines(c: SiteSettings): string[] {
  return [c.organiserName, `Telefon: ${formatPhone(c.phone)} (${c.phoneHours})`, `E-post: ${c.email}`, c.postalAddress]
}

export function renderEmail(content: EmailContent): { subject: string; text: string; html: string } {
  const html = '<!doctype html>' + renderToStaticMarkup(createElement(EmailDocument, { content }))
  const text = [
    content.greeting,
    '',
    ...content.paragraphs.flatMap((p) => [p, '']),
    ...(content.markdown ? [content.markdown.trim(), ''] : []),
    ...content.facts.map(([k, v]) => `${k}: ${v}`),
    ...(content.programme.length
      ? ['', 'PROGRAM', ...content.programme.flatMap((d) => ['', d.heading, ...d.items.map((i) => `- ${i}`)])]
      : []),
    ...(content.link ? ['', `${content.link.label}:`, content.link.url] : []),
    '',
    'Frågor? Kontakta oss:',
    ...content.contact,
    ...(content.unsubscribe ? ['', `${content.unsubscribe.label}:`, content.unsubscribe.url] : []),
    '',
    'Mjölbybussen – en resa mot framtidens möjligheter',
  ].join('\n')
  return { subject: content.subject, text, html }
}
