// The first button of something a click cannot undo: it changes nothing, but opens the page's
// confirmation step (components/confirm-step.tsx) by its address, ?bekrafta=<step>. A plain GET
// form, with JavaScript or without: the step loads as a page of its own, and the browser puts the
// focus on its question (autofocus), which a client-side navigation would not.
import type { ReactNode } from 'react'

export function AskFirstButton({
  permalink,
  step,
  fields = {},
  small = false,
  className,
  children,
}: {
  /** The page's address without the query. */
  permalink: string
  /** The confirmation step's name in the address: "avboka", "ta-bort-resan". */
  step: string
  /** Further fields in the address (which programme item). */
  fields?: Record<string, string>
  small?: boolean
  className?: string
  children: ReactNode
}) {
  return (
    <form action={permalink} method="get" className={className}>
      <input type="hidden" name="bekrafta" value={step} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={`button button--danger${small ? ' button--small' : ''}`}>
        {children}
      </button>
    </form>
  )
}
