// Every page under /resor/[slug] exists only if the trip does: decided here, before the page
// renders, so that an unknown trip gets the not-found page as HTML with status 404 even without
// JavaScript (see components/not-found-page.tsx). That needs the pages to be generated and cached
// (ISR): the params and revalidate here make every page below so, /lank/skickad included.
import type { ReactNode } from 'react'
import { MissingPage } from '@/components/not-found-page'
import { getSignupTrip } from '@/lib/trips/queries'

export const revalidate = 60
export function generateStaticParams() {
  return []
}

type Props = { children: ReactNode; params: Promise<{ slug: string }> }

export default async function TripSegmentLayout({ children, params }: Props) {
  if (!(await getSignupTrip((await params).slug))) return <MissingPage />
  return children
}
