// The client's address, for the rate limits (lib/rate-limits). `next start` sets x-forwarded-for to the
// socket's address when a request comes without one; behind a reverse proxy the PROXY MUST SET
// (replace, not append to) x-forwarded-for, or a client could send its own and pick the address
// it is counted under. (The limit per e-mail address holds either way.)
export function clientAddress(headers: Headers, socketAddress?: string): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim()
  return (forwarded || socketAddress || 'okänd').slice(0, 100)
}
