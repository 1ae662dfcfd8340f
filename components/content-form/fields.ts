// The content forms' fields: labels, hints and kinds (presentation, so beside the form component),
// shared by the pages (and the labels by the error summaries). Plain data, so server pages can
// hand them to the client form. The settings' names come from lib/settings/keys.ts.
import { RATE_LIMIT_SETTINGS, type RateLimitSetting } from '@/lib/settings/keys'
import type { FieldSpec } from './content-form'

const MARKDOWN_HINT =
  'Markdown går bra: tom rad mellan stycken, ## Rubrik, - punktlista, **fet**, [länktext](https://…). HTML visas som text.'

export function tripFields(hostCities: { id: number; name: string }[]): FieldSpec[] {
  return [
    { name: 'title', label: 'Rubrik', kind: 'text', required: true },
    { name: 'slug', label: 'Adressnamn', kind: 'text', required: true, hint: 'Syns i adressen /resor/…: små bokstäver a–z, siffror och bindestreck, t.ex. 2027-boras.' },
    { name: 'year', label: 'År', kind: 'number', required: true },
    { name: 'summary', label: 'Sammanfattning', kind: 'textarea', required: true, rows: 2, hint: 'En eller två meningar, visas i listan över resor.' },
    { name: 'description', label: 'Beskrivning', kind: 'textarea', rows: 10, hint: MARKDOWN_HINT },
    { name: 'startDate', label: 'Första dagen', kind: 'date', hint: 'ÅÅÅÅ-MM-DD' },
    { name: 'endDate', label: 'Sista dagen', kind: 'date', hint: 'ÅÅÅÅ-MM-DD. Tom för en dagsresa.' },
    { name: 'departureText', label: 'Avresa', kind: 'text', hint: 'T.ex. Kl. 06.30 från Mjölby resecentrum.' },
    { name: 'returnText', label: 'Hemresa', kind: 'text' },
    { name: 'boardingStops', label: 'Påstigningsplatser', kind: 'textarea', rows: 4, hint: 'En plats per rad, i den ordning bussen hämtar. Ändrar du namnet på en rad behåller anmälningarna sin plats.' },
    { name: 'hostCityIds', label: 'Orter som besöks', kind: 'checkboxes', options: hostCities.map((c) => ({ value: String(c.id), label: c.name })) },
    { name: 'priceSek', label: 'Pris i kronor', kind: 'number', hint: '0 för kostnadsfritt; tomt om priset inte är bestämt.' },
    { name: 'hasOvernight', label: 'Resan har övernattning', kind: 'checkbox' },
    { name: 'accommodation', label: 'Boende', kind: 'textarea', rows: 2 },
    { name: 'seats', label: 'Antal platser', kind: 'number', required: true },
    { name: 'published', label: 'Publicerad', kind: 'checkbox', hint: 'Syns på webbplatsen. Utan kryss är resan ett utkast som bara syns här i administrationen.' },
    { name: 'registrationOpensAt', label: 'Anmälan öppnar', kind: 'datetime-local', hint: 'Datum och klockslag, svensk tid: då öppnar anmälan av sig själv. Tomt: när du kryssar i att anmälan är öppen.' },
    { name: 'registrationOpen', label: 'Anmälan är öppen', kind: 'checkbox', hint: 'Öppnar anmälan nu. Den stänger av sig själv vid sista anmälningsdag och senast när resan börjar.' },
    { name: 'registrationClosed', label: 'Anmälan är stängd', kind: 'checkbox', hint: 'Stänger anmälan före sista anmälningsdag, t.ex. när reservlistan är lång nog.' },
    { name: 'registrationDeadline', label: 'Sista anmälningsdag', kind: 'datetime-local', hint: 'Datum och klockslag, svensk tid.' },
    { name: 'changesAllowedUntil', label: 'Sista dag för ändringar', kind: 'datetime-local', hint: 'Därefter kan deltagarna bara avboka. Tomt: ändringar går fram till avresan.' },
    { name: 'reminderDaysBefore', label: 'Påminnelse, dagar före avresa', kind: 'number', required: true },
  ]
}

export const PROGRAMME_ITEM_FIELDS: FieldSpec[] = [
  { name: 'day', label: 'Dag', kind: 'date', required: true, hint: 'ÅÅÅÅ-MM-DD' },
  { name: 'startTime', label: 'Starttid', kind: 'time', required: true, hint: 'TT:MM, svensk tid' },
  { name: 'endTime', label: 'Sluttid', kind: 'time', hint: 'TT:MM, svensk tid. Kan lämnas tom.' },
  { name: 'title', label: 'Rubrik', kind: 'text', required: true },
  { name: 'place', label: 'Plats', kind: 'text' },
  { name: 'participants', label: 'Vilka medverkar', kind: 'textarea', rows: 2 },
]

