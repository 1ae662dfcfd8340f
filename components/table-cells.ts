// How a cell of the organisers' tables wraps. A word longer than this (an e-mail address, a long
// compound name) may break anywhere, so that its column can narrow and a wide table fits the
// screen and the printed page; shorter words never break inside, so names and labels stay whole.
// A hyphen ends a word here as it does for the browser's line breaking ("Johansson-Wahlström").
const LONGEST_UNBROKEN_WORD = 16

export function cellWrapClass(text: string | number | null | undefined): string | undefined {
  if (text === null || text === undefined) return undefined
  return String(text)
    .split(/[\s-]+/)
    .some((word) => word.length > LONGEST_UNBROKEN_WORD)
    ? 'cell-long'
    : undefined
}
