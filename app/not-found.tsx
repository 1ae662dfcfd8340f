import { NotFoundContent } from '@/components/not-found-page'

export default function NotFound() {
  return <NotFoundContent />
}
