// An uploaded photo, checked and made into the sizes the pages serve, with sharp (libvips). The
// file is decoded in full, so only a real JPEG, PNG or WebP gets through (not another file with
// such a name or type); it is turned upright by its EXIF orientation, and the variants are
// written as WebP without any metadata (camera, time, GPS position: a phone's photo tells where
// it was taken). The upload itself is not kept.
import sharp, { type Metadata } from 'sharp'

import { PHOTO_MAX_BYTES } from './limits'

export { PHOTO_MAX_BYTES }
/** Widths the pages ask for (srcset); a smaller upload gets its own width instead of larger ones. */
export const PHOTO_WIDTHS = [480, 960, 1600] as const
/** Smallest photo that still fills a phone's width. */
export const PHOTO_MIN_WIDTH = 320
export const PHOTO_MIN_HEIGHT = 120
/** Decoding more pixels than this costs seconds and hundreds of MB: a decompression bomb, or a scan. */
export const PHOTO_MAX_PIXELS = 50_000_000

const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp'])
const WEBP_QUALITY = 80

export const PHOTO_ERRORS = {
  missing: 'Välj en bild att ladda upp.',
  tooLarge: `Bilden är för stor: högst ${PHOTO_MAX_BYTES / 1024 / 1024} MB. Förminska den och försök igen.`,
  notAnImage: 'Filen är inte en bild i formatet JPEG, PNG eller WebP. (Bilder från iPhone i formatet HEIC behöver sparas som JPEG först.)',
  tooSmall: `Bilden är för liten: den behöver vara minst ${PHOTO_MIN_WIDTH} bildpunkter bred och ${PHOTO_MIN_HEIGHT} hög.`,
  tooManyPixels: `Bilden har för många bildpunkter (högst ${PHOTO_MAX_PIXELS / 1_000_000} miljoner). Förminska den och försök igen.`,
} as const

export type PhotoVariantData = { width: number; height: number; webp: Uint8Array<ArrayBuffer> }
export type PreparedPhoto = { ok: true; variants: PhotoVariantData[] } | { ok: false; error: string }

/** The widths to make for an upright photo `width` wide: the listed ones below it, and its own width capped at the largest. */
export function variantWidths(width: number): number[] {
  const largest = Math.min(width, PHOTO_WIDTHS[PHOTO_WIDTHS.length - 1]!)
  return [...new Set([...PHOTO_WIDTHS.filter((w) => w < largest), largest])]
}

/** Checks the uploaded bytes and makes the WebP variants, or says in Swedish why not. */
export async function preparePhoto(bytes: Uint8Array): Promise<PreparedPhoto> {
  if (bytes.byteLength === 0) return { ok: false, error: PHOTO_ERRORS.missing }
  if (bytes.byteLength > PHOTO_MAX_BYTES) return { ok: false, error: PHOTO_ERRORS.tooLarge }
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // failOn 'error': a cut-off or corrupt file is refused when decoded, not shown half grey.
  const options = { failOn: 'error', limitInputPixels: PHOTO_MAX_PIXELS, animated: false } as const
  let metadata: Metadata
  try {
    metadata = await sharp(input, options).metadata()
  } catch {
    return { ok: false, error: PHOTO_ERRORS.notAnImage }
  }
  if (!metadata.format || !ACCEPTED_FORMATS.has(metadata.format)) return { ok: false, error: PHOTO_ERRORS.notAnImage }
  if (metadata.width * metadata.height > PHOTO_MAX_PIXELS) return { ok: false, error: PHOTO_ERRORS.tooManyPixels }
  // EXIF orientations 5–8 turn the photo a quarter: its upright width is the stored height.
  const quarterTurn = (metadata.orientation ?? 1) >= 5
  const width = quarterTurn ? metadata.height : metadata.width
  const height = quarterTurn ? metadata.width : metadata.height
  if (width < PHOTO_MIN_WIDTH || height < PHOTO_MIN_HEIGHT) return { ok: false, error: PHOTO_ERRORS.tooSmall }
  try {
    // One decode, turned upright; each variant a clone of it. sharp writes no metadata unless
    // asked (withMetadata/keepExif), and converts the colours to sRGB.
    const upright = sharp(input, options).rotate()
    const variants: PhotoVariantData[] = []
    for (const w of variantWidths(width)) {
      const { data, info } = await upright
        .clone()
        .resize({ width: w, withoutEnlargement: true })
        .webp({ quality: WEBP_QUALITY })
        .toBuffer({ resolveWithObject: true })
      variants.push({ width: info.width, height: info.height, webp: new Uint8Array(data) })
    }
    return { ok: true, variants }
  } catch {
    // The header was readable, the pixels were not (a truncated or damaged file).
    return { ok: false, error: PHOTO_ERRORS.notAnImage }
  }
}
