// Next.js's own copy of busboy (1.x), which its action handler parses multipart fetch actions
// with; lib/http/action-body.ts parses with the same one. It ships without types.
declare module 'next/dist/compiled/busboy' {
  import type { Writable } from 'node:stream'
  type Busboy = Writable & {
    on(event: 'field', listener: (name: string, value: string, info: { nameTruncated: boolean; valueTruncated: boolean }) => void): Busboy
    on(event: 'file', listener: (name: string, stream: import('node:stream').Readable, info: { filename: string; encoding: string; mimeType: string }) => void): Busboy
    on(event: 'error', listener: (error: unknown) => void): Busboy
    on(event: 'close', listener: () => void): Busboy
  }
  export default function busboy(options: { headers: Record<string, string>; defParamCharset?: string; limits?: { fieldSize?: number } }): Busboy
}
