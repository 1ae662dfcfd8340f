// Photos of trips and host towns: the upload checked (a real JPEG, PNG or WebP made here with
// sharp; a text file named .jpg; too large, too small), metadata stripped, the variants made,
// stored in PostgreSQL and replaced, their texts changed and the photo removed, with audit entries.
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { db } from '../../lib/db'
import { PHOTO_ERRORS, PHOTO_MAX_BYTES, preparePhoto, variantWidths } from '../../lib/photos/process'
import { photoForEdit, readPhotoVariant, removePhoto, savePhoto } from '../../lib/photos/store'
import { isPhotoId } from '../../lib/photos/view'
import { createTestTrip } from '../support/factories'

const ACTOR = 'eva@mjolby.se'

/** A photo as a phone makes one: a JPEG with the camera, a description and a GPS position in its EXIF. */
async function phoneJpeg(width: number, height: number, options: { orientation?: number } = {}) {
  const image = sharp({ create: { width, height, channels: 3, background: { r: 40, g: 110, b: 160 } } })
    .composite([{ input: { create: { width: Math.floor(width / 3), height: Math.floor(height / 3), channels: 3, background: '#e8b040' } } }])
    .withExif({
      IFD0: { Make: 'Provkamera', Model: 'Hemlig modell', ImageDescription: 'Hemma hos Anna' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '58/1 19/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '15/1 8/1 0/1' },
    })
    .jpeg({ quality: 90 })
  const bytes = await (options.orientation ? image.withMetadata({ orientation: options.orientation }) : image).toBuffer()
  return new Uint8Array(bytes)
}

const asBlob = (bytes: Uint8Array, type = 'image/jpeg') => new Blob([new Uint8Array(bytes)], { type })

describe('preparePhoto', () => {
  it('makes WebP variants of 480, 960 and 1600 px from a large JPEG, without any metadata', async () => {
    const jpeg = await phoneJpeg(2400, 1600)
    const original = await sharp(jpeg).metadata()
    expect(original.exif?.toString('latin1')).toContain('Provkamera') // the test's photo does carry it
    const prepared = await preparePhoto(jpeg)
    if (!prepared.ok) throw new Error(prepared.error)
    expect(prepared.variants.map((v) => [v.width, v.height])).toEqual([
      [480, 320],
      [960, 640],
      [1600, 1067],
    ])
    for (const variant of prepared.variants) {
      const meta = await sharp(variant.webp).metadata()
      expect(meta.format).toBe('webp')
      expect(meta.exif).toBeUndefined()
      expect(meta.xmp).toBeUndefined()
      expect(meta.icc).toBeUndefined()
      const text = Buffer.from(variant.webp).toString('latin1')
      for (const secret of ['Provkamera', 'Hemlig modell', 'Hemma hos Anna', 'GPS']) expect(text).not.toContain(secret)
    }
  })

  it('turns a photo upright by its EXIF orientation and never enlarges a small one', async () => {
    // Stored 1200 × 800 with orientation 6 (turn a quarter clockwise): upright it is 800 wide.
    const prepared = await preparePhoto(await phoneJpeg(1200, 800, { orientation: 6 }))
    if (!prepared.ok) throw new Error(prepared.error)
    expect(prepared.variants.map((v) => [v.width, v.height])).toEqual([
      [480, 720],
      [800, 1200],
    ])
    expect(variantWidths(400)).toEqual([400])
    expect(variantWidths(960)).toEqual([480, 960])
    expect(variantWidths(5000)).toEqual([480, 960, 1600])
  })

  it('takes PNG and WebP too', async () => {
    const base = sharp({ create: { width: 640, height: 400, channels: 4, background: '#336699' } })
    for (const bytes of [await base.clone().png().toBuffer(), await base.clone().webp().toBuffer()]) {
      const prepared = await preparePhoto(new Uint8Array(bytes))
      expect(prepared.ok && prepared.variants.map((v) => v.width)).toEqual([480, 640])
    }
  })

  it('refuses a text file named .jpg, a GIF, a cut-off JPEG, a tiny image and a file over the limit, in Swedish', async () => {
    const text = new TextEncoder().encode('Det här är ingen bild, bara text i en fil som heter bild.jpg.\n')
    expect(await preparePhoto(text)).toEqual({ ok: false, error: PHOTO_ERRORS.notAnImage })
    expect(PHOTO_ERRORS.notAnImage).toMatch(/^Filen är inte en bild i formatet JPEG, PNG eller WebP/)
    const gif = await sharp({ create: { width: 640, height: 400, channels: 3, background: '#000' } }).gif().toBuffer()
    expect(await preparePhoto(new Uint8Array(gif))).toEqual({ ok: false, error: PHOTO_ERRORS.notAnImage })
    const jpeg = await phoneJpeg(1600, 1000)
    expect(await preparePhoto(jpeg.slice(0, Math.floor(jpeg.length / 2)))).toEqual({ ok: false, error: PHOTO_ERRORS.notAnImage })
    expect(await preparePhoto(await phoneJpeg(200, 100))).toEqual({ ok: false, error: PHOTO_ERRORS.tooSmall })
    const oversized = new Uint8Array(PHOTO_MAX_BYTES + 1)
    oversized.set(jpeg)
    expect(await preparePhoto(oversized)).toEqual({ ok: false, error: PHOTO_ERRORS.tooLarge })
    expect(PHOTO_ERRORS.tooLarge).toContain('högst 10 MB')
    expect(await preparePhoto(new Uint8Array(0))).toEqual({ ok: false, error: PHOTO_ERRORS.missing })
  })
})

describe('savePhoto and removePhoto', () => {
  it('stores a trip’s photo with its variants in PostgreSQL, serves each width, and records who added it', async () => {
    const trip = await createTestTrip(db())
    const result = await savePhoto(ACTOR, { kind: 'trip', slug: trip.slug }, { altText: ' Bussen vid Borås stadshus ', credit: 'Foto: Anna Berg' }, asBlob(await phoneJpeg(2000, 1250)))
    expect(result).toEqual({ ok: true, value: { slug: trip.slug }, warnings: [] })
    const photo = await photoForEdit({ kind: 'trip', slug: trip.slug })
    expect(photo).toMatchObject({ altText: 'Bussen vid Borås stadshus', credit: 'Anna Berg' })
    expect(isPhotoId(photo!.id)).toBe(true)
    expect(photo!.variants).toEqual([
      { width: 480, height: 300 },
      { width: 960, height: 600 },
      { width: 1600, height: 1000 },
    ])
    const served = await readPhotoVariant(photo!.id, 960)
    expect((await sharp(served!).metadata()).width).toBe(960)
    expect(await readPhotoVariant(photo!.id, 700)).toBeNull()
    const audit = await db().auditEntry.findMany({ where: { entityType: 'trip', entityId: String(trip.id) } })
    expect(audit).toMatchObject([{ actor: ACTOR, action: 'trip.photo_added', summary: `Bilden till resan ${trip.title} lades till.` }])
  })

  it('keeps nothing when the alt text is missing, or the file is not an image, and says what is wrong', async () => {
    const trip = await createTestTrip(db())
    const owner = { kind: 'trip', slug: trip.slug } as const
    const noAlt = await savePhoto(ACTOR, owner, { altText: '   ', credit: '' }, asBlob(await phoneJpeg(1000, 700)))
    expect(noAlt.ok).toBe(false)
    expect(!noAlt.ok && noAlt.errors.altText).toMatch(/^Beskriv vad bilden visar/)
    const textFile = asBlob(new TextEncoder().encode('inte en bild'), 'image/jpeg')
    const notImage = await savePhoto(ACTOR, owner, { altText: 'En buss' }, textFile)
    expect(!notImage.ok && notImage.errors).toEqual({ photo: PHOTO_ERRORS.notAnImage })
    const nothing = await savePhoto(ACTOR, owner, { altText: 'En buss' }, null)
    expect(!nothing.ok && nothing.errors).toEqual({ photo: PHOTO_ERRORS.missing })
    const tooLarge = await savePhoto(ACTOR, owner, { altText: 'En buss' }, asBlob(new Uint8Array(PHOTO_MAX_BYTES + 1)))
    expect(!tooLarge.ok && tooLarge.errors).toEqual({ photo: PHOTO_ERRORS.tooLarge })
    expect(await db().photo.count()).toBe(0)
    expect(await db().photoVariant.count()).toBe(0)
    expect(await db().auditEntry.count()).toBe(0)
  })

  it('replaces a photo under a new id, changes only the texts when no file comes, and removes it', async () => {
    const trip = await createTestTrip(db())
    const owner = { kind: 'trip', slug: trip.slug } as const
    await savePhoto(ACTOR, owner, { altText: 'Första bilden' }, asBlob(await phoneJpeg(1000, 600)))
    const first = await photoForEdit(owner)
    await savePhoto(ACTOR, owner, { altText: 'Andra bilden', credit: 'Bo Ek' }, asBlob(await phoneJpeg(700, 500)))
    const second = await photoForEdit(owner)
    expect(second!.id).not.toBe(first!.id)
    expect(second!.variants.map((v) => v.width)).toEqual([480, 700])
    expect(await readPhotoVariant(first!.id, 480)).toBeNull() // the old photo's rows are gone
    expect(await db().photo.count()).toBe(1)

    expect(await savePhoto(ACTOR, owner, { altText: 'Andra bilden, ny text', credit: '' }, new Blob([]))).toMatchObject({ ok: true })
    const third = await photoForEdit(owner)
    expect(third).toMatchObject({ id: second!.id, altText: 'Andra bilden, ny text', credit: null })
    // The same texts again: nothing to record.
    await savePhoto(ACTOR, owner, { altText: 'Andra bilden, ny text' }, null)

    expect(await removePhoto(ACTOR, owner)).toBe(true)
    expect(await removePhoto(ACTOR, owner)).toBe(false)
    expect(await photoForEdit(owner)).toBeNull()
    expect(await db().photoVariant.count()).toBe(0)
    const actions = (await db().auditEntry.findMany({ where: { entityType: 'trip' }, orderBy: { id: 'asc' } })).map((a) => a.action)
    expect(actions).toEqual(['trip.photo_added', 'trip.photo_replaced', 'trip.photo_updated', 'trip.photo_removed'])
  })

  it('gives a host town its own photo, deleted with the town; a trip’s goes with the trip', async () => {
    const city = await db().hostCity.create({ data: { slug: 'mora', name: 'Mora', county: 'Dalarnas län', portrait: '' } })
    const trip = await createTestTrip(db())
    const jpeg = await phoneJpeg(900, 600)
    expect(await savePhoto(ACTOR, { kind: 'hostCity', slug: 'mora' }, { altText: 'Siljan i kvällsljus' }, asBlob(jpeg))).toMatchObject({ ok: true })
    expect(await savePhoto(ACTOR, { kind: 'trip', slug: trip.slug }, { altText: 'Bussen' }, asBlob(jpeg))).toMatchObject({ ok: true })
    expect(await photoForEdit({ kind: 'hostCity', slug: 'mora' })).toMatchObject({ altText: 'Siljan i kvällsljus' })
    expect(await photoForEdit({ kind: 'trip', slug: trip.slug })).toMatchObject({ altText: 'Bussen' })
    expect(await savePhoto(ACTOR, { kind: 'hostCity', slug: 'finns-inte' }, { altText: 'X' }, asBlob(jpeg))).toMatchObject({
      ok: false,
      errors: { form: 'Orten finns inte längre.' },
    })
    await db().hostCity.delete({ where: { id: city.id } })
    await db().trip.delete({ where: { id: trip.id } })
    expect(await db().photo.count()).toBe(0)
    expect(await db().photoVariant.count()).toBe(0)
  })
})
