/**
 * Per-instance send-rate bound (SPEC §6: at most LIVE_QPS requests a second
 * across concurrent invocations and batch items). A sliding window of
 * reserved send times: the n-th send waits until the (n - capacity)-th is a
 * full window old. Written by hand because it must share one state across
 * invocations of the instance and give up at the invocation's deadline, which
 * the usual token-bucket packages do not offer together.
 */
export class RateLimiter {
  private readonly capacity: number;
  private readonly windowMs: number;
  /** Reserved send times, ascending; only the last `capacity` matter. */
  private readonly sends: number[] = [];

  /** `marginMs` widens the window so timer drift and network jitter cannot squeeze sends together at the receiver. */
  constructor(qps: number, marginMs = 25, private readonly now: () => number = Date.now) {
    this.capacity = Math.max(1, Math.floor(qps));
    this.windowMs = (this.capacity * 1000) / qps + marginMs;
  }

  /** Reserves the earliest allowed send time; returns how long to wait, or undefined when that is past `latest`. */
  reserve(latest: number): number | undefined {
    const now = this.now();
    const anchor = this.sends.length >= this.capacity ? this.sends[this.sends.length - this.capacity] : -Infinity;
    const at = Math.max(now, anchor + this.windowMs);
    if (at > latest) return undefined;
    this.sends.push(at);
    if (this.sends.length > this.capacity) this.sends.splice(0, this.sends.length - this.capacity);
    return at - now;
  }
}

const limiters = new Map<number, RateLimiter>();

/** One limiter per configured rate, kept for the life of the instance. */
export function limiterFor(qps: number): RateLimiter {
  let limiter = limiters.get(qps);
  if (!limiter) {
    limiter = new RateLimiter(qps);
    limiters.set(qps, limiter);
  }
  return limiter;
}
