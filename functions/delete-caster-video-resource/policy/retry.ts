import { DEFAULTS } from '../constants';
import { FunctionError, isThrottlingCode, NotAttemptedError } from '../errors';
import type { Deadline } from './deadline';
import type { RateLimiter } from './rate-limiter';

export interface RetryOptions {
  maxAttempts: number;
  deadline: Deadline;
  limiter: RateLimiter;
  baseMs?: number;
  capMs?: number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export type Attempted<T> = { ok: true; value: T; attempts: number } | { ok: false; error: FunctionError; attempts: number };

/** Below this much remaining time an attempt cannot finish, so none is started. */
const MIN_ATTEMPT_MS = 50;

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"): uniform in [0, min(cap, base·2^(n-1))]. */
export function backoffDelay(retry: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  return random() * Math.min(capMs, baseMs * 2 ** (retry - 1));
}

function retryAfterSeconds(retry: number, baseMs: number, capMs: number): number {
  return Math.max(1, Math.ceil(Math.min(capMs, baseMs * 2 ** (retry - 1)) / 1000));
}

/**
 * Runs `attempt` until it succeeds, fails for good, runs out of attempts or
 * would run past the deadline. Every attempt first takes a slot from the
 * instance's rate limiter. Only `retryable` failures are tried again.
 */
export async function withRetries<T>(
  attempt: (timeoutMs: number, boundByDeadline: boolean) => Promise<T>,
  opts: RetryOptions,
): Promise<Attempted<T>> {
  const baseMs = opts.baseMs ?? DEFAULTS.backoffBaseMs;
  const capMs = opts.capMs ?? DEFAULTS.backoffCapMs;
  const random = opts.random ?? Math.random;
  const sleep = opts.sleep ?? sleepFor;
  let lastError: FunctionError | undefined;
  let attempts = 0;

  while (attempts < opts.maxAttempts) {
    if (attempts > 0) {
      const delay = backoffDelay(attempts, baseMs, capMs, random);
      if (delay + MIN_ATTEMPT_MS > opts.deadline.remaining()) break;
      await sleep(delay);
    }
    // A slot, then the go-ahead when it comes (a late timer may have to wait a little more).
    let wait = opts.limiter.reserve(opts.deadline.at - MIN_ATTEMPT_MS);
    while (wait !== undefined) {
      if (wait > 0) await sleep(wait);
      wait = opts.limiter.admit(opts.deadline.at - MIN_ATTEMPT_MS);
      if (wait === 0) break;
    }
    // No slot before the deadline: the last answer stands, or the record was not attempted at all.
    if (wait === undefined) break;
    const remaining = opts.deadline.remaining();
    if (remaining < MIN_ATTEMPT_MS) break;
    attempts += 1;
    const timeoutMs = Math.min(DEFAULTS.attemptTimeoutMs, remaining);
    let value: T;
    const sentAt = Date.now();
    try {
      value = await attempt(timeoutMs, timeoutMs === remaining);
    } catch (err) {
      // Not an answer or a transport failure: a bug, for the handler to report as FunctionFault.
      if (!(err instanceof FunctionError)) throw err;
      lastError = err;
      if (isThrottlingCode(err.code)) opts.limiter.onThrottle(err.retryAfterMs, sentAt);
      else if (err.requestId) opts.limiter.onAnswer();
      if (!lastError.retryable) return { ok: false, error: lastError, attempts };
      continue;
    }
    opts.limiter.onAnswer();
    return { ok: true, value, attempts };
  }
  const error = lastError ?? new NotAttemptedError();
  if (error.status === 429 || error.status === 503) {
    error.retryAfterSeconds ??= retryAfterSeconds(attempts, baseMs, capMs);
  }
  return { ok: false, error, attempts };
}
