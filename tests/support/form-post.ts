// Posting a page's server-action form over HTTP as a browser without JavaScript does: the form's
// hidden inputs (the action's id and bound arguments) and the fields, as multipart/form-data with
// the page's origin. A receipt of a signup is the 303 to /anmalan/<token>?ny=1.

const ENTITIES: Record<string, string> = { quot: '"', '#x27': "'", '#39': "'", lt: '<', gt: '>', amp: '&' }
function attr(tag: string, name: string): string | undefined {
  const value = tag.match(new RegExp(`\\s${name}="([^"]*)"`, 'i'))?.[1]
  return value?.replace(/&(quot|#x27|#39|lt|gt|amp);/g, (_, entity: string) => ENTITIES[entity]!)
}

export type ActionForm = { enctype: string | undefined; hidden: [string, string][] }

/** The hidden inputs of the page's first server-action form that has a field named `field`. */
export function readActionForm(html: string, field: string): ActionForm {
  return readActionFormWhere(html, (f) => f.includes(`name="${field}"`), `the field ${field}`)
}

/** The hidden inputs of the page's first server-action form whose markup passes `test` (e.g. a one-button form by its button's text). */
export function readActionFormWhere(html: string, test: (formHtml: string) => boolean, what: string): ActionForm {
  const form = html
    .match(/<form\b[\s\S]*?<\/form>/g)
    ?.find((f) => f.includes('name="$ACTION_') && test(f))
  if (!form) throw new Error(`no server-action form with ${what} on the page`)
  const hidden = (form.match(/<input\b[^>]*>/g) ?? [])
    .filter((tag) => attr(tag, 'type') === 'hidden' && attr(tag, 'name')?.startsWith('$ACTION'))
    .map((tag): [string, string] => [attr(tag, 'name') ?? '', attr(tag, 'value') ?? ''])
  return { enctype: attr(form.match(/<form\b[^>]*>/)![0], 'enctype'), hidden }
}

export async function fetchActionForm(url: string, field: string): Promise<ActionForm> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`)
  const form = readActionForm(await response.text(), field)
  if (form.enctype !== 'multipart/form-data') throw new Error(`the form posts as ${form.enctype}, not multipart/form-data`)
  return form
}

/** A field's value: text, or a file (what a browser sends for <input type=file>). */
export type FieldValue = string | Blob

export type FormAnswer = { status: number; location: string | null; contentType: string; body: string }

/** Posts the form with these fields (after its hidden inputs); never follows a redirect. */
export async function postActionForm(
  url: string,
  form: ActionForm,
  fields: Iterable<[string, FieldValue]>,
  { timeoutMs = 30_000 } = {},
): Promise<FormAnswer> {
  const data = new FormData()
  for (const [name, value] of form.hidden) data.append(name, value)
  for (const [name, value] of fields) data.append(name, value)
  const response = await fetch(url, {
    method: 'POST',
    body: data,
    // Browsers send Origin with a form post; Next.js refuses a server action from elsewhere.
    headers: { origin: new URL(url).origin },
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
  })
  return {
    status: response.status,
    location: response.headers.get('location'),
    contentType: response.headers.get('content-type') ?? '',
    body: await response.text(),
  }
}

/** The personal token of a signup's receipt (303 to /anmalan/<token>?ny=1), or null. */
export function receiptToken(answer: Pick<FormAnswer, 'status' | 'location'>): string | null {
  if (answer.status !== 303 || !answer.location) return null
  return answer.location.match(/^(?:https?:\/\/[^/]+)?\/anmalan\/([A-Za-z0-9_-]{22})\?ny=1$/)?.[1] ?? null
}

/** A correctly filled signup form, as a browser without JavaScript posts it (the honeypot empty, as a person leaves it). */
export function signupFields(
  email: string,
  { organisation = 'Testföretaget AB', boardingStopId }: { organisation?: string; boardingStopId?: number } = {},
): [string, string][] {
  return [
    // Required when the trip has several boarding stops (the example trip has two).
    ...(boardingStopId === undefined ? [] : ([['boardingStopId', String(boardingStopId)]] as [string, string][])),
    ['firstName', 'Test'],
    ['lastName', 'Testsson'],
    ['email', email],
    ['phone', '070-123 45 67'],
    ['organisation', organisation],
    ['role', 'foretagare'],
    ['dietaryNeeds', ''],
    ['overnight', 'enkelrum'],
    ['shareRoomWith', ''],
    ['otherInfo', ''],
    ['privacyAccepted', 'on'],
    ['webbplats', ''],
  ]
}
