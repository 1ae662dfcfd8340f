import type { Metadata } from 'next'
import { getSiteSettings } from '@/lib/settings/site-settings'

export const metadata: Metadata = { title: 'Integritetsmeddelande' }
export const revalidate = 60

export default async function PrivacyPage() {
  const s = await getSiteSettings()
  return (
    <article className="prose">
      <h1>Så hanterar vi dina personuppgifter</h1>
      <p>
        När du anmäler dig till Mjölbybussen sparar vi uppgifter om dig. Här berättar vi vilka, varför, hur länge och
        vilka rättigheter du har enligt dataskyddsförordningen (GDPR).
      </p>
      <h2>Personuppgiftsansvarig</h2>
      <p>
        {s.organiserName} ansvarar för uppgifterna. Kontakt: <a href={`mailto:${s.email}`}>{s.email}</a>, telefon {s.phone}{' '}
        ({s.phoneHours}), {s.postalAddress}.
      </p>
      <h2>Vilka uppgifter vi sparar</h2>
      <ul>
        <li>Namn, e-postadress, mobilnummer, organisation och roll.</li>
        <li>Dina val för resan: övernattning, vem du vill dela rum med, var du kliver på bussen och övriga upplysningar.</li>
        <li>
          Specialkost eller allergier, om du uppger det. Det kan vara uppgifter om hälsa, så vi lämnar bara ut dem till
          dem som lagar maten och raderar dem tidigare än övriga uppgifter.
        </li>
        <li>Om du vill synas i den öppna deltagarlistan, och när du godkände det här meddelandet.</li>
      </ul>
      <h2>Varför och med vilket stöd</h2>
      <p>
        Uppgifterna behövs för att planera och genomföra resan: boka platser i bussen, rum och måltider, och kunna nå
        dig före och under resan. Den rättsliga grunden är allmänt intresse, i kommunens uppdrag
        att främja samverkan och näringslivsutveckling, och för uppgifter om kost ditt uttryckliga samtycke när du
        lämnar dem. Namn och organisation visas offentligt bara om du själv kryssar i det.
      </p>
      <h2>Vem som får uppgifterna</h2>
      <p>
        Arrangörerna. Bussbolaget får namn och påstigningsplats, hotellet namn och rumsönskemål, och restaurangerna
        antal och kostbehov. Vi säljer aldrig uppgifter och lämnar dem inte till andra.
      </p>
      <h2>Hur länge vi sparar dem</h2>
      <p>
        Uppgifter om kost och allergier raderas senast 30 dagar efter resan. Övriga personuppgifter raderas eller
        avidentifieras 12 månader efter att resan är genomförd. Kvar blir bara statistik som inte går att koppla till
        dig, till exempel hur många som åkte.
      </p>
      <h2>Dina rättigheter</h2>
      <p>
        Du har rätt att få veta vilka uppgifter vi har om dig, att få fel rättade, att få uppgifterna raderade och att
        invända mot behandlingen. Kontakta oss på <a href={`mailto:${s.email}`}>{s.email}</a>. Är du inte nöjd med hur
        vi hanterar dina uppgifter kan du klaga hos Integritetsskyddsmyndigheten (IMY), imy.se.
      </p>
    </article>
  )
}
