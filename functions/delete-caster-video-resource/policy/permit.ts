// One request's standing with the limiter, and when a throttled request may try again.
import { QUOTA_WINDOW_MS, type Quota, type RateLimits, type RateState, TRIP_MS } from './adaptive-rate';
import type { RateLimiter } from './rate-limiter';

/**
 * When a throttled request may try again, before its spread: once this
 * instance's last accepted request has left the quota window (with none in it,
 * the window is full of others' requests and drains within one), and not
 * before a pause Live asked for.
 */
export function clearTime(state: RateState, at: number, quota: Quota): number {
  const last = state.lastAccepted[quota];
  const clear = last > at - QUOTA_WINDOW_MS ? last + QUOTA_WINDOW_MS + TRIP_MS : at + QUOTA_WINDOW_MS;
  return Math.max(clear, state.pausedUntil);
}

/** A random part (`draw`) of half a period, added to a retry's time so that two instances that collided part. */
export function spreadMs(state: RateState, limits: RateLimits, draw: number): number {
  return Math.max(state.phase.slots, 2) * limits.slotMs * 0.5 * draw;
}

/**
 * One request's standing with the limiter: it waits for the request's turn,
 * reports what Live answered, knows the request's first throttle (news of
 * congestion) from its retries' (a hunt for a free slot), and computes the
 * request's own next time after a throttle.
 */
export class Permit {
  private throttleCount = 0;
  private sentAt = Number.NaN;
  private nextAt = 0;

  constructor(
    private readonly limiter: RateLimiter,
    private readonly latest: number,
    private readonly quota: Quota,
  ) {}

  /** Resolves true when the request may leave now, false when it cannot by its latest time. `notBefore`: a backoff's end. */
  async wait(notBefore = 0): Promise<boolean> {
    const sent = await this.limiter.acquire(this.latest, Math.max(notBefore, this.nextAt));
    if (sent) this.sentAt = this.limiter.now();
    return sent;
  }

  answered(): void {
    this.limiter.report({ kind: 'answer', at: this.limiter.now(), sentAt: this.sentAt, quota: this.quota });
  }

  throttled(retryAfterMs?: number): void {
    const { quota } = this;
    const first = this.throttleCount === 0;
    const event = { at: this.limiter.now(), sentAt: this.sentAt, quota, first, backlog: this.limiter.waiting() > 0 };
    this.limiter.report({ kind: 'throttle', ...event, retryAfterMs, draw: this.limiter.random() });
    this.throttleCount += 1;
    this.nextAt = this.limiter.retryTime(quota);
  }

  /** How many of the request's sends Live throttled. */
  get throttles(): number {
    return this.throttleCount;
  }

  /** Seconds a caller should wait before trying this request again, at least one. */
  retryAfterSeconds(): number {
    const at = this.nextAt > 0 ? this.nextAt : this.limiter.retryTime(this.quota);
    return Math.max(1, Math.ceil((at - this.limiter.now()) / 1000));
  }
}
