'use client'

// A form that posts to a server action and keeps no state of its own (one button: sign out,
// check in, delete a programme item, cancel). It goes through useActionState only for its third
// argument, the permalink: React then renders the form's `action` as that address instead of
// `action=""` (which the HTML standard does not allow), and a post without JavaScript goes there.
// The permalink is the address of the page the form is on. Because useActionState passes the
// previous state first, an action used here takes (…bound arguments, previous state, form data).
import { useActionState, type FormHTMLAttributes, type ReactNode } from 'react'

export function PostForm({
  action,
  permalink,
  children,
  ...attributes
}: {
  action: (previous: unknown, formData: FormData) => Promise<void>
  permalink: string
  children: ReactNode
} & Omit<FormHTMLAttributes<HTMLFormElement>, 'action' | 'children'>) {
  // The server action itself, not a wrapper: only a server action can be posted without JavaScript.
  const [, formAction] = useActionState<void | null, FormData>(action, null, permalink)
  return (
    <form {...attributes} action={formAction}>
      {children}
    </form>
  )
}
