/** Result of {@link runLoad}. */
export interface LoadResult {
  requests: number;
  errors: number;
  firstErrors: string[];
  seconds: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
}
/** Loopback load test: bounded by `requests` and `timeLimitMs`. */
export function runLoad(opts: { url: string; paths: readonly string[]; requests?: number; concurrency?: number; timeLimitMs?: number }): Promise<LoadResult>;
/** The malformed payloads the fuzz sends (seeded). */
export function fuzzCases(seed?: number): (string | Buffer)[];
/** Send one raw payload; resolves with the response status line, "closed" or "timeout". */
export function sendRaw(url: string, payload: string | Buffer, timeoutMs?: number): Promise<string>;
/** Send every fuzz case, then check the server still answers. */
export function runFuzz(opts: { url: string; seed?: number; parallel?: number }): Promise<{ cases: number; results: string[]; alive: boolean }>;
