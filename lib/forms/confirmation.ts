// What cannot be undone by a click (cancelling a registration, deleting a trip or a programme item,
// a message to many) is done only from its confirmation step, whose button posts this field. An
// action posted without it does nothing and goes back to the confirmation step.
export const CONFIRMED_FIELD = 'confirmed'

/** Whether a post came from a confirmation step's button. */
export function isConfirmed(formData: FormData): boolean {
  return formData.get(CONFIRMED_FIELD) === '1'
}
