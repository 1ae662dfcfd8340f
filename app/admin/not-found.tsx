import { NotFoundContent } from '@/components/not-found-page'

export default function AdminNotFound() {
  return <NotFoundContent />
}