export const HOST_CITY_FIELDS: FieldSpec[] = [
  { name: 'name', label: 'Namn', kind: 'text', required: true },
  { name: 'slug', label: 'Adressnamn', kind: 'text', required: true, hint: 'Syns i adressen /orter/…: små bokstäver a–z, siffror och bindestreck.' },
  { name: 'county', label: 'Län', kind: 'text', required: true },
  { name: 'population', label: 'Invånare', kind: 'number' },
  { name: 'portrait', label: 'Porträtt', kind: 'textarea', rows: 10, hint: MARKDOWN_HINT },
]

export const SETTINGS_FIELDS: FieldSpec[] = [
  { name: 'organiserName', label: 'Arrangör', kind: 'text', required: true },
  { name: 'phone', label: 'Telefon', kind: 'tel', required: true },
  { name: 'phoneHours', label: 'Telefontider', kind: 'text', required: true },
  { name: 'email', label: 'E-post', kind: 'email', required: true },
  { name: 'postalAddress', label: 'Postadress', kind: 'textarea', required: true, rows: 3 },
  { name: 'visitingAddress', label: 'Besöksadress', kind: 'textarea', rows: 2 },
]

// ---- Privacy notice, retention and rate limits (the rest of /admin/installningar) ----

export const PRIVACY_FIELDS: FieldSpec[] = [
  {
    name: 'privacyController',
    label: 'Personuppgiftsansvarig',
    kind: 'text',
    hint: 'Den som ansvarar för uppgifterna, oftast en nämnd, t.ex. Kommunstyrelsen i Mjölby kommun. Tomt: arrangören under Kontaktuppgifter.',
  },
  {
    name: 'dataProtectionContact',
    label: 'Dataskyddsombud',
    kind: 'textarea',
    rows: 3,
    hint: 'Hur man når dataskyddsombudet, t.ex. namn, e-post och telefon. Visas som kontakt för frågor om personuppgifter. Tomt: arrangörens kontaktuppgifter.',
  },
  {
    name: 'privacyLegalBasis',
    label: 'Rättslig grund',
    kind: 'textarea',
    required: true,
    rows: 4,
    hint: 'Med vilket stöd i dataskyddsförordningen uppgifterna behandlas. Tom rad mellan stycken.',
  },
  {
    name: 'privacyRecipients',
    label: 'Vilka som får uppgifterna',
    kind: 'textarea',
    required: true,
    rows: 3,
    hint: 'T.ex. bussbolaget, hotellet och restaurangerna, och vilka uppgifter var och en får. Tom rad mellan stycken.',
  },
]

export const RETENTION_FIELDS: FieldSpec[] = [
  {
    name: 'retentionMonths',
    label: 'Avidentifiera anmälningarna, månader efter resan',
    kind: 'number',
    required: true,
    hint: '1–120. Namn, kontaktuppgifter och svar tas bort; antalet anmälda finns kvar för statistik.',
  },
  {
    name: 'dietaryRetentionDays',
    label: 'Ta bort svaren om specialkost, dagar efter resan',
    kind: 'number',
    required: true,
    hint: '1–365. Svaren kan vara uppgifter om hälsa och ska inte sparas längre än resan kräver.',
  },
  {
    name: 'sentEmailRetentionDays',
    label: 'Rensa skickad e-post, dagar efter utskicket',
    kind: 'number',
    required: true,
    hint: '1–365. Mottagarens adress och texten tas bort; ämne, tid och status finns kvar.',
  },
]


/** "10 minuter", "timme", "2 timmar", "dygn": the window of a limit, as in "per 10 minuter". */
function windowText(seconds: number): string {
  if (seconds === 86_400) return 'dygn'
  if (seconds % 3600 === 0) return seconds === 3600 ? 'timme' : `${seconds / 3600} timmar`
  const minutes = Math.round(seconds / 60)
  return minutes === 1 ? 'minut' : `${minutes} minuter`
}

/** The rate-limit fields, each with its window (lib/rate-limits: `LIMITS`) in the hint. */
export function rateLimitFields(windowSeconds: Partial<Record<RateLimitSetting, number>>): FieldSpec[] {
  return Object.entries(RATE_LIMIT_SETTINGS).map(([key, label]) => {
    const name = key as RateLimitSetting
    const seconds = windowSeconds[name]
    return {
      name,
      label,
      kind: 'number',
      required: true,
      hint: `${seconds ? `Hur många som tillåts per ${windowText(seconds)}. ` : ''}1–100 000.`,
    }
  })
}
