/**
 * Client-side adaptive send rate, after the AWS SDK's adaptive retry mode
 * (`DefaultRateLimiter` in smithy-lang/smithy-typescript,
 * packages/util-retry/src/DefaultRateLimiter.ts, Apache-2.0): on a throttling
 * answer the allowed rate drops to BETA times the measured send rate, then
 * climbs back along the CUBIC curve W(t) = C·(t − K)³ + Wmax, which passes
 * BETA·Wmax at the cut, flattens out near Wmax (the rate that was throttled)
 * and only then probes beyond it. Live's quota is per account and shared with
 * every other FC instance, so this is how one instance finds its share of it.
 *
 * This class only says how fast to send (`rate`, `pausedUntil`); spacing the
 * sends is the caller's token bucket. Differences from AWS's, and why:
 * - The measured rate is fed by `onSend` (a request leaving), and a 0.5 s
 *   bucket is closed before the send that opens the next one is counted, so
 *   sparse sends are not overstated; the first bucket starts at the first
 *   send, not at construction, since an instance may sit idle for long.
 * - Recovery is bounded by `ceiling` (LIVE_QPS) only, not also by twice the
 *   measured rate: a success should never lower the allowance.
 * - Slow start: AWS sends freely until the first throttle. Here a new instance
 *   starts at START_SHARE of the ceiling and climbs the curve to it from its
 *   first send: four instances starting together at LIVE_QPS 20 against a
 *   20/s quota were throttled on 18-22 % of their requests, 12-13 % with it
 *   (`npm run scaleout`), at the price of a slower first second for a lone one.
 * No timers and no module state: everything is read off the injected clock,
 * so one instance can be shared by all invocations of an FC instance.
 */

/** Multiplicative cut on a throttle (AWS `beta`). */
export const BETA = 0.7;
/** CUBIC scale constant, rps/s³ (AWS `scaleConstant`). */
export const SCALE = 0.4;
/** Weight of the newest 0.5 s bucket in the measured send rate (AWS `smooth`). */
export const SMOOTH = 0.8;
/** Buckets over which the send rate is measured, ms (AWS: half-second buckets). */
export const BUCKET_MS = 500;
/** Lowest allowed rate, rps (AWS `minFillRate`): never stop sending altogether. */
export const FLOOR_RPS = 0.5;
/** Lowest allowed rate as a share of the ceiling. */
export const FLOOR_SHARE = 0.25;
/** Share of the ceiling a new instance starts at (slow start). */
export const START_SHARE = 0.5;

export interface AdaptiveRateOptions {
  /** LIVE_QPS: requests per second this instance may never exceed. */
  ceiling: number;
  /** Millisecond clock; Date.now unless a test drives a virtual one. */
  now?: () => number;
  /** Begin at the floor and climb to the ceiling from the first send (default), or begin at the ceiling. */
  slowStart?: boolean;
}

export class AdaptiveRate {
  private readonly ceiling: number;
  private readonly floor: number;
  private readonly now: () => number;
  private current: number;
  /** Whether a throttle has cut the rate and it has not yet climbed back to the ceiling. */
  private cut = false;
  /** Rate the last throttle was measured at (CUBIC Wmax), rps. */
  private wMax = 0;
  /** Seconds the curve takes from the cut back to wMax (CUBIC K). */
  private k = 0;
  /** When the curve started: the last cut, or the first send (slow start); undefined before either. */
  private lastCutAt: number | undefined;
  private pauseEnd = 0;
  /** Smoothed send rate, rps; undefined until a bucket has closed. */
  private measured: number | undefined;
  /** Start (ms) of the open bucket; undefined before the first send. */
  private bucketStart: number | undefined;
  private bucketCount = 0;

