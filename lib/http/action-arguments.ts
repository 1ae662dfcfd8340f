// A server action's arguments come from the client: the bound ones (a trip's slug, a
// registration's id) and the form's fields are sent back by the browser, and a tampered post can
// give an action any values of React's encoding, in any number (lib/http/action-body.ts lets
// through only the kinds a form of this site sends, but cannot know how many an action takes).
// An action checks its own before it uses them and answers a mismatch as a page that does not
// exist, as the public forms do (app/resor/[slug]/anmalan/actions.ts), never with a 500.
import { notFound } from 'next/navigation'

export const isForm = (value: unknown): value is FormData => value instanceof FormData
export const isSlug = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 200
export const isId = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value > 0

/** A 404 unless every check holds. */
export function refuseTampered(...checks: boolean[]): void {
  if (!checks.every(Boolean)) notFound()
}
