// The page cache (lib/cache/page-cache-handler.mjs) on a folder of its own, without a database:
// what a revalidation from another instance does to a stored page once shared-tags.mjs has put it
// into Next.js's tag manifest, and the guard for a render that a revalidation overtook.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import tagsManifestModule from 'next/dist/server/lib/incremental-cache/tags-manifest.external.js'
import { nodeFs } from 'next/dist/server/lib/node-fs-methods.js'
import { beforeAll, describe, expect, it } from 'vitest'

type Handler = {
  get: (key: string, ctx: object) => Promise<{ value: { html: string } } | null>
  set: (key: string, data: object, ctx: object) => Promise<void>
  revalidateTag: (tags: string | string[], durations?: object) => Promise<void>
}
const { tagsManifest } = tagsManifestModule as unknown as { tagsManifest: Map<string, { stale?: number; expired?: number }> }
const GET = { kind: 'APP_PAGE', isRoutePPREnabled: false, isFallback: false }
const SET = { cacheControl: { revalidate: 60, expire: undefined }, isRoutePPREnabled: false, isFallback: false }

let handler: Handler
beforeAll(async () => {
  // The local cache alone: the shared part needs DATABASE_URL (tested in tests/faults).
  delete process.env.DATABASE_URL
  const { default: PageCacheHandler } = await import('../../lib/cache/page-cache-handler.mjs')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mjolbybussen-page-cache-'))
  handler = new (PageCacheHandler as unknown as new (ctx: object) => Handler)({
    fs: nodeFs,
    serverDistDir: dir,
    flushToDisk: true,
    revalidatedTags: [],
  })
})

let n = 0
/** A page as Next.js stores one, carrying its own tag and the root layout's. */
function page(tag: string, text: string) {
  return {
    kind: 'APP_PAGE',
    html: `<!DOCTYPE html><html><body><p>${text}</p></body></html>`,
    rscData: Buffer.from(text),
    headers: { 'x-next-cache-tags': `${tag},_N_T_/layout` },
    status: 200,
  }
}
// Longer than the file system's clock step: a stored page is dated by its file's mtime.
const tick = () => new Promise((r) => setTimeout(r, 20))
/** What shared-tags.mjs does when another instance revalidated `tag`. */
const revalidatedElsewhere = (tag: string) => tagsManifest.set(tag, { ...tagsManifest.get(tag), expired: Date.now() })

describe('the page cache', () => {
  it('a page stored before another instance revalidated its tag is a miss; one stored after it is served', async () => {
    const key = `/resor/sida-${++n}`
    const tag = `_N_T_/resor/sida-${n}`
    expect(await handler.get(key, GET)).toBeNull()
    await handler.set(key, page(tag, '40 platser kvar'), SET)
    expect((await handler.get(key, GET))?.value.html).toContain('40 platser kvar')
    await tick()
    revalidatedElsewhere(tag)
    await tick()
    expect(await handler.get(key, GET)).toBeNull()
    await handler.set(key, page(tag, '39 platser kvar'), SET)
    expect((await handler.get(key, GET))?.value.html).toContain('39 platser kvar')
  })

  it('a page whose render a revalidation overtook is stored, but its next read is a miss, once', async () => {
    const key = `/resor/sida-${++n}`
    const tag = `_N_T_/resor/sida-${n}`
    // The read that starts the render (a miss), then the revalidation while it renders with
    // the data it read before the change, then the store.
    expect(await handler.get(key, GET)).toBeNull()
    await tick()
    revalidatedElsewhere(tag)
    await tick()
    await handler.set(key, page(tag, 'gammalt'), SET)
    expect(await handler.get(key, GET)).toBeNull()
    // The render that read begins after the revalidation: served from then on.
    await handler.set(key, page(tag, 'nytt'), SET)
    expect((await handler.get(key, GET))?.value.html).toContain('nytt')
    expect((await handler.get(key, GET))?.value.html).toContain('nytt')
  })

  it('a page served stale past its lifetime while a revalidation overtook its background render: the next read is a miss', async () => {
    const key = `/resor/sida-${++n}`
    const tag = `_N_T_/resor/sida-${n}`
    // A lifetime of 10 ms: the next read is past it, and Next.js renders the page in the background.
    await handler.set(key, page(tag, 'gammalt'), { ...SET, cacheControl: { revalidate: 0.01, expire: undefined } })
    await tick()
    expect((await handler.get(key, GET))?.value.html).toContain('gammalt')
    await tick()
    revalidatedElsewhere(tag)
    await tick()
    await handler.set(key, page(tag, 'renderat före ändringen'), SET)
    expect(await handler.get(key, GET)).toBeNull()
  })

  it('revalidates locally without a database, as Next.js does (revalidatePath ends here)', async () => {
    const key = `/resor/sida-${++n}`
    await handler.set(key, page(`_N_T_/resor/sida-${n}`, 'x'), SET)
    await tick()
    await expect(handler.revalidateTag(['_N_T_/layout'])).resolves.toBeUndefined()
    await tick()
    expect(await handler.get(key, GET)).toBeNull()
  })
})
