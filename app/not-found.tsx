import Link from 'next/link'

export default function NotFound() {
  return (
    <div className="prose">
      <h1>Sidan finns inte</h1>
      <p>Vi hittar inte sidan du letar efter. Den kan ha flyttats, eller så är adressen felstavad.</p>
      <p>
        <Link href="/">Till startsidan</Link> · <Link href="/resor">Alla resor</Link>
      </p>
    </div>
  )
}
