import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { Markdown } from '@/components/markdown'
import { Photo } from '@/components/photo'
import { formatDateRange } from '@/lib/dates'
import { getHostCityPage } from '@/lib/trips/host-cities'

export const revalidate = 60
export function generateStaticParams() {
  return []
}

type Props = { params: Promise<{ slug: string }> }

// The text's width (.prose: 44rem), or the screen's less the page's padding (2 × 1.25rem).
const PROSE_SIZES = '(min-width: 46.5rem) 44rem, calc(100vw - 2.5rem)'

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const city = await getHostCityPage((await params).slug)
  return { title: city?.name ?? 'Orten finns inte' }
}

export default async function HostCityPageRoute({ params }: Props) {
  const city = await getHostCityPage((await params).slug)
  if (!city) notFound()
  return (
    <article className="prose">
      <h1>{city.name}</h1>
      {city.photo && <Photo photo={city.photo} sizes={PROSE_SIZES} first className="photo--hero" />}
      <dl className="facts">
        <dt>Län</dt>
        <dd>{city.county}</dd>
        {city.population !== null && (
          <>
            <dt>Invånare</dt>
            <dd>{city.population.toLocaleString('sv-SE')}</dd>
          </>
        )}
      </dl>
      <Markdown text={city.portrait} />
      <h2>Mjölbybussen i {city.name}</h2>
      <ul>
        {city.trips.map(({ trip, focus }) => (
          <li key={trip.slug}>
            <Link href={`/resor/${trip.slug}`}>{trip.title}</Link>
            {trip.startDate && <>, {formatDateRange(trip.startDate, trip.endDate)}</>}
            {focus && <>. Vi tittade på: {focus}</>}
          </li>
        ))}
      </ul>
    </article>
  )
}
