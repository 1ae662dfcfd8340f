// Where the link in the interest list's confirmation e-mail leads. Opening it changes nothing
// (mail programs and scanners open links by themselves): the button confirms, a plain form post
// that works without JavaScript. A link that does not work (expired, used, mistyped) gets a page
// saying so rather than a 404, which says nothing more.
import type { Metadata } from 'next'
import Link from 'next/link'
import { PostForm } from '@/components/post-form'
import { findConfirmation } from '@/lib/interest/list'
import { confirmAction } from '../../actions'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = {
  title: 'Bekräfta din e-postadress',
  robots: { index: false, follow: false },
}

export default async function ConfirmInterestPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params
  const found = await findConfirmation(token)
  if (!found) {
    return (
      <div className="prose">
        <h1>Länken fungerar inte</h1>
        <div className="notice notice--warn" role="status">
          <p>
            Länken har redan använts eller slutat gälla (den gäller i två dygn). Vill du få besked när anmälan öppnar? Lämna
            adressen igen på <Link href="/">startsidan</Link>.
          </p>
        </div>
      </div>
    )
  }
  return (
    <div className="prose">
      <h1>Bekräfta din e-postadress</h1>
      <p>
        När du bekräftar står adressen på listan, och vi mejlar dig när anmälan öppnar
        {found.laterTrips ? ', även inför kommande resor' : ''}. Var det inte du? Då behöver du inte göra något.
      </p>
      <PostForm action={confirmAction.bind(null, token)} permalink={`/meddela-mig/bekrafta/${token}`} className="form">
        <button type="submit" className="button">
          Bekräfta e-postadressen
        </button>
      </PostForm>
    </div>
  )
}
