// A photo as the pages show it: what to select with a trip or host town (never the bytes), and
// its addresses. Each address names the photo's random id, which a new upload replaces, so what
// is served there never changes and can be cached for ever (app/bilder/[id]/[file]/route.ts).

/** With a trip or host town: the photo's text and sizes, not its bytes. */
export const photoSelect = {
  select: {
    id: true,
    altText: true,
    credit: true,
    variants: { select: { width: true, height: true }, orderBy: { width: 'asc' } },
  },
} as const

export type PhotoView = { id: string; altText: string; credit: string | null; variants: { width: number; height: number }[] }

/** A photo's id: 16 characters of base64url (lib/photos/store.ts makes them). */
export const isPhotoId = (id: string) => /^[A-Za-z0-9_-]{16}$/.test(id)

export const photoUrl = (id: string, width: number) => `/bilder/${id}/${width}.webp`

/** The width a variant's file name asks for (`960.webp`), or null for any other name. */
export function widthFromFileName(file: string): number | null {
  const match = /^([1-9][0-9]{1,4})\.webp$/.exec(file)
  return match ? Number(match[1]) : null
}

/** The largest variant (its size goes in the img's width and height, so the page does not jump). */
export const largestVariant = (photo: PhotoView) => photo.variants[photo.variants.length - 1]

export const photoSrcSet = (photo: PhotoView) => photo.variants.map((v) => `${photoUrl(photo.id, v.width)} ${v.width}w`).join(', ')

/** The credit line as typed ("Anna Berg"), shown as "Foto: Anna Berg". */
export const creditLine = (credit: string) => `Foto: ${credit}`
