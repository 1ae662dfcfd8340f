import Link from 'next/link'

type Link_ = { hostCity: { slug: string; name: string } }

/** "Gnosjö och Höganäs", each a link to its profile. */
export function HostCityLinks({ hostCities }: { hostCities: Link_[] }) {
  return (
    <>
      {hostCities.map(({ hostCity }, i) => (
        <span key={hostCity.slug}>
          {i > 0 && (i === hostCities.length - 1 ? ' och ' : ', ')}
          <Link href={`/orter/${hostCity.slug}`}>{hostCity.name}</Link>
        </span>
      ))}
    </>
  )
}
