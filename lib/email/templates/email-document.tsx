// The one layout every e-mail shares, as a React component rendered to static HTML: inline
// styles and a table for the facts, because e-mail clients ignore most of CSS.
import { renderMarkdown } from '../../markdown'
import type { EmailContent } from '../render'

const ink = '#1b1f23'
const accent = '#0b4f6c'
const muted = '#4a5560'

export function EmailDocument({ content }: { content: EmailContent }) {
  return (
    <html lang="sv">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width" />
        <title>{content.subject}</title>
      </head>
      <body style={{ margin: 0, padding: 24, background: '#f4f6f8', fontFamily: 'Arial, Helvetica, sans-serif', color: ink, lineHeight: 1.5 }}>
        <div style={{ maxWidth: 560, margin: '0 auto', background: '#ffffff', padding: 24, borderRadius: 8 }}>
          <p style={{ margin: '0 0 8px', fontWeight: 'bold', color: accent }}>Mjölbybussen</p>
          <h1 style={{ fontSize: 22, margin: '0 0 16px' }}>{content.subject}</h1>
          <p>{content.greeting}</p>
          {content.paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
          {/* The organisers' Markdown, through the same allow-list as on the site (lib/markdown.ts). */}
          {content.markdown && <div dangerouslySetInnerHTML={{ __html: renderMarkdown(content.markdown) }} />}
          {content.facts.length > 0 && (
            <table role="presentation" style={{ borderCollapse: 'collapse', margin: '16px 0' }}>
              <tbody>
                {content.facts.map(([label, value]) => (
                  <tr key={label}>
                    <th scope="row" style={{ textAlign: 'left', padding: '4px 16px 4px 0', verticalAlign: 'top' }}>
                      {label}
                    </th>
                    <td style={{ padding: '4px 0' }}>{value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {content.programme.length > 0 && (
            <>
              <h2 style={{ fontSize: 18, margin: '24px 0 8px' }}>Program</h2>
              {content.programme.map((day) => (
                <div key={day.heading}>
                  <h3 style={{ fontSize: 16, margin: '16px 0 4px' }}>{day.heading}</h3>
                  <ul style={{ paddingLeft: 20, margin: 0 }}>
                    {day.items.map((item, i) => (
                      <li key={i}>{item}</li>
                    ))}
                  </ul>
                </div>
              ))}
            </>
          )}
          {content.link && (
            <p style={{ margin: '24px 0' }}>
              <a href={content.link.url} style={{ color: accent, fontWeight: 'bold' }}>
                {content.link.label}
              </a>
            </p>
          )}
          <p style={{ marginTop: 24, fontSize: 14, color: muted }}>
            Frågor? Kontakta oss:
            {content.contact.map((line) => (
              <span key={line}>
                <br />
                {line}
              </span>
            ))}
          </p>
          {content.unsubscribe && (
            <p style={{ fontSize: 14, color: muted }}>
              <a href={content.unsubscribe.url} style={{ color: accent }}>
                {content.unsubscribe.label}
              </a>
            </p>
          )}
        </div>
      </body>
    </html>
  )
}
