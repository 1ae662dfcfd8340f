// The body of a server-action post, checked in the proxy before Next.js decodes it. Next.js
// answers a body it cannot decode with a bare 500 (its action handler lets the parser's error
// through): a multipart body whose boundary does not match, that is cut short or has no final
// boundary; a part header busboy refuses; an action's arguments that are not valid JSON, or that
// refer to parts that are not there. Here the same body is parsed the way Next.js and React will
// parse it, and anything they would fail on is refused first with a 400 and a Swedish page.
//
// Parsed the same way: a form posted without JavaScript with undici's FormData parser (as
// Next.js's action handler does), one posted by React with `next-action` with busboy (Next.js's
// copy, with its options) when multipart, as UTF-8 when text/plain. Then React's encoding of
// the arguments (react-server-dom's reply format): every part an argument refers to must be
// there and hold JSON, and only the kinds of value a form of this site sends are let through
// (text, numbers, plain objects and arrays, undefined, dates, the form's own fields); React's
// other kinds (streams, typed arrays, maps, server references…) are not sent by any form here,
// and several of them fail in React's decoder on bad input.
import { Readable } from 'node:stream'
import busboy from 'next/dist/compiled/busboy'
import { MAX_BODY_BYTES } from './request-guards'

/** Why a body was refused, for the log (a fixed word, never the content). */
export type BodyFault = 'unreadable' | 'multipart' | 'arguments'

/** At most this many arguments (React refuses more than 1000 with an error, a 500). */
const MAX_ARGUMENTS = 1000
/** Nesting deeper than any form's state, well under what React's recursive decoder survives. */
const MAX_DEPTH = 32
/** A form's body (at most 1 MB) that has not arrived in this time is not waited for any longer. */
export const BODY_TIMEOUT_MS = 60_000

type Entry = [name: string, value: string | Blob]

/**
 * Reads and checks a server action's body. `contentType` is the request's Content-Type as sent
 * (multipart/form-data, or text/plain with `next-action`: the proxy has refused the others).
 * Returns null when Next.js and React will decode it, else why not.
 */
export async function checkActionBody(
  body: () => Promise<ArrayBuffer>,
  contentType: string,
  fetchAction: boolean,
  /** Aborted when the client goes away: Next.js's copy of the body then never ends. */
  signal?: AbortSignal,
): Promise<BodyFault | null> {
  let bytes: Uint8Array<ArrayBuffer>
  try {
    bytes = new Uint8Array(await readOrGiveUp(body(), signal))
  } catch {
    return 'unreadable' // the client went away mid-body, or sent less than it announced
  }
  // As Next.js tells them apart (case and all): anything else is read as text.
  const multipart = contentType.startsWith('multipart/form-data')
  let entries: Entry[]
  if (multipart) {
    const parsed = fetchAction ? await parseWithBusboy(bytes, contentType) : await parseWithUndici(bytes, contentType)
    if (!parsed) return 'multipart'
    entries = parsed
  } else {
    // React's text/plain argument list: one part, "0" (Next.js decodes it as UTF-8, replacing bad bytes).
    entries = [['0', Buffer.from(bytes).toString('utf8')]]
  }
  return fetchAction ? checkFetchArguments(entries) : checkFormAction(entries)
}

function readOrGiveUp(reading: Promise<ArrayBuffer>, signal: AbortSignal | undefined): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const giveUp = () => {
      clearTimeout(timer)
      reject(new Error('body not received'))
    }
    const timer = setTimeout(giveUp, BODY_TIMEOUT_MS)
    if (signal?.aborted) giveUp()
    signal?.addEventListener('abort', giveUp, { once: true })
    reading.then(
      (value) => {
        clearTimeout(timer)
        signal?.removeEventListener('abort', giveUp)
        resolve(value)
      },
      (err: unknown) => {
        clearTimeout(timer)
        signal?.removeEventListener('abort', giveUp)
        reject(err instanceof Error ? err : new Error('body not received'))
      },
    )
  })
}

