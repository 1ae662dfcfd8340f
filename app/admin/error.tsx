'use client'

// An admin page's error view, inside the admin frame: see components/error-message.tsx.
import { ErrorMessage } from '@/components/error-message'

export default function PageError({ retry }: { error: unknown; retry: () => void }) {
  return <ErrorMessage retry={retry} />
}
