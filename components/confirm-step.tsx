// The confirmation step before what a click cannot undo (cancel a registration, delete a trip or a
// programme item): the page, opened with ?bekrafta=…, shows this instead of its usual content. It
// asks the question as the page's heading, says what will happen and to whom, and offers the
// confirm button (a form posting the real action with confirmed=1; the action refuses without
// it) and a way back. Plain links and forms: it works without JavaScript.
import Link from 'next/link'
import type { ReactNode } from 'react'
import { CONFIRMED_FIELD } from '@/lib/forms/confirmation'
import { PostForm } from './post-form'

export function ConfirmStep({
  question,
  children,
  action,
  permalink,
  confirmLabel,
  backHref,
  refused = false,
}: {
  /** The page's h1: "Avboka Anna Andersson?" */
  question: string
  /** What will happen, and to whom. */
  children: ReactNode
  action: (previous: unknown, formData: FormData) => Promise<void>
  /** The page's address without the query, where the form posts. */
  permalink: string
  confirmLabel: string
  backHref: string
  /** The action was posted without the confirmation (an old or forged form): say nothing was done. */
  refused?: boolean
}) {
  return (
    <section className="confirm-step" aria-labelledby="bekrafta-fraga">
      <h1 id="bekrafta-fraga" tabIndex={-1} autoFocus>
        {question}
      </h1>
      {refused && (
        <div className="notice notice--warn" role="alert">
          <p>Inget är gjort ännu. Bekräfta med knappen nedan, eller gå tillbaka.</p>
        </div>
      )}
      {children}
      <div className="confirm-actions">
        <PostForm action={action} permalink={permalink}>
          <input type="hidden" name={CONFIRMED_FIELD} value="1" />
          <button type="submit" className="button button--danger">
            {confirmLabel}
          </button>
        </PostForm>
        <Link href={backHref} className="button button--secondary">
          Nej, gå tillbaka
        </Link>
      </div>
    </section>
  )
}