  constructor(options: AdaptiveRateOptions) {
    const { ceiling } = options;
    if (!Number.isFinite(ceiling) || ceiling <= 0) throw new RangeError(`ceiling must be a positive number, got ${ceiling}`);
    this.ceiling = ceiling;
    // A ceiling under the floor wins: the configured LIVE_QPS is a hard bound.
    // Never below a quarter of LIVE_QPS either: a few throttles must not stall a large instance for seconds
    // (AWS's absolute 0.5 rps floor did, at LIVE_QPS 400 under scattered throttling).
    this.floor = Math.min(Math.max(FLOOR_RPS, ceiling * FLOOR_SHARE), ceiling);
    this.now = options.now ?? Date.now;
    // Slow start: FC adds instances when others already share the quota, so a new one begins at
    // half the ceiling and climbs the curve to it from its first send, as if just cut from it.
    const start = Math.max(this.floor, ceiling * START_SHARE);
    const slow = (options.slowStart ?? true) && start < ceiling;
    this.current = slow ? start : ceiling;
    this.wMax = ceiling;
    this.k = slow ? Math.cbrt((ceiling - start) / SCALE) : 0;
    this.cut = slow;
  }

  /**
   * Allowed send rate now, requests per second, within [floor, ceiling]. After
   * a cut it also follows the curve with time alone: an instance that was
   * throttled and then sat idle must not stay slow until an answer arrives
   * (its first send would wait 1/floor seconds, longer than a short timeout).
   */
  rate(): number {
    if (!this.cut) return this.current;
    return Math.max(this.current, this.curve());
  }

  private curve(): number {
    if (this.lastCutAt === undefined) return this.current;
    const s = (this.now() - this.lastCutAt) / 1000;
    return this.clamp(SCALE * (s - this.k) ** 3 + this.wMax);
  }

  /** Nothing may be sent before this time (ms on the injected clock); 0 when no pause was asked for. */
  pausedUntil(): number {
    return this.pauseEnd;
  }

  /** A request is leaving: count it towards the measured send rate. */
  onSend(): void {
    const t = this.now();
    const bucket = Math.floor(t / BUCKET_MS) * BUCKET_MS;
    if (this.bucketStart === undefined) {
      this.bucketStart = bucket;
      this.lastCutAt ??= t;
    } else if (bucket > this.bucketStart) {
      // Close the open bucket over all the time since it opened, so idle gaps pull the rate down.
      const sample = (this.bucketCount * 1000) / (bucket - this.bucketStart);
      this.measured = this.measured === undefined ? sample : SMOOTH * sample + (1 - SMOOTH) * this.measured;
      this.bucketStart = bucket;
      this.bucketCount = 0;
    }
    this.bucketCount++;
  }

  /**
   * Live answered Throttling.User / Throttling.Api. Every throttle cuts (as
   * AWS does), from the measured rate when known and lower than the allowed
   * one, since that is what the server actually refused.
   */
  onThrottle(retryAfterMs?: number, sentAt?: number): void {
    const t = this.now();
    if (retryAfterMs !== undefined && Number.isFinite(retryAfterMs) && retryAfterMs > 0) {
      this.pauseEnd = Math.max(this.pauseEnd, t + retryAfterMs);
    }
    // One cut per round trip, as TCP does: a request that left before the last cut was refused
    // at the old rate, and cutting again for it would drive every instance to the floor at once.
    if (sentAt !== undefined && this.cut && this.lastCutAt !== undefined && sentAt < this.lastCutAt) return;
    const allowed = this.rate();
    const base = this.measured === undefined ? allowed : Math.min(this.measured, allowed);
    this.wMax = base;
    this.k = Math.cbrt((base * (1 - BETA)) / SCALE);
    this.lastCutAt = t;
    this.cut = true;
    this.current = this.clamp(base * BETA);
  }

  /** An answer that was not throttled: follow the CUBIC curve up from the last cut. */
  onSuccess(): void {
    if (!this.cut) return;
    const next = this.curve();
    // The curve only rises, but a clock stepping back must not lower the rate on a success.
    this.current = Math.max(this.current, next);
    if (this.current >= this.ceiling) this.cut = false;
  }

  private clamp(r: number): number {
    return Math.min(this.ceiling, Math.max(this.floor, r));
  }
}
