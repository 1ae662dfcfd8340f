// The part of autocannon 9's programmatic API that the benchmark uses (the package ships no types,
// and @types/autocannon is not installed). See node_modules/autocannon/README.md.
declare module 'autocannon' {
  export type Request = {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string | Buffer
  }
  /** Per-connection scratch space, shared by setupRequest and onResponse of one request. */
  export type Context = Record<string, unknown>
  export type RequestStep = Request & {
    setupRequest?: (request: Request, context: Context) => Request
    onResponse?: (status: number, body: string, context: Context, headers: Record<string, string | string[]>) => void
  }
  export type Options = Request & {
    url: string
    connections?: number
    duration?: number
    timeout?: number
    requests?: RequestStep[]
  }
  export type Histogram = { average: number; mean: number; p50: number; p99: number; max: number; total: number }
  export type Result = {
    requests: Histogram
    latency: Histogram
    errors: number
    timeouts: number
    non2xx: number
    '1xx': number
    '2xx': number
    '3xx': number
    '4xx': number
    '5xx': number
  }
  export default function autocannon(options: Options): Promise<Result>
}
