// HTTP/1.1 by hand over a TCP socket, for requests no HTTP client would send: any bytes in the
// head and body, a Content-Length that does not match, a body cut short, headers repeated. And
// a small HTTP client that can choose its own loopback address (127.0.0.x), so a test can be one
// client among many as the site sees them.
import http from 'node:http'
import net from 'node:net'

export type RawAnswer = {
  /** The status of the answer, or null when the server closed the connection without one. */
  status: number | null
  head: string
  body: string
}

/**
 * Sends `bytes` as they are and reads until the server closes or `timeoutMs` passes (then the
 * socket is closed and what came so far is returned). `endAfterSending`: close our side once
 * sent, as a client that has nothing more to send does (for a body shorter than announced).
 */
export function rawRequest(port: number, bytes: Buffer, { endAfterSending = false, timeoutMs = 15_000 } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    const socket = net.connect({ host: '127.0.0.1', port })
    const timer = setTimeout(() => socket.destroy(), timeoutMs)
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('error', (err: NodeJS.ErrnoException) => {
      // The server may close the connection while the rest of a refused request is still on its way.
      if (err.code !== 'ECONNRESET' && err.code !== 'EPIPE') reject(err)
    })
    socket.on('close', () => {
      clearTimeout(timer)
      const text = Buffer.concat(chunks).toString('latin1')
      const split = text.indexOf('\r\n\r\n')
      const head = split === -1 ? text : text.slice(0, split)
      const status = head.match(/^HTTP\/1\.[01] (\d{3})/)?.[1]
      resolve({ status: status ? Number(status) : null, head, body: split === -1 ? '' : Buffer.from(text.slice(split + 4), 'latin1').toString('utf8') })
    })
    socket.write(bytes, () => {
      if (endAfterSending) socket.end()
    })
  })
}

/** A POST's bytes: the request line, Host and Origin of the site, the given header lines, Content-Length, the body. */
export function rawPost(
  port: number,
  path: string,
  headers: string[],
  body: Buffer,
  { contentLength = String(body.length) }: { contentLength?: string | null } = {},
): Buffer {
  const lines = [
    `POST ${path} HTTP/1.1`,
    `Host: 127.0.0.1:${port}`,
    `Origin: http://127.0.0.1:${port}`,
    'Connection: close',
    ...headers,
    ...(contentLength === null ? [] : [`Content-Length: ${contentLength}`]),
  ]
  return Buffer.concat([Buffer.from(lines.join('\r\n') + '\r\n\r\n', 'latin1'), body])
}

export type SimpleAnswer = {
  status: number
  location: string | undefined
  setCookie: string[]
  body: string
  headers: http.IncomingHttpHeaders
}

/** A request from a chosen local address (127.0.0.x reaches the site on 127.0.0.1 like any client). */
export function requestFrom(
  url: string,
  { method = 'GET', headers = {}, body, localAddress }: { method?: string; headers?: Record<string, string>; body?: Buffer; localAddress?: string },
): Promise<SimpleAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers, localAddress, timeout: 30_000 }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (c: Buffer) => chunks.push(c))
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          location: response.headers.location,
          setCookie: response.headers['set-cookie'] ?? [],
          body: Buffer.concat(chunks).toString('utf8'),
          headers: response.headers,
        }),
      )
    })
    request.on('timeout', () => request.destroy(new Error(`${method} ${url}: no answer in 30 s`)))
    request.on('error', reject)
    request.end(body)
  })
}

/** A FormData as the bytes and Content-Type a browser sends. */
export async function multipartBody(form: FormData): Promise<{ body: Buffer; contentType: string }> {
  const response = new Response(form)
  return { body: Buffer.from(await response.arrayBuffer()), contentType: response.headers.get('content-type')! }
}
