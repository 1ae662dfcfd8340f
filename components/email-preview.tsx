// A message from the organisers as its recipients will read it: the subject as its heading, the
// greeting, the text rendered by the e-mail's own renderer (lib/admin/messages.ts hands over the
// HTML of lib/markdown.ts, an allow-list of elements), the trip's essentials and the link.
import { Fragment } from 'react'
import type { MessagePreview } from '@/lib/admin/messages'

export function EmailPreview({ preview }: { preview: MessagePreview }) {
  return (
    <section className="email-preview" aria-labelledby="forhandsgranskning-amne">
      <p className="email-preview__sender">Mjölbybussen</p>
      <h3 id="forhandsgranskning-amne">{preview.subject}</h3>
      <p>{preview.greeting}</p>
      <div className="markdown" dangerouslySetInnerHTML={{ __html: preview.bodyHtml }} />
      {preview.facts.length > 0 && (
        <dl className="facts">
          {preview.facts.map(([label, value]) => (
            <Fragment key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </Fragment>
          ))}
        </dl>
      )}
      <p>
        <span className="email-preview__link">{preview.linkLabel}</span> (var och en får sin egen länk)
      </p>
      <p className="email-preview__contact">
        Frågor? Kontakta oss:
        {preview.contact.map((line) => (
          <span key={line}>
            <br />
            {line}
          </span>
        ))}
      </p>
    </section>
  )
}
