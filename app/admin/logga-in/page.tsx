// The organisers' sign-in. Accounts are made from the command line (README, "Organisers").
import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { organiserOrNull } from '@/lib/auth/session'
import { signIn } from './actions'
import { SignInForm } from './sign-in-form'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = {
  title: 'Logga in – administration',
  robots: { index: false, follow: false },
}

type Props = { searchParams: Promise<{ utloggad?: string }> }

export default async function SignInPage({ searchParams }: Props) {
  if (await organiserOrNull()) redirect('/admin')
  const { utloggad } = await searchParams
  return (
    <div className="prose">
      <h1>Logga in</h1>
      {utloggad === '1' && (
        <div className="notice notice--ok" role="status">
          <p>Du är utloggad.</p>
        </div>
      )}
      <p>Inloggningen är för Mjölbybussens arrangörer.</p>
      <SignInForm action={signIn} permalink="/admin/logga-in" />
    </div>
  )
}
