import { db } from '../db'

export type SiteSettings = {
  organiserName: string
  phone: string
  phoneHours: string
  email: string
  postalAddress: string
  visitingAddress: string | null
  isPlaceholder: boolean
}

export async function getSiteSettings(): Promise<SiteSettings> {
  const row = await db().siteSettings.findUnique({ where: { id: 1 } })
  if (!row) throw new Error('Kontaktuppgifterna saknas i databasen: kör seed (npm start gör det).')
  return row
}
