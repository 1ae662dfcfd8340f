// A photo's variant, /bilder/<id>/<width>.webp, from PostgreSQL (so every instance, and the
// embedded database, serves it). A new upload gets a new id, so what an address holds never
// changes: browsers and any cache in front keep it for a year without asking again.
import { readPhotoVariant } from '@/lib/photos/store'
import { isPhotoId, widthFromFileName } from '@/lib/photos/view'
import { log } from '@/lib/log'

export const dynamic = 'force-dynamic'

const IMMUTABLE = 'public, max-age=31536000, immutable'

type Props = { params: Promise<{ id: string; file: string }> }

export async function GET(_request: Request, { params }: Props) {
  const { id, file } = await params
  const width = widthFromFileName(file)
  if (!isPhotoId(id) || width === null) return missing()
  let webp: Uint8Array | null
  try {
    webp = await readPhotoVariant(id, width)
  } catch {
    // The database is away: say so, and let the browser ask again later (not a 500).
    log.warn('photo.database_unavailable', {})
    return new Response('Bilden kan inte visas just nu. Försök igen om en stund.', {
      status: 503,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'Retry-After': '30' },
    })
  }
  if (!webp) return missing()
  return new Response(new Uint8Array(webp), {
    headers: { 'Content-Type': 'image/webp', 'Content-Length': String(webp.byteLength), 'Cache-Control': IMMUTABLE },
  })
}

function missing() {
  return new Response('Bilden finns inte.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } })
}
