// Settings of the organisers' sign-in that scripts and tests share without loading Better Auth.
export const MIN_PASSWORD_LENGTH = 12
/** A session lasts this long, and is extended to this long again once used after an hour. */
export const SESSION_HOURS = 8
