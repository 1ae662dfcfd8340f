'use client'

// A page's error view, inside the site's frame (header, footer): see components/error-message.tsx.
import { ErrorMessage } from '@/components/error-message'

export default function PageError({ retry }: { error: unknown; retry: () => void }) {
  return <ErrorMessage retry={retry} />
}
