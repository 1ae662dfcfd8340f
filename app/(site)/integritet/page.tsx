// The privacy notice (GDPR art. 13): who is responsible, why, on what basis, what is kept, for how
// long, who gets it, the person's rights and whom to ask. The controller, contact, legal basis,
// recipients and periods come from the settings (/admin/installningar), whose save renews this
// cached page; the periods are the ones the retention job (lib/privacy/retention.ts) applies.
import type { Metadata } from 'next'
import { Paragraphs } from '@/components/paragraphs'
import { env } from '@/lib/env'
import { UNCONFIRMED_HOURS } from '@/lib/interest/list'
import { formatPhone } from '@/lib/phone'
import { formatDays, formatMonths } from '@/lib/privacy/wording'
import { getPrivacySettings } from '@/lib/settings/site-settings'

export const metadata: Metadata = { title: 'Integritetsmeddelande' }
export const revalidate = 60

export default async function PrivacyPage() {
  const s = await getPrivacySettings()
  const controller = s.privacyController ?? s.organiserName
  return (
    <article className="prose">
      <h1>Så hanterar vi dina personuppgifter</h1>
      <p>
        När du anmäler dig till Mjölbybussen sparar vi uppgifter om dig. Här berättar vi vilka, varför, hur länge och
        vilka rättigheter du har enligt dataskyddsförordningen (GDPR).
      </p>

      <h2>Personuppgiftsansvarig</h2>
      <p>
        {controller} ansvarar för uppgifterna.
        {s.privacyController && <> Resan arrangeras av {s.organiserName}.</>} Kontakt:{' '}
        <a href={`mailto:${s.email}`}>{s.email}</a>, telefon {formatPhone(s.phone)} ({s.phoneHours}), {s.postalAddress}.
      </p>
      {s.dataProtectionContact && (
        <>
          <h3>Dataskyddsombud</h3>
          <Paragraphs text={s.dataProtectionContact} />
        </>
      )}

      <h2>Varför vi behandlar uppgifterna</h2>
      <p>
        Uppgifterna behövs för att planera och genomföra resan: boka platser i bussen, rum och måltider, och kunna nå dig
        före och under resan. Namn och organisation visas offentligt bara om du själv kryssar i det.
      </p>
      <h3>Rättslig grund</h3>
      <Paragraphs text={s.privacyLegalBasis} />

      <h2>Vilka uppgifter vi sparar</h2>
      <ul>
        <li>Namn, e-postadress, mobilnummer, organisation och roll.</li>
        <li>Dina val för resan: övernattning, vem du vill dela rum med, var du kliver på bussen och övriga upplysningar.</li>
        <li>
          Specialkost eller allergier, om du uppger det. Det kan vara uppgifter om hälsa, så vi lämnar bara ut dem till dem
          som lagar maten och raderar dem tidigare än övriga uppgifter.
        </li>
        <li>Om du vill synas i den öppna deltagarlistan, och när du godkände det här meddelandet.</li>
        <li>
          Om du byter e-postadress i din anmälan: den nya adressen, tills du har bekräftat den från länken vi mejlar dit. En
          adress som inte bekräftas inom 48 timmar tas bort natten därpå.
        </li>
        <li>De e-postmeddelanden vi skickar dig om resan.</li>
      </ul>

      <h2>Vem som får uppgifterna</h2>
      <p>Arrangörerna, och de som behöver dem för att resan ska bli av:</p>
      <Paragraphs text={s.privacyRecipients} />
      <p>Vi säljer aldrig uppgifter och lämnar inte ut dem till andra.</p>

      <h2>Hur länge vi sparar dem</h2>
      <ul>
        <li>Uppgifter om specialkost och allergier raderas {formatDays(s.dietaryRetentionDays)} efter resan.</li>
        <li>
          Övriga personuppgifter avidentifieras {formatMonths(s.retentionMonths)} efter resan. Kvar blir bara statistik som
          inte går att koppla till dig, till exempel hur många som åkte.
        </li>
        <li>
          Kopior av e-post vi har skickat till dig sparas i {formatDays(s.sentEmailRetentionDays)}. Därefter finns bara
          ämnesraden och när den skickades kvar.
        </li>
        <li>
          Avbokar du och ber oss ta bort dina personuppgifter tar vi bort dem direkt. Det gör du med länken i
          e-postmeddelandena från oss.
        </li>
      </ul>

      <h2>Meddela mig när anmälan öppnar</h2>
      <p>
        Lämnar du din e-postadress för att få besked när anmälan öppnar sparar vi bara adressen, om du vill ha besked även om
        kommande resor, vilken resas sida du lämnade den på och när. Vi behandlar den med ditt samtycke, som du ger när du
        bekräftar adressen från länken vi mejlar dig.
      </p>
      <ul>
        <li>En adress som inte bekräftas inom {UNCONFIRMED_HOURS} timmar tas bort.</li>
        <li>
          När anmälan öppnar får du ett mejl, och sedan tas adressen bort. Har du bett om besked även om kommande resor står
          den kvar, men aldrig längre än {formatMonths(env().INTEREST_LIST_RETENTION_MONTHS)} efter att du bekräftade den.
        </li>
        <li>Varje mejl har en länk som tar bort adressen direkt. Arrangörerna ser bara hur många som står på listan.</li>
      </ul>

      <h2>Dina rättigheter</h2>
      <p>Du har rätt att</p>
      <ul>
        <li>
          få veta vilka uppgifter vi har om dig och få en kopia av dem. Med länken i e-posten från oss kan du själv ladda ner
          en kopia.
        </li>
        <li>få fel rättade. Fram till sista dag för ändringar gör du det själv med samma länk.</li>
        <li>få uppgifterna raderade, till exempel genom att avboka och be oss ta bort dem.</li>
        <li>invända mot att vi behandlar uppgifterna.</li>
        <li>
          klaga hos Integritetsskyddsmyndigheten (IMY) om du inte är nöjd med hur vi hanterar dina uppgifter, se{' '}
          <a href="https://www.imy.se">imy.se</a>.
        </li>
      </ul>

      <h2>Frågor om dina personuppgifter</h2>
      {s.dataProtectionContact ? (
        <p>
          Kontakta dataskyddsombudet (se ovan) eller arrangörerna på <a href={`mailto:${s.email}`}>{s.email}</a>.
        </p>
      ) : (
        <p>
          Kontakta arrangörerna på <a href={`mailto:${s.email}`}>{s.email}</a> eller telefon {formatPhone(s.phone)} ({s.phoneHours}).
        </p>
      )}
    </article>
  )
}
