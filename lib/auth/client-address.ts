// The client's address, for the rate limits (lib/rate-limits). `next start` sets x-forwarded-for to
// the socket's address when a request comes without one. The LAST entry is the one the nearest
// proxy added (proxies that append, such as nginx's $proxy_add_x_forwarded_for, add the address
// they saw), so a client cannot pick the address it is counted under by sending its own header
// through such a proxy. Without a proxy in front, `next start` keeps a header the client sent:
// deploy behind one that sets or appends x-forwarded-for. (The limits per e-mail address hold
// either way.)
export function clientAddress(headers: Headers, socketAddress?: string): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',').at(-1)?.trim()
  return (forwarded || socketAddress || 'okänd').slice(0, 100)
}
