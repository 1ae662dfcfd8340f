// The page a person gets while the database is away (proxy.ts asks lib/health's databaseAnswers
// first): 503 with Retry-After, in Swedish, saying that nothing was saved. Plain HTML with no
// styles or scripts, because nothing the site renders can be relied on during an outage.

export const OUTAGE_RETRY_AFTER_SECONDS = 30

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** `path`: the address asked for (with its query), offered again as "Försök igen" after a GET. */
export function outagePage({ posted, path }: { posted: boolean; path: string }): string {
  const what = posted
    ? '<p>Det du skickade har <strong>inte</strong> sparats. Gå tillbaka i webbläsaren, där det du fyllt i oftast finns kvar, och skicka igen om en liten stund.</p>'
    : `<p><a href="${escapeHtml(path)}">Försök igen</a> om en liten stund.</p>`
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tekniskt fel – Mjölbybussen</title>
</head>
<body>
<main>
<h1>Tekniskt fel</h1>
<p>Mjölbybussens webbplats kan inte nå sin databas just nu, så vi kan inte visa eller spara anmälningar för tillfället. Felet brukar gå över inom några minuter.</p>
${what}
<p><a href="/">Till startsidan</a></p>
</main>
</body>
</html>
`
}
