// A host city as the organisers edit it (/admin/orter): the form's check (with the form kit),
// the save with its audit entry, and the reads its pages need. The public reads are in
// host-cities.ts.
import { z } from 'zod'
import { changedFields, recordAudit } from '../admin/audit'
import { db } from '../db'
import { integer, longText, requiredText, slug } from '../forms/fields'
import { asFormText, firstErrors, type RawForm, type SaveResult } from '../forms/form-state'

export const hostCitySchema = z.object({
  slug,
  name: requiredText('namn', 100),
  county: requiredText('län', 100),
  population: integer('invånare', { min: 0, max: 10_000_000, required: false }),
  portrait: longText('porträtt', 20_000),
})

export async function saveHostCity(actor: string, slugOrNull: string | null, raw: RawForm): Promise<SaveResult<{ slug: string; id: number }>> {
  const parsed = hostCitySchema.safeParse(raw)
  if (!parsed.success) return { ok: false, errors: firstErrors(parsed.error) }
  const data = parsed.data
  return db().$transaction(async (tx): Promise<SaveResult<{ slug: string; id: number }>> => {
    const existing = slugOrNull ? await tx.hostCity.findUnique({ where: { slug: slugOrNull } }) : null
    if (slugOrNull && !existing) return { ok: false, errors: { form: 'Orten finns inte längre.' } }
    if (data.slug !== slugOrNull && (await tx.hostCity.findUnique({ where: { slug: data.slug }, select: { id: true } })))
      return { ok: false, errors: { slug: 'Det finns redan en ort med det adressnamnet.' } }
    const city = existing ? await tx.hostCity.update({ where: { id: existing.id }, data }) : await tx.hostCity.create({ data })
    const changes = changedFields((existing ?? {}) as Record<string, unknown>, data)
    if (!existing || Object.keys(changes).length > 0)
      await recordAudit(tx, {
        actor,
        action: existing ? 'hostCity.updated' : 'hostCity.created',
        entityType: 'hostCity',
        entityId: city.id,
        summary: existing ? `Orten ${city.name} ändrades.` : `Orten ${city.name} lades till.`,
        changes,
      })
    return { ok: true, value: { slug: city.slug, id: city.id }, warnings: [] }
  })
}

export function getHostCityForEdit(slug: string) {
  return db().hostCity.findUnique({ where: { slug } })
}

export function hostCityFormValues(
  city: { slug: string; name: string; county: string; population: number | null; portrait: string } | null,
): Record<string, string> {
  if (!city) return {}
  return { slug: city.slug, name: city.name, county: city.county, population: asFormText.number(city.population), portrait: city.portrait }
}


/** Every host city, for the trip form's checkboxes. */
export function hostCityOptions() {
  return db().hostCity.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } })
}
