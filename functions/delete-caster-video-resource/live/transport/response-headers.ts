// What the SDK drops: the headers of Live's error answers. The httpx wrapper
// beside this file hands over every response's headers with its request's;
// the signature nonce, unique per request and chosen by the Live client, tells
// which call they belong to (cheaper than an AsyncLocalStorage, whose promise
// hooks slow every await in the process).

/** What one call saw of Live's response headers. */
export interface Seen {
  retryAfterMs?: number;
}

export const NONCE_HEADER = 'x-acs-signature-nonce';
/** Live may ask for a pause; never longer than this. */
const MAX_RETRY_AFTER_MS = 60_000;

const inFlight = new Map<string, Seen>();

/** Starts watching the call signed with `nonce`; what its answer's headers say lands in the returned object. */
export function watch(nonce: string): Seen {
  const seen: Seen = {};
  inFlight.set(nonce, seen);
  return seen;
}

export function unwatch(nonce: string): void {
  inFlight.delete(nonce);
}

/** Called by the httpx wrapper for every response. */
export function received(
  headers: Record<string, string | string[] | undefined>,
  requestHeaders: Record<string, unknown> | undefined,
): void {
  const seen = inFlight.get(String(requestHeaders?.[NONCE_HEADER]));
  const raw = Number(headers['x-acs-retry-after']);
  if (seen && Number.isFinite(raw) && raw > 0) seen.retryAfterMs = Math.min(raw, MAX_RETRY_AFTER_MS);
}
