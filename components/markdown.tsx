// Long text written in Markdown by organisers. lib/markdown.ts renders it to an allow-list of
// elements and attributes (markdown-it without HTML, then sanitize-html), so the string is safe to
// put in the page as it is. Plain blank-line-separated paragraphs come out as paragraphs.
import { renderMarkdown } from '@/lib/markdown'

export function Markdown({ text, className }: { text: string; className?: string }) {
  return <div className={className ? `markdown ${className}` : 'markdown'} dangerouslySetInnerHTML={{ __html: renderMarkdown(text) }} />
}
