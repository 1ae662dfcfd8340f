// A trip's list as a file: ?format=csv (UTF-8 with BOM) or ?format=xlsx. Organisers only.
import { organiserRoute } from '@/lib/auth/session'
import { toCsv, toXlsx } from '@/lib/admin/spreadsheet'
import { getAdminTrip } from '@/lib/admin/trips'
import { LIST_KINDS, tripList, type ListKind } from '@/lib/admin/trip-lists'

export const dynamic = 'force-dynamic'

export const GET = organiserRoute(async (request, { params }: { params: Promise<{ slug: string; kind: string }> }) => {
  const { slug, kind } = await params
  const format = new URL(request.url).searchParams.get('format') ?? 'csv'
  if (!LIST_KINDS.includes(kind as ListKind) || !['csv', 'xlsx'].includes(format)) {
    return new Response('Okänd lista eller filtyp.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  }
  const trip = await getAdminTrip(slug)
  if (!trip) return new Response('Resan finns inte.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })

  const sheet = await tripList(trip.id, kind as ListKind)
  const filename = `${trip.slug}-${kind}.${format}`
  const common = { 'Content-Disposition': `attachment; filename="${filename}"`, 'Cache-Control': 'private, no-store' }
  if (format === 'csv') {
    return new Response(toCsv(sheet), { headers: { ...common, 'Content-Type': 'text/csv; charset=utf-8' } })
  }
  return new Response(new Uint8Array(await toXlsx([sheet])), {
    headers: { ...common, 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  })
})
