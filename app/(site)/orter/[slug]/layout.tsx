// A host city's page exists only if the city does: decided here, before the page renders, so that
// an unknown city gets the not-found page as HTML with status 404 even without JavaScript (see
// components/not-found-page.tsx).
import type { ReactNode } from 'react'
import { MissingPage } from '@/components/not-found-page'
import { getHostCityPage } from '@/lib/trips/host-cities'

type Props = { children: ReactNode; params: Promise<{ slug: string }> }

export default async function HostCitySegmentLayout({ children, params }: Props) {
  if (!(await getHostCityPage((await params).slug))) return <MissingPage />
  return children
}
