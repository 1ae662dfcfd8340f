'use server'

// Signing in and out. signIn is the one admin action that needs no session (it makes one);
// every other admin action begins by checking the session (tests/e2e/admin-auth.spec.ts).
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { clientAddress } from '@/lib/auth/client-address'
import { endSession, requireOrganiser, SIGN_IN_PATH } from '@/lib/auth/session'
import { signInOrganiser } from '@/lib/auth/sign-in'
import type { FormState } from '@/lib/forms/form-state'
import { isForm, refuseTampered } from '@/lib/http/action-arguments'

export type SignInFormState = FormState<'email', string>

export async function signIn(_previous: SignInFormState, formData: FormData): Promise<SignInFormState> {
  refuseTampered(isForm(formData))
  const requestHeaders = await headers()
  const result = await signInOrganiser({
    email: formData.get('email'),
    password: formData.get('password'),
    ip: clientAddress(requestHeaders),
    headers: requestHeaders,
  })
  // On success Better Auth has set the session cookie (its nextCookies plugin).
  if (result.ok) redirect('/admin')
  const email = formData.get('email')
  return { message: result.error, values: { email: typeof email === 'string' ? email : '' } }
}

export async function signOut(): Promise<void> {
  await requireOrganiser()
  await endSession()
  redirect(`${SIGN_IN_PATH}?utloggad=1`)
}
