// A form posted without JavaScript to a build that does not know its action: rendered by an
// earlier build during a rolling deploy (README, "Drift på flera servrar"), whose action has since
// been renamed or removed. (With NEXT_SERVER_ACTIONS_ENCRYPTION_KEY fixed, an action that kept
// its file and name keeps its id in every build, and such a post simply works.) Next.js would
// answer a bare English "Invalid Server Actions request.": proxy.ts answers this page instead,
// which says what happened and shows what the person typed, so that nothing is lost.
import fs from 'node:fs'
import path from 'node:path'
import { HONEYPOT_FIELD } from '../forms/form-state'

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

let known: Set<string> | null | undefined

/** The action ids this build knows (its server-reference manifest); null when it cannot be read. */
export function knownActionIds(distDir = process.env.NEXT_DIST_DIR || '.next'): Set<string> | null {
  // `next dev` builds into a folder of its own with ids of its own: a production build's manifest
  // lying beside it would make every form look stale.
  if (process.env.NODE_ENV !== 'production') return null
  if (known !== undefined) return known
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(distDir, 'server', 'server-reference-manifest.json'), 'utf8')) as {
      node?: Record<string, unknown>
      edge?: Record<string, unknown>
    }
    known = new Set([...Object.keys(manifest.node ?? {}), ...Object.keys(manifest.edge ?? {})])
  } catch {
    known = null
  }
  return known
}

/**
 * The action a form posted without JavaScript names, as React's decodeAction finds it: a field
 * `$ACTION_ID_<id>`, or for an action with bound values `$ACTION_REF_<n>` and `$ACTION_<n>:0`
 * holding `{"id": …}`. Null when the form names none (then it is not a server action at all).
 */
export function formActionId(form: FormData): string | null {
  for (const name of form.keys()) {
    if (name.startsWith('$ACTION_ID_')) return name.slice('$ACTION_ID_'.length)
    if (name.startsWith('$ACTION_REF_')) {
      const bound = form.get(`$ACTION_${name.slice('$ACTION_REF_'.length)}:0`)
      try {
        const id = typeof bound === 'string' ? (JSON.parse(bound) as { id?: unknown }).id : undefined
        return typeof id === 'string' ? id : ''
      } catch {
        return ''
      }
    }
  }
  return null
}

/** Never shown back: a password (the page could be seen over a shoulder or kept in a history),
 * the bots' trap, and a ticked box's bare "on", which says nothing to the person. */
const notShown = (name: string, value: string) =>
  name.startsWith('$ACTION') || /pass|lösen|losen/i.test(name) || name === HONEYPOT_FIELD || value === 'on'

/** The page: 409, what happened, and the values the person typed (not passwords nor the form's own fields). */
export function staleFormPage(form: FormData, path: string): string {
  const typed = [...form.entries()]
    .filter(([name, value]) => typeof value === 'string' && value.trim() !== '' && !notShown(name, value))
    .map(([, value]) => `<li>${escapeHtml(value as string)}</li>`)
  const list = typed.length
    ? `<p>Det här är vad du skrev, så att du kan fylla i det igen:</p>\n<ul>\n${typed.join('\n')}\n</ul>`
    : ''
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sidan har uppdaterats – Mjölbybussen</title>
</head>
<body>
<main>
<h1>Sidan har uppdaterats</h1>
<p>Webbplatsen uppdaterades medan du fyllde i formuläret, så det du skickade har <strong>inte</strong> sparats. Förlåt för besväret.</p>
${list}
<p><a href="${escapeHtml(path)}">Öppna formuläret på nytt</a> och skicka igen, eller gå tillbaka i webbläsaren, där det du fyllt i oftast finns kvar.</p>
<p><a href="/">Till startsidan</a></p>
</main>
</body>
</html>
`
}

/** For a form posted without JavaScript: the page above when its action is unknown here, else null. */
export async function staleFormAnswer(
  body: ArrayBuffer,
  contentType: string,
  path: string,
  ids: Set<string> | null = knownActionIds(),
): Promise<string | null> {
  if (!contentType.startsWith('multipart/form-data')) return null
  if (!ids) return null
  let form: FormData
  try {
    form = await new Response(body, { headers: { 'content-type': contentType } }).formData()
  } catch {
    return null // Next.js decides (the body check before this has let it through)
  }
  const id = formActionId(form)
  return id !== null && !ids.has(id) ? staleFormPage(form, path) : null
}
