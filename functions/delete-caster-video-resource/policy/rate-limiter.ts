import { AdaptiveRate } from './adaptive-rate';

/**
 * Per-instance send-rate bound (SPEC §6: at most LIVE_QPS requests a second
 * across concurrent invocations and batch items). A sliding window of
 * reserved send times: the n-th send waits until the (n - capacity)-th is a
 * full window old, and until the (n - 10)-th is 10/LIVE_QPS seconds old; the
 * same rules are checked again on the times sends actually leave (`admit`).
 * Written by hand because it must share one state across invocations of the
 * instance and give up at the invocation's deadline, which the usual
 * token-bucket packages do not offer together.
 */
export class RateLimiter {
  private readonly capacity: number;
  private readonly windowMs: number;
  /** Most sends let out together; the same sliding rule over a shorter window spaces the rest. */
  private readonly burst: number;
  private readonly burstWindowMs: number;
  /** Reserved send times, ascending; only the last `capacity` matter. */
  private readonly sends: number[] = [];
  /** When sends actually left (admitted), ascending; only the last `capacity` matter. */
  private readonly admitted: number[] = [];
  /** This instance's share of the account quota, learnt from Live's throttling answers. */
  private readonly adaptive: AdaptiveRate;

  /**
   * `marginMs` widens the window so that the time from handing a request to
   * the SDK to its arrival, which varies with the event loop's load, cannot
   * squeeze sends together at the receiver (25 ms was not enough at LIVE_QPS
   * 400 with 100 invocations in flight).
   */
  constructor(
    private readonly qps: number,
    marginMs = 50,
    private readonly now: () => number = Date.now,
    options: { slowStart?: boolean } = {},
  ) {
    this.capacity = Math.max(1, Math.floor(qps));
    this.windowMs = (this.capacity * 1000) / qps + marginMs;
    this.burst = Math.min(this.capacity, MAX_BURST);
    this.burstWindowMs = (this.burst * 1000) / qps;
    this.adaptive = new AdaptiveRate({ ceiling: qps, now, slowStart: options.slowStart });
  }

  /** Live answered with throttling: cut this instance's rate (and pause for `x-acs-retry-after`, ms). */
  onThrottle(retryAfterMs?: number, sentAt?: number): void {
    this.adaptive.onThrottle(retryAfterMs, sentAt);
  }

  /** Live answered without throttling: let the rate grow back towards LIVE_QPS. */
  onAnswer(): void {
    this.adaptive.onSuccess();
  }


  /** The earliest time, not before `now`, at which one more send keeps both sliding rules over `times`. */
  private earliest(times: number[], now: number): number {
    const n = times.length;
    const anchor = n >= this.capacity ? times[n - this.capacity]! : -Infinity;
    const burstAnchor = n >= this.burst ? times[n - this.burst]! : -Infinity;
    // Below LIVE_QPS after throttling: one send per 1/rate seconds, and none while Live asked for a pause.
    const rate = this.adaptive.rate();
    const spaced = rate < this.qps && n > 0 ? times[n - 1]! + 1000 / rate : -Infinity;
    return Math.max(now, anchor + this.windowMs, burstAnchor + this.burstWindowMs, spaced, this.adaptive.pausedUntil());
  }

  private record(times: number[], at: number): void {
    times.push(at);
    if (times.length > this.capacity) times.splice(0, times.length - this.capacity);
  }

  /** Reserves the earliest allowed send time; returns how long to wait, or undefined when that is past `latest`. */
  reserve(latest: number): number | undefined {
    const now = this.now();
    const at = this.earliest(this.sends, now);
    if (at > latest) return undefined;
    this.record(this.sends, at);
    return waitFor(at - now);
  }

  /**
   * Called when the reserved wait is over, right before sending. Timers fire
   * late when the event loop is busy (100 invocations starting at once), and
   * late sends bunch up with punctual later ones; so the same rules are
   * checked again on the times sends actually left. 0: send now (recorded);
   * otherwise how much longer to wait, or undefined when that is past `latest`.
   */
  admit(latest: number): number | undefined {
    const now = this.now();
    const at = this.earliest(this.admitted, now);
    if (at > latest) return undefined;
    if (waitFor(at - now) > 0) return at - now;
    this.record(this.admitted, now);
    this.adaptive.onSend();
    return 0;
  }
}

/**
 * The clock counts whole milliseconds and a timer waits at least one: a wait
 * of less than 1 ms (sends spaced 0.02 ms apart at LIVE_QPS 50,000) would be
 * a timer of a millisecond or more, so it is no wait (`npm run bench`, at
 * LIVE_QPS 100,000, lost 5 % of its warm p50 to such waits).
 */
function waitFor(ms: number): number {
  return ms < 1 ? 0 : ms;
}

/**
 * A whole second's allowance released at once leaves the process over many
 * milliseconds (each send is signed and written in turn) and reaches Live
 * bunched with the next second's: a load test at LIVE_QPS 400 saw 493 requests
 * arrive within one second. Beyond this many at once, sends are spaced at the
 * configured rate. At LIVE_QPS 10 or less this changes nothing.
 */
const MAX_BURST = 10;
