// The confirmation after a save: the action redirects with ?status=<key>, the page says so.
const MESSAGES: Record<string, string> = {
  'resa-skapad': 'Resan är skapad.',
  'resa-sparad': 'Ändringarna är sparade och syns på den publika sidan.',
  'resa-kopierad': 'Kopian är skapad som utkast. Fyll i datum och det som ska ändras, och kryssa i Publicerad när den ska synas.',
  'resa-borttagen': 'Resan är borttagen.',
  'punkt-tillagd': 'Programpunkten är tillagd.',
  'punkt-sparad': 'Programpunkten är sparad.',
  'punkt-borttagen': 'Programpunkten är borttagen.',
  'ort-skapad': 'Orten är tillagd.',
  'ort-sparad': 'Ändringarna av orten är sparade.',
  'installningar-sparade': 'Kontaktuppgifterna är sparade.',
  'bild-sparad': 'Bilden är sparad och syns på den publika sidan.',
  'bild-borttagen': 'Bilden är borttagen.',
}

export function AdminStatus({ status }: { status: string | string[] | undefined }) {
  const message = typeof status === 'string' ? MESSAGES[status] : undefined
  if (!message) return null
  return (
    <div className="notice notice--ok" role="status">
      <p>{message}</p>
    </div>
  )
}
