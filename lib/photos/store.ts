// The organisers' photos of trips and host towns (/admin/resor/[slug]/redigera, /admin/orter/[slug]):
// add, replace, change the texts, remove; each in one transaction under the owner's row lock, with
// its audit entry. The variants are made before the transaction (sharp takes a second or two).
import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { recordAudit } from '../admin/audit'
import { db, type InTransaction } from '../db'
import { optionalText, requiredText } from '../forms/fields'
import { firstErrors, type FieldErrors, type RawForm, type SaveResult } from '../forms/form-state'
import { lockTrip } from '../trips/lock'
import { couldBeSlug } from '../trips/queries'
import { PHOTO_ERRORS, PHOTO_MAX_BYTES, preparePhoto, type PhotoVariantData } from './process'
import { photoSelect, type PhotoView } from './view'

/** Whose photo: a trip's or a host town's, by its slug. */
export type PhotoOwner = { kind: 'trip' | 'hostCity'; slug: string }

export const photoTextSchema = z.object({
  altText: requiredText('bildbeskrivning', 300, {
    missing: 'Beskriv vad bilden visar, för den som inte kan se den (till exempel: Bussen framför Borås stadshus).',
  }),
  // Typed "Foto: Anna Berg" or "Anna Berg": the page writes "Foto:" itself.
  credit: optionalText('fotograf', 120).transform((s) => (s ? s.replace(/^foto\s*:\s*/i, '').trim() || null : null)),
})

export type PhotoFields = 'photo' | 'altText' | 'credit'

const OWNER_WORD = { trip: 'resan', hostCity: 'orten' } as const

/**
 * Saves what the photo form sent: a new file (adds the photo or replaces the one there), or only
 * the texts of the photo there. Nothing is stored unless everything is right.
 */
export async function savePhoto(actor: string, owner: PhotoOwner, raw: RawForm, file: Blob | null): Promise<SaveResult<{ slug: string }>> {
  const parsed = photoTextSchema.safeParse(raw)
  const errors: FieldErrors<PhotoFields | 'form'> = parsed.success ? {} : firstErrors(parsed.error)
  const upload = file && file.size > 0 ? file : null
  let variants: PhotoVariantData[] | null = null
  if (upload && upload.size > PHOTO_MAX_BYTES) errors.photo = PHOTO_ERRORS.tooLarge
  else if (upload) {
    const prepared = await preparePhoto(new Uint8Array(await upload.arrayBuffer()))
    if (prepared.ok) variants = prepared.variants
    else errors.photo = prepared.error
  } else if (!(await photoForEdit(owner))) errors.photo = PHOTO_ERRORS.missing
  if (!parsed.success || errors.photo) return { ok: false, errors }
  const texts = parsed.data

  return db().$transaction(async (tx): Promise<SaveResult<{ slug: string }>> => {
    const target = await lockOwner(tx, owner)
    if (!target) return { ok: false, errors: { form: owner.kind === 'trip' ? 'Resan finns inte längre.' : 'Orten finns inte längre.' } }
    const where = owner.kind === 'trip' ? { tripId: target.id } : { hostCityId: target.id }
    const existing = await tx.photo.findUnique({ where, select: { id: true, altText: true, credit: true } })
    if (!variants && !existing) return { ok: false, errors: { photo: PHOTO_ERRORS.missing } }
    const changes: Record<string, { from: unknown; to: unknown }> = {}
    if (existing?.altText !== texts.altText) changes.altText = { from: existing?.altText ?? null, to: texts.altText }
    if ((existing?.credit ?? null) !== texts.credit) changes.credit = { from: existing?.credit ?? null, to: texts.credit }
    if (variants) {
      // A new id, so the new photo's addresses are new and nobody's cache shows the old one.
      if (existing) await tx.photo.delete({ where: { id: existing.id } })
      await tx.photo.create({
        data: { id: randomBytes(12).toString('base64url'), ...where, ...texts, variants: { create: variants } },
      })
      changes.photo = { from: existing ? 'en bild' : null, to: 'en ny bild' }
    } else {
      if (Object.keys(changes).length === 0) return { ok: true, value: { slug: target.slug }, warnings: [] }
      await tx.photo.update({ where: { id: existing!.id }, data: texts })
    }
    const action = !existing ? 'photo_added' : variants ? 'photo_replaced' : 'photo_updated'
    const did = !existing ? 'lades till' : variants ? 'byttes' : 'fick ny text'
    await recordAudit(tx, {
      actor,
      action: `${owner.kind}.${action}`,
      entityType: owner.kind,
      entityId: target.id,
      summary: `Bilden till ${OWNER_WORD[owner.kind]} ${target.name} ${did}.`,
      changes,
    })
    return { ok: true, value: { slug: target.slug }, warnings: [] }
  })
}

/** Removes the trip's or town's photo; false if there was none (or no such trip or town). */
export async function removePhoto(actor: string, owner: PhotoOwner): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const target = await lockOwner(tx, owner)
    if (!target) return false
    const where = owner.kind === 'trip' ? { tripId: target.id } : { hostCityId: target.id }
    const existing = await tx.photo.findUnique({ where, select: { id: true, altText: true } })
    if (!existing) return false
    await tx.photo.delete({ where: { id: existing.id } })
    await recordAudit(tx, {
      actor,
      action: `${owner.kind}.photo_removed`,
      entityType: owner.kind,
      entityId: target.id,
      summary: `Bilden till ${OWNER_WORD[owner.kind]} ${target.name} togs bort.`,
      changes: { photo: { from: existing.altText, to: null } },
    })
    return true
  })
}

/** The photo of a trip or town as its edit page shows it, or null. */
export async function photoForEdit(owner: PhotoOwner): Promise<PhotoView | null> {
  if (!couldBeSlug(owner.slug)) return null
  const where = owner.kind === 'trip' ? { trip: { slug: owner.slug } } : { hostCity: { slug: owner.slug } }
  return db().photo.findFirst({ where, ...photoSelect })
}

/** One variant's bytes, for the route that serves it; null if there is no such photo or width. */
export async function readPhotoVariant(photoId: string, width: number): Promise<Uint8Array | null> {
  const variant = await db().photoVariant.findUnique({ where: { photoId_width: { photoId, width } }, select: { webp: true } })
  return variant?.webp ?? null
}

/** Locks the owner's row until the transaction ends (two saves of one photo take turns). */
async function lockOwner(tx: InTransaction, owner: PhotoOwner): Promise<{ id: number; slug: string; name: string } | null> {
  if (!couldBeSlug(owner.slug)) return null
  if (owner.kind === 'trip') {
    const trip = await lockTrip(tx, { slug: owner.slug })
    return trip && { id: trip.id, slug: trip.slug, name: trip.title }
  }
  const [city] = await tx.$queryRaw<{ id: number; slug: string; name: string }[]>`
    SELECT id, slug, name FROM "HostCity" WHERE slug = ${owner.slug} FOR UPDATE`
  return city ?? null
}

/** The file a photo form posted in its `photo` field, or null (no file chosen posts an empty one). */
export function uploadedFile(formData: FormData): Blob | null {
  const file = formData.get('photo')
  return file instanceof Blob && file.size > 0 ? file : null
}
