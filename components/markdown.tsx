// Long text written in Markdown (lib/markdown.ts escapes any HTML and keeps only safe links).
// Plain blank-line-separated paragraphs come out as paragraphs, as before.
import { renderMarkdown } from '@/lib/markdown'

export function Markdown({ text, className }: { text: string; className?: string }) {
  return <div className={className ? `markdown ${className}` : 'markdown'} dangerouslySetInnerHTML={{ __html: renderMarkdown(text) }} />
}
