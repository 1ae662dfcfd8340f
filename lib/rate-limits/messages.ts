// The Swedish words for "try again in …", for forms on both sides of the client boundary (this
// file imports nothing, so a client component may use it).

/** Whole minutes, rounded up: "om 1 minut" is never said when 61 seconds are left. */
export function minutesLeft(retryAfterSeconds: number): number {
  return Math.max(1, Math.ceil(retryAfterSeconds / 60))
}

export function tryAgainIn(retryAfterSeconds: number): string {
  const minutes = minutesLeft(retryAfterSeconds)
  return minutes === 1 ? 'Försök igen om en minut.' : `Försök igen om ${minutes} minuter.`
}
