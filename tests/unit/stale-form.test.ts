// A form posted without JavaScript whose action this build does not know (one rendered by the
// previous build of a rolling deploy): a Swedish page that shows what was typed (lib/http/stale-form.ts).
import { describe, expect, it, vi } from 'vitest'
import { HONEYPOT_FIELD } from '../../lib/forms/form-state'
import { formActionId, knownActionIds, staleFormAnswer } from '../../lib/http/stale-form'

const OLD = '40aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'
const CURRENT = '40bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'

async function multipart(form: FormData): Promise<{ body: ArrayBuffer; contentType: string }> {
  const request = new Request('http://x/', { method: 'POST', body: form })
  return { body: await request.arrayBuffer(), contentType: request.headers.get('content-type')! }
}

function signupForm(actionField: [string, string][]) {
  const form = new FormData()
  for (const [name, value] of actionField) form.append(name, value)
  form.append('name', 'Åsa <Öberg>')
  form.append('email', 'asa@example.se')
  form.append('note', '')
  return form
}

describe('formActionId', () => {
  it('reads both ways React names the action', () => {
    expect(formActionId(signupForm([[`$ACTION_ID_${OLD}`, '']]))).toBe(OLD)
    expect(formActionId(signupForm([['$ACTION_REF_1', ''], ['$ACTION_1:0', JSON.stringify({ id: OLD, bound: '$@1' })]]))).toBe(OLD)
    expect(formActionId(signupForm([]))).toBeNull()
  })
})

describe('staleFormAnswer', () => {
  const known = new Set([CURRENT])

  it('an unknown action: the page, in Swedish, with what was typed (escaped) and not the hidden fields', async () => {
    const { body, contentType } = await multipart(signupForm([[`$ACTION_ID_${OLD}`, '']]))
    const page = await staleFormAnswer(body, contentType, '/resor/x/anmalan', known)
    expect(page).toContain('<html lang="sv">')
    expect(page).toContain('har <strong>inte</strong> sparats')
    expect(page).toContain('<li>Åsa &#60;Öberg&#62;</li>')
    expect(page).toContain('<li>asa@example.se</li>')
    expect(page).not.toContain(OLD)
    expect(page).toContain('href="/resor/x/anmalan"')
  })

  it('a known action, a post that is no action, or no manifest to judge by: left to Next.js', async () => {
    const current = await multipart(signupForm([[`$ACTION_ID_${CURRENT}`, '']]))
    expect(await staleFormAnswer(current.body, current.contentType, '/', known)).toBeNull()
    const plain = await multipart(signupForm([]))
    expect(await staleFormAnswer(plain.body, plain.contentType, '/', known)).toBeNull()
    const old = await multipart(signupForm([[`$ACTION_ID_${OLD}`, '']]))
    expect(await staleFormAnswer(old.body, old.contentType, '/', null)).toBeNull()
  })

  it('never shows a password, the bots\' trap or a ticked box back', async () => {
    const form = new FormData()
    form.append(`$ACTION_ID_${OLD}`, '')
    form.append('email', 'organisator@example.se')
    form.append('password', 'hemligt-lösenord-123')
    form.append(HONEYPOT_FIELD, 'http://spam.example')
    form.append('consent', 'on')
    const { body, contentType } = await multipart(form)
    const page = (await staleFormAnswer(body, contentType, '/admin/logga-in', known))!
    expect(page).toContain('<li>organisator@example.se</li>')
    expect(page).not.toContain('hemligt')
    expect(page).not.toContain('spam.example')
    expect(page).not.toContain('<li>on</li>')
  })

  it('judges nothing under `next dev`, whose ids are not the production build\'s', () => {
    vi.stubEnv('NODE_ENV', 'development')
    try {
      expect(knownActionIds('.next')).toBeNull()
    } finally {
      vi.unstubAllEnvs()
    }
  })
})
