import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { Markdown } from '@/components/markdown'
import { formatDateRange } from '@/lib/dates'
import { getHostCityPage } from '@/lib/trips/host-cities'

export const revalidate = 60
export function generateStaticParams() {
  return []
}

type Props = { params: Promise<{ slug: string }> }

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