async function parseWithUndici(bytes: Uint8Array<ArrayBuffer>, contentType: string): Promise<Entry[] | null> {
  try {
    const form = await new Request('http://localhost/', { method: 'POST', headers: { 'content-type': contentType }, body: bytes }).formData()
    return [...form.entries()]
  } catch {
    return null
  }
}

/** As Next.js's action handler sets busboy up for a multipart fetch action. */
function parseWithBusboy(bytes: Uint8Array<ArrayBuffer>, contentType: string): Promise<Entry[] | null> {
  return new Promise((resolve) => {
    let parser: ReturnType<typeof busboy>
    try {
      parser = busboy({ defParamCharset: 'utf8', headers: { 'content-type': contentType }, limits: { fieldSize: MAX_BODY_BYTES } })
    } catch {
      resolve(null) // no boundary, or not multipart at all
      return
    }
    const entries: Entry[] = []
    let failed = false
    parser.on('field', (name: string, value: string) => entries.push([name, value]))
    parser.on('file', (name: string, stream: Readable, info: { encoding: string; mimeType: string; filename: string }) => {
      // React refuses base64-encoded files (it destroys the stream: a 500).
      if (info.encoding.toLowerCase() === 'base64') failed = true
      const chunks: Uint8Array<ArrayBuffer>[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(new Uint8Array(chunk)))
      stream.on('end', () => entries.push([name, new Blob(chunks, { type: info.mimeType })]))
    })
    parser.on('error', () => resolve(null))
    parser.on('close', () => resolve(failed ? null : entries))
    Readable.from([Buffer.from(bytes)]).pipe(parser)
  })
}

/** A form posted without JavaScript: `$ACTION_REF_n` with its descriptor `$ACTION_n:0` and bound arguments, or `$ACTION_ID_…`. */
function checkFormAction(entries: Entry[]): BodyFault | null {
  const refs = entries.filter(([name]) => name.startsWith('$ACTION_REF_'))
  const ids = entries.filter(([name]) => name.startsWith('$ACTION_ID_'))
  // Not an action at all: Next.js answers that with an English 400; this site with a Swedish one.
  if (refs.length === 0 && ids.length === 0) return 'arguments'
  // React decodes the last reference it sees (Next.js refuses more than two).
  const ref = refs.at(-1)
  if (!ref) return null
  const prefix = `$ACTION_${ref[0].slice('$ACTION_REF_'.length)}:`
  const chunks = stringChunks(entries, prefix)
  // React revives the descriptor and everything it refers to (the bound arguments).
  if (!checkReferences(chunks, 0, false)) return 'arguments'
  const descriptor = parseChunk(chunks, 0)
  if (descriptor === undefined || descriptor === null || typeof descriptor !== 'object' || Array.isArray(descriptor)) return 'arguments'
  const { id, bound } = descriptor as { id?: unknown; bound?: unknown }
  if (typeof id !== 'string') return 'arguments'
  if (bound === null || bound === undefined) return null
  const boundId = typeof bound === 'string' ? bound.match(/^\$@([0-9a-f]+)$/i)?.[1] : undefined
  if (boundId === undefined) return 'arguments'
  const args = parseChunk(chunks, parseInt(boundId, 16))
  return Array.isArray(args) && args.length <= MAX_ARGUMENTS ? null : 'arguments'
}

/** A fetch action (React, with JavaScript): the arguments are part "0", an array. */
function checkFetchArguments(entries: Entry[]): BodyFault | null {
  const chunks = stringChunks(entries, '')
  const args = parseChunk(chunks, 0)
  if (!Array.isArray(args) || args.length > MAX_ARGUMENTS) return 'arguments'
  return checkReferences(chunks, 0, true) ? null : 'arguments'
}

