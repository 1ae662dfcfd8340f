/** On the seeded example trip's pages: it is an example, not a real trip. */
export function ExampleTripBanner() {
  return (
    <div className="notice notice--warn" role="note">
      <p>
        <strong>Detta är en exempelresa.</strong> Den finns för att visa hur en resa ser ut på webbplatsen och går att
        prova. Allt på sidan är påhittat. Arrangörerna ändrar eller tar bort den i administrationen.
      </p>
    </div>
  )
}
