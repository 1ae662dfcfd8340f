import type { Metadata } from 'next'
import Link from 'next/link'
import { listHostCities } from '@/lib/trips/host-cities'

export const metadata: Metadata = { title: 'Orter' }
export const revalidate = 60

export default async function HostCitiesPage() {
  const cities = await listHostCities()
  return (
    <>
      <h1>Orter vi har besökt</h1>
      <ul className="trip-list">
        {cities.map((city) => (
          <li key={city.slug} className="card">
            <h2>
              <Link href={`/orter/${city.slug}`}>{city.name}</Link>
            </h2>
            <p>
              {city.county}
              {city.trips.length > 0 && <> · Besökt {city.trips.map((t) => t.trip.year).sort().join(', ')}</>}
            </p>
          </li>
        ))}
      </ul>
    </>
  )
}
