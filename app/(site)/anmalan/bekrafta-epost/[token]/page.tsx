// Where the link in the address-confirmation e-mail leads (lib/registrations/email-change.ts).
// Opening it changes nothing: mail programs and scanners open links by themselves, so the change
// is made by the button, a plain form post that works without JavaScript.
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { PostForm } from '@/components/post-form'
import { formatDateTime } from '@/lib/dates'
import { findEmailChange } from '@/lib/registrations/email-change'
import { confirmEmail } from './actions'

// Rendered for each request, never cached or indexed.
export const dynamic = 'force-dynamic'

export const metadata: Metadata = {
  title: 'Bekräfta din e-postadress',
  robots: { index: false, follow: false },
}

type Props = { params: Promise<{ token: string }> }

const CONTACT = 'Kontakta arrangörerna om du behöver hjälp, se kontaktuppgifterna längst ner på sidan.'

export default async function ConfirmEmailPage({ params }: Props) {
  const { token } = await params
  const change = await findEmailChange(token)
  if (!change) notFound()
  if (change.kind !== 'open') {
    const why = {
      expired: 'Länken har slutat gälla, så e-postadressen är inte ändrad. Vill du fortfarande byta? Ändra adressen igen från länken till din anmälan, så skickar vi en ny länk.',
      cancelled: 'Anmälan är avbokad, så e-postadressen är inte ändrad.',
      locked: 'Det går inte längre att ändra uppgifterna i anmälan, så e-postadressen är inte ändrad.',
      taken: 'Adressen är redan anmäld till resan i en annan anmälan, så e-postadressen är inte ändrad.',
    }[change.kind]
    return (
      <div className="prose">
        <h1>E-postadressen är inte ändrad</h1>
        <div className="notice notice--warn" role="status">
          <p>{why}</p>
        </div>
        <p>{CONTACT}</p>
      </div>
    )
  }
  return (
    <div className="prose">
      <h1>Bekräfta din e-postadress</h1>
      <p>
        Någon (förhoppningsvis du) vill att allt om en anmälan till <strong>{change.tripTitle}</strong> skickas till{' '}
        <strong>{change.newEmail}</strong>. När du bekräftar gäller den nya adressen, länkarna i tidigare mejl om anmälan slutar
        fungera och vi mejlar en ny länk hit.
      </p>
      <p>Länken gäller till och med {formatDateTime(change.expiresAt)}. Var det inte du? Då behöver du inte göra något.</p>
      <PostForm action={confirmEmail.bind(null, token)} permalink={`/anmalan/bekrafta-epost/${token}`} className="form">
        <button type="submit" className="button">
          Bekräfta e-postadressen
        </button>
      </PostForm>
      <p>{CONTACT}</p>
    </div>
  )
}
