import {
  initialState,
  periodMs,
  type Quota,
  type RateEvent,
  type RateLimits,
  type RateState,
  rateLimits,
  step,
  TRIP_MS,
} from './adaptive-rate';
import { now as clock } from './clock';
import { clearTime, Permit, spreadMs } from './permit';

/** A cancellable timer; injected so that a test can run the limiter on a virtual clock. */
export type SetTimer = (run: () => void, ms: number) => () => void;

const realTimer: SetTimer = (run, ms) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

interface Waiter {
  latest: number;
  notBefore: number;
  resolve(sent: boolean): void;
}

export interface RateLimiterOptions {
  /** The slowest the adaptive rate may go, requests per second. */
  floor?: number;
  now?: () => number;
  random?: () => number;
  setTimer?: SetTimer;
  slowStart?: boolean;
}

/**
 * When each request of this instance may leave: the one owner of that
 * decision, shared by the invocations of an instance. Two rules:
 * - the adaptive period (adaptive-rate.ts): sends are spaced by it and, when
 *   they have to wait, wait for a slot of the shared grid;
 * - LIVE_QPS: at most LIVE_QPS sends in any quota window (widened by the trip
 *   to Live), a hard bound also when timers fire late.
 * Each request takes a Permit, which waits for its turn and reports Live's
 * answer. Waiters are released in the order their turn comes, and a change of
 * rate re-plans every wait. Written by hand because it must share one state
 * across an instance's invocations, align to a grid and give up at each
 * waiter's own deadline, which token-bucket packages do not offer together.
 */
export class RateLimiter {
  readonly limits: RateLimits;
  readonly now: () => number;
  readonly random: () => number;
  private state: RateState;
  private readonly setTimer: SetTimer;
  private readonly capacity: number;
  private readonly windowMs: number;
  /** When sends left, ascending; only the last `capacity` matter. */
  private readonly sent: number[] = [];
  /**
   * Where the period placed the last send before it was moved up to a slot:
   * the next turn counts from here, so that a period of 4.5 slots averages
   * 4.5 and does not become 5.
   */
  private pacedFrom = Number.NEGATIVE_INFINITY;
  private readonly waiters: Waiter[] = [];
  private cancelTimer: (() => void) | undefined;
  /** The time the timer was set for. */
  private due = Number.NaN;

  constructor(qps: number, options: RateLimiterOptions = {}) {
    this.now = options.now ?? clock;
    this.random = options.random ?? Math.random;
    this.setTimer = options.setTimer ?? realTimer;
    this.capacity = Math.max(1, Math.floor(qps));
    this.windowMs = (this.capacity * 1000) / qps + TRIP_MS;
    this.limits = rateLimits(qps, options.floor ?? qps / 100);
    this.state = initialState(this.limits, options.slowStart ?? true);
  }

  /** A permit for one request, drawing on Live's `quota`, which may leave until `latest`. */
  permit(latest: number, quota: Quota): Permit {
    return new Permit(this, latest, quota);
  }

  /** Sends per second now, for reports. */
  rate(): number {
    return 1000 / periodMs(this.state, this.limits);
  }

  /** How many requests wait for their turn. */
  waiting(): number {
    return this.waiters.length;
  }

  /** The rate's phase, for reports and tests. */
  phase(): RateState['phase'] {
    return this.state.phase;
  }

  /** Resolves true when a request may leave now (it is counted as sent), or false when that cannot happen by `latest`. */
  acquire(latest: number, notBefore: number): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      this.waiters.push({ latest, notBefore, resolve });
      this.plan();
    });
  }

  /** What Live answered (or that time passed): the rate's next state, and every wait planned again. */
  report(event: RateEvent): void {
    this.state = step(this.state, event, this.limits);
    this.plan();
  }

  /** When a throttled request may try again: after its slot is clear and its paced turn, spread over half a period. */
  retryTime(quota: Quota): number {
    const at = this.now();
    const paced = this.pacedTurn(periodMs(this.state, this.limits));
    return Math.max(clearTime(this.state, at, quota), paced) + spreadMs(this.state, this.limits, this.random());
  }

  /** The earliest time, not before `now`, at which one more send keeps every rule. */
  private earliest(now: number): number {
    const n = this.sent.length;
    const window = n >= this.capacity ? this.sent[n - this.capacity] + this.windowMs : 0;
    const paced = this.pacedTurn(periodMs(this.state, this.limits));
    return Math.max(now, window, paced, this.state.pausedUntil);
  }

  /**
   * A send that has to wait waits for a slot of a grid counted from the epoch
   * on the instance's clock (clock.ts: the wall clock at process start, then
   * monotonic): instances whose clocks agree, as NTP keeps them to a few
   * milliseconds, share one grid. One whose clock is off by more than a slot
   * still keeps its own pace, and meets the others as any sender would.
   */
  private onGrid(now: number, at: number): number {
    if (at - now < 1) return at;
    const slot = this.limits.slotMs;
    return Math.ceil(at / slot - 1e-9) * slot;
  }

  /** The adaptive period's next turn. */
  private pacedTurn(period: number): number {
    if (this.sent.length === 0) return 0;
    return Math.max(this.pacedFrom, this.sent[this.sent.length - 1] - period) + period;
  }

  private record(at: number): void {
    const turn = this.pacedTurn(periodMs(this.state, this.limits));
    this.pacedFrom = turn > 0 && turn <= at && at - turn < this.limits.slotMs ? turn : at;
    this.sent.push(at);
    if (this.sent.length > this.capacity) this.sent.splice(0, this.sent.length - this.capacity);
  }

  /** Releases every waiter whose turn has come, gives up on those past their latest, and sets a timer for the next. */
  private plan(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    for (;;) {
      if (this.waiters.length === 0) return;
      const now = this.now();
      // Time has passed since the last plan: a probe may be due.
      this.state = step(this.state, { kind: 'tick', at: now }, this.limits);
      const earliest = this.earliest(now);
      const times = this.waiters.map((w) => this.onGrid(now, Math.max(earliest, w.notBefore)));
      const late = this.waiters.findIndex((w, i) => times[i] > w.latest);
      if (late >= 0) {
        this.waiters.splice(late, 1)[0].resolve(false);
        continue;
      }
      const next = times.indexOf(Math.min(...times));
      // A wait under a millisecond is no wait: the clock and timers count whole milliseconds.
      if (times[next] - now >= 1) {
        this.due = times[next];
        this.cancelTimer = this.setTimer(() => this.plan(), times[next] - now);
        return;
      }
      // Timers fire a little late: a send late by less than the trip counts at the time it was due (the
      // LIVE_QPS window's trip margin covers it), or each late one would push every later turn a slot on.
      this.record(now >= this.due && now - this.due < TRIP_MS ? this.due : now);
      this.due = Number.NaN;
      this.waiters.splice(next, 1)[0].resolve(true);
    }
  }
}
