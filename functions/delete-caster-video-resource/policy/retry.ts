import { FunctionError, NotAttemptedError } from '../errors';
import type { Quota } from './adaptive-rate';
import { now as clock } from './clock';
import type { Deadline } from './deadline';
import type { RateLimiter } from './rate-limiter';

export interface RetryOptions {
  maxAttempts: number;
  deadline: Deadline;
  limiter: RateLimiter;
  /**
   * Event invocations: throttled requests are retried for as long as the
   * invocation has time, since a throw would redeliver the whole batch. HTTP
   * callers get their 429 after LIVE_MAX_ATTEMPTS instead.
   */
  retryThrottlesUntilDeadline: boolean;
  baseMs?: number;
  capMs?: number;
  random?: () => number;
  now?: () => number;
}

export type Attempted<T> =
  | { ok: true; value: T; attempts: number }
  | { ok: false; error: FunctionError; attempts: number };

/** Cap for one attempt; the remaining time caps it further. */
const ATTEMPT_TIMEOUT_MS = 10_000;
/** Full-jitter backoff for retryable failures other than throttling. */
const BACKOFF = { baseMs: 100, capMs: 2_000 } as const;
/** Below this much remaining time an attempt cannot finish, so none is started. */
const MIN_ATTEMPT_MS = 50;

/** Full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"): uniform in [0, min(cap, base·2^(n-1))]. */
export function backoffDelay(retry: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  return random() * Math.min(capMs, baseMs * 2 ** (retry - 1));
}

/**
 * Runs `attempt` until it succeeds, fails for good, runs out of attempts or
 * would run past the deadline: attempts, classification and backoff. When a
 * request may leave, and again after a throttle, is its permit's to say.
 */
export async function withRetries<T>(
  quota: Quota,
  attempt: (timeoutMs: number, boundByDeadline: boolean) => Promise<T>,
  opts: RetryOptions,
): Promise<Attempted<T>> {
  const { deadline } = opts;
  const now = opts.now ?? clock;
  const random = opts.random ?? Math.random;
  const permit = opts.limiter.permit(deadline.at - MIN_ATTEMPT_MS, quota);
  let lastError: FunctionError | undefined;
  let attempts = 0;
  let notBefore = 0;

  for (;;) {
    if (!(await permit.wait(notBefore))) break;
    const remaining = deadline.remaining();
    if (remaining < MIN_ATTEMPT_MS) break;
    attempts += 1;
    const timeoutMs = Math.min(ATTEMPT_TIMEOUT_MS, remaining);
    let value: T;
    try {
      value = await attempt(timeoutMs, timeoutMs === remaining);
    } catch (err) {
      // Not an answer or a transport failure: a bug, for the handler to report as FunctionFault.
      if (!(err instanceof FunctionError)) throw err;
      lastError = err;
      // Live's throttling answers are classified as 429s, whatever status they came with.
      const throttle = err.status === 429;
      if (throttle) {
        permit.throttled(err.retryAfterMs);
      } else if (err.requestId) {
        permit.answered();
      }
      if (!err.retryable) return { ok: false, error: err, attempts };
      const counted = opts.retryThrottlesUntilDeadline ? attempts - permit.throttles : attempts;
      if (counted >= opts.maxAttempts) break;
      notBefore = throttle
        ? 0
        : now() + backoffDelay(attempts, opts.baseMs ?? BACKOFF.baseMs, opts.capMs ?? BACKOFF.capMs, random);
      continue;
    }
    permit.answered();
    return { ok: true, value, attempts };
  }
  // No turn before the deadline: the last answer stands, or the record was not attempted at all.
  const error = lastError ?? new NotAttemptedError();
  const waits = (error.status === 429 || error.status === 503) && error.retryAfterSeconds === undefined;
  return { ok: false, error: waits ? error.with({ retryAfterSeconds: permit.retryAfterSeconds() }) : error, attempts };
}
