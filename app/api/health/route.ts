// For the load balancer: 200 while the database answers, 503 when it does not (within 2 s).
import { checkHealth } from '@/lib/health'

export const dynamic = 'force-dynamic'

export async function GET() {
  const health = await checkHealth()
  return Response.json(health, {
    status: health.status === 'ok' ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  })
}

// Anything else gets a clear answer rather than Next.js's empty 405.
function onlyGet() {
  return new Response('Adressen tar bara emot GET.', {
    status: 405,
    headers: { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' },
  })
}
export { onlyGet as POST, onlyGet as PUT, onlyGet as PATCH, onlyGet as DELETE }
