// An address no route answers, or a public page's notFound(): the view in the public frame (this
// boundary replaces the (site) layout, so it draws the frame itself).
import { NotFoundContent } from '@/components/not-found-page'
import { SiteFrame } from '@/components/site-frame'

export default function NotFound() {
  return (
    <SiteFrame>
      <NotFoundContent />
    </SiteFrame>
  )
}
