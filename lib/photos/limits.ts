// The size of a photo upload, known to the photo check (lib/photos/process.ts), the request guard
// in the proxy (lib/http/request-guards.ts) and Next.js's body limit (next.config.ts). Plain
// numbers, without sharp, so the proxy and the config can import them.

/** The largest photo file taken. */
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024
/** The largest body of a photo form: the file and the form's few text fields, with room to spare. */
export const PHOTO_FORM_MAX_BYTES = PHOTO_MAX_BYTES + 1024 * 1024

/** The pages whose forms upload a photo (a trip's and a host town's edit pages), which take the larger body. */
export function isPhotoUploadPage(pathname: string): boolean {
  return /^\/admin\/resor\/[^/]+\/redigera\/?$/.test(pathname) || (/^\/admin\/orter\/[^/]+\/?$/.test(pathname) && !/^\/admin\/orter\/ny\/?$/.test(pathname))
}
