// A trip's or host town's photo: responsive (srcset of the WebP variants, with `sizes` saying how
// wide the page shows it), with its size in width and height so that the page does not move when
// it arrives, lazy unless it is the page's first image, and the credit line below.
import { creditLine, largestVariant, photoSrcSet, photoUrl, type PhotoView } from '@/lib/photos/view'

/** Beside a card's text on a wide screen (14rem), above it on a phone (the screen less the page's and card's padding). */
export const CARD_PHOTO_SIZES = '(min-width: 40rem) 14rem, calc(100vw - 5.5rem)'

export function Photo({
  photo,
  sizes,
  first = false,
  className,
}: {
  photo: PhotoView
  /** How wide the image is shown, as the img's `sizes` (e.g. "(min-width: 64rem) 61.5rem, 100vw"). */
  sizes: string
  /** The first image on the page: fetched at once instead of when scrolled to. */
  first?: boolean
  className?: string
}) {
  const largest = largestVariant(photo)
  if (!largest) return null
  // For a browser without srcset: the middle size, sharp enough on most screens.
  const fallback = photo.variants.find((v) => v.width >= 960) ?? largest
  return (
    <figure className={['photo', className].filter(Boolean).join(' ')}>
      <img
        src={photoUrl(photo.id, fallback.width)}
        srcSet={photoSrcSet(photo)}
        sizes={sizes}
        width={largest.width}
        height={largest.height}
        alt={photo.altText}
        loading={first ? 'eager' : 'lazy'}
        fetchPriority={first ? 'high' : undefined}
        decoding="async"
      />
      {photo.credit && <figcaption>{creditLine(photo.credit)}</figcaption>}
    </figure>
  )
}
