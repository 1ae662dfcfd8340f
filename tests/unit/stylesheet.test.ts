// The site's one stylesheet parses, and every rule stands at the top level or in an at-rule: the
// site writes no nested CSS, so a rule inside another is a lost closing brace (merging blocks
// appended by several branches once lost four, which silently disabled every rule after them).
import fs from 'node:fs'
import postcss from 'postcss'
import { describe, expect, it } from 'vitest'

const css = fs.readFileSync('app/globals.css', 'utf8')

describe('app/globals.css', () => {
  it('parses, with no rule nested in another', () => {
    const root = postcss.parse(css, { from: 'app/globals.css' })
    const nested: string[] = []
    root.walkRules((rule) => {
      if (rule.parent?.type === 'rule') nested.push(`${rule.selector} (line ${rule.source?.start?.line})`)
    })
    expect(nested).toEqual([])
  })

  it('has its at-rules at the top level (a @page or @keyframes inside a rule is dropped by browsers)', () => {
    const root = postcss.parse(css, { from: 'app/globals.css' })
    const misplaced: string[] = []
    root.walkAtRules((atRule) => {
      if (atRule.parent?.type !== 'root') misplaced.push(`@${atRule.name} ${atRule.params}`)
    })
    expect(misplaced).toEqual([])
  })
})
