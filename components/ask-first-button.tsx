// The first button of something a click cannot undo: it changes nothing, but opens the page's
// confirmation step (components/confirm-step.tsx) by its address, ?bekrafta=<step>. A GET form, so
// it works without JavaScript; with it, next/form navigates without reloading the page.
import Form from 'next/form'
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
    <Form action={permalink} className={className}>
      <input type="hidden" name="bekrafta" value={step} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={`button button--danger${small ? ' button--small' : ''}`}>
        {children}
      </button>
    </Form>
  )
}