/** React's "string chunks": the text parts named prefix + number (the last of a name wins, as in React). */
function stringChunks(entries: Entry[], prefix: string): Map<string, string> {
  const chunks = new Map<string, string>()
  for (const [name, value] of entries) {
    if (!name.startsWith(prefix)) continue
    const rest = name.slice(prefix.length)
    if (rest.startsWith('_') || rest.startsWith('S')) continue // FormData fields and stream parts
    if (typeof value === 'string') chunks.set(name, value)
  }
  return new Map([...chunks].map(([name, value]) => [name.slice(prefix.length), value]))
}

const UNPARSABLE = Symbol('unparsable')

function parseChunk(chunks: Map<string, string>, id: number): unknown {
  const text = chunks.get(String(id))
  if (text === undefined) return UNPARSABLE
  try {
    return JSON.parse(text) as unknown
  } catch {
    return UNPARSABLE
  }
}

/**
 * Walks chunk `root` and every chunk it refers to: each must be there and be JSON, nested at most
 * MAX_DEPTH deep, hold only the kinds of "$" value React decodes without failing here, and refer
 * to no chunk that refers back to it (React waits forever on such a cycle).
 */
function checkReferences(chunks: Map<string, string>, root: number, fetchAction: boolean): boolean {
  const references = new Map<number, number[]>()
  const pending = [root]
  while (pending.length > 0) {
    const id = pending.pop()!
    if (references.has(id)) continue
    const value = parseChunk(chunks, id)
    if (value === UNPARSABLE) return false
    const referred: number[] = []
    references.set(id, referred)
    const stack: [unknown, number][] = [[value, 0]]
    while (stack.length > 0) {
      const [item, depth] = stack.pop()!
      if (depth > MAX_DEPTH) return false
      if (typeof item === 'string') {
        if (!item.startsWith('$')) continue
        const reference = allowedReference(item, fetchAction && depth > 0)
        if (reference === false) return false
        if (typeof reference === 'number') {
          if (!chunks.has(String(reference))) return false
          referred.push(reference)
          pending.push(reference)
        }
      } else if (item !== null && typeof item === 'object') {
        for (const child of Array.isArray(item) ? item : Object.values(item)) stack.push([child, depth + 1])
      }
    }
  }
  return !hasCycle(references, root)
}

/** Depth-first, without recursion: a chunk met again while it is still being walked is a cycle. */
function hasCycle(references: Map<number, number[]>, root: number): boolean {
  const state = new Map<number, 'open' | 'done'>()
  const stack: [id: number, next: number][] = [[root, 0]]
  state.set(root, 'open')
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!
    const children = references.get(top[0]) ?? []
    if (top[1] >= children.length) {
      state.set(top[0], 'done')
      stack.pop()
      continue
    }
    const child = children[top[1]++]!
    const seen = state.get(child)
    if (seen === 'open') return true
    if (seen === undefined) {
      state.set(child, 'open')
      stack.push([child, 0])
    }
  }
  return false
}

/** For a "$…" string: false if refused, the chunk it refers to, or true if it stands alone. */
function allowedReference(value: string, temporaryAllowed: boolean): boolean | number {
  const kind = value[1]
  switch (kind) {
    case '$': // an escaped "$"
    case 'K': // the form's fields (FormData)
    case 'u': // undefined
    case 'H':
    case 'I': // Infinity
    case '-': // -0, -Infinity
    case 'N': // NaN
    case 'D': // a date (an invalid one is an Invalid Date, not an error)
      return true
    case 'n': // a BigInt: digits only, at most React's 300
      return /^\$n-?\d{1,300}$/.test(value)
    case 'T': // a temporary reference: React fails on one at the top or outside a fetch action
      return temporaryAllowed
    case '@': {
      const id = value.slice(2)
      return /^[0-9a-f]{1,8}$/i.test(id) ? parseInt(id, 16) : false
    }
    default: {
      // "$<hex>" (lower case, as React writes it; its other letters are other kinds): an object
      // written once and referred to, without a ":path" into it (React throws on a bad one).
      const id = value.slice(1)
      return /^[0-9a-f]{1,8}$/.test(id) ? parseInt(id, 16) : false
    }
  }
}
