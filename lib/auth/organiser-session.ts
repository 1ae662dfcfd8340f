// The session check itself, on plain request headers, so it can be tested outside Next.js.
import { auth } from './auth'

export type Organiser = { id: string; name: string; email: string }

export async function organiserFromHeaders(headers: Headers): Promise<Organiser | null> {
  const result = await auth().api.getSession({ headers })
  if (!result) return null
  const { id, name, email } = result.user
  return { id, name, email }
}
