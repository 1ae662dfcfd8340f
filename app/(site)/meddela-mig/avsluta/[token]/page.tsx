// The unsubscribe link in every message of the interest list. Opening it removes nothing (scanners
// open links); the button does, a plain form post that works without JavaScript.
import type { Metadata } from 'next'
import Link from 'next/link'
import { PostForm } from '@/components/post-form'
import { findUnsubscribe } from '@/lib/interest/list'
import { unsubscribeAction } from '../../actions'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = {
  title: 'Ta bort din e-postadress från listan',
  robots: { index: false, follow: false },
}

export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params
  if (!(await findUnsubscribe(token))) {
    return (
      <div className="prose">
        <h1>Adressen står inte på listan</h1>
        <p role="status">
          Adressen är redan borttagen (eller länken är felskriven), så vi skickar inga mejl om när anmälan öppnar till den.
        </p>
        <p>
          <Link href="/">Till startsidan</Link>
        </p>
      </div>
    )
  }
  return (
    <div className="prose">
      <h1>Ta bort din e-postadress från listan</h1>
      <p>Vill du inte längre få besked när anmälan öppnar? Ta bort adressen med knappen.</p>
      <PostForm action={unsubscribeAction.bind(null, token)} permalink={`/meddela-mig/avsluta/${token}`} className="form">
        <button type="submit" className="button">
          Ta bort min adress
        </button>
      </PostForm>
    </div>
  )
}
