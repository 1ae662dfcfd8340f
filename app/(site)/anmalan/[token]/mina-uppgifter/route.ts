// A copy of one's own data as a JSON file, from the personal link (lib/privacy/data-copy.ts).
import { copyOfOwnData } from '@/lib/privacy/data-copy'

export const dynamic = 'force-dynamic'

// Personal data: never stored by a cache or indexed (the link is in the address).
const PRIVATE = { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex, nofollow' }

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params
  const copy = await copyOfOwnData(token)
  if (!copy) {
    return new Response('Sidan finns inte. Länken kan vara fel, eller så är anmälan borttagen.', {
      status: 404,
      headers: { ...PRIVATE, 'Content-Type': 'text/plain; charset=utf-8' },
    })
  }
  return new Response(JSON.stringify(copy, null, 2), {
    headers: {
      ...PRIVATE,
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': 'attachment; filename="mjolbybussen-mina-uppgifter.json"',
    },
  })
}
