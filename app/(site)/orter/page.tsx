import type { Metadata } from 'next'
import Link from 'next/link'
import { Photo, CARD_PHOTO_SIZES } from '@/components/photo'
import { listHostCities } from '@/lib/trips/host-cities'

export const metadata: Metadata = { title: 'Orter' }
export const revalidate = 60

export default async function HostCitiesPage() {
  const cities = await listHostCities()
  const firstWithPhoto = cities.find((c) => c.photo)?.slug
  return (
    <>
      <h1>Orter vi har besökt</h1>
      <ul className="trip-list">
        {cities.map((city) => (
          <li key={city.slug} className={city.photo ? 'card card--with-photo' : 'card'}>
            {city.photo && <Photo photo={city.photo} sizes={CARD_PHOTO_SIZES} first={city.slug === firstWithPhoto} />}
            <div>
              <h2>
                <Link href={`/orter/${city.slug}`}>{city.name}</Link>
              </h2>
              <p>
                {city.county}
                {city.trips.length > 0 && <> · Besökt {city.trips.map((t) => t.trip.year).sort().join(', ')}</>}
              </p>
            </div>
          </li>
        ))}
      </ul>
    </>
  )
}
