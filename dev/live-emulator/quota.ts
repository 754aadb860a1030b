// The account-wide flow control Live's gateway applies: every instance of a
// function signs with keys of one account, so they all draw on one quota.
// A sliding 1 s window of accepted requests; a refused request takes no slot,
// as Live's gateway does not count what it turned away.

export const QUOTA_WINDOW_MS = 1000;

export type QuotaDecision = { ok: true } | { ok: false; retryAfterMs: number };

export class AccountQuota {
  /** Arrival times of accepted requests within the last window, ascending. */
  private accepted: number[] = [];
  private qps: number | undefined;

  constructor(
    qps: number | undefined,
    private readonly now: () => number,
  ) {
    this.setLimit(qps);
  }

  /** undefined: no quota (every request accepted). */
  setLimit(qps: number | undefined): void {
    if (qps !== undefined && !(Number.isInteger(qps) && qps >= 1)) {
      throw new Error(`accountQps must be a whole number of at least 1 (got ${String(qps)}).`);
    }
    this.qps = qps;
  }

  /**
   * Takes a slot for a request that arrived at `at`, or says how long until
   * one frees. `at` is the arrival time the server records, so the quota holds
   * over the recorded times; requests are admitted after their body is read,
   * so a few come in slightly out of arrival order, and every window holding
   * `at` is checked, not only the one ending there.
   */
  admit(at: number = this.now()): QuotaDecision {
    // An arrival is at most a moment out of order: older than two windows cannot matter.
    const from = this.accepted.findIndex((t) => t > at - 2 * QUOTA_WINDOW_MS);
    this.accepted = from < 0 ? [] : this.accepted.slice(from);
    // Counted even without a limit, so a quota set mid-run sees the rate so far.
    if (this.qps === undefined || this.busiestWindowHolding(at) < this.qps) {
      this.accepted.splice(this.countBefore(at, true), 0, at);
      return { ok: true };
    }
    // The oldest accepted request whose leaving the window ending at `at` frees a slot.
    const upTo = this.countBefore(at, true);
    const oldest = this.accepted[Math.max(0, upTo - this.qps)]!;
    return { ok: false, retryAfterMs: Math.max(1, oldest + QUOTA_WINDOW_MS - at) };
  }

  /** Accepted requests before `t`, or at `t` too when `inclusive` (binary search; the list is ascending). */
  private countBefore(t: number, inclusive = false): number {
    let lo = 0;
    let hi = this.accepted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.accepted[mid]! < t || (inclusive && this.accepted[mid] === t)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Most accepted requests in any window [s, s + 1 s) that holds `at`. The
   * busiest such window starts at an accepted request in (at - 1 s, at], or at `at`.
   */
  private busiestWindowHolding(at: number): number {
    const inWindow = (s: number) => this.countBefore(s + QUOTA_WINDOW_MS) - this.countBefore(s);
    let most = inWindow(at);
    for (let i = this.countBefore(at - QUOTA_WINDOW_MS); i < this.accepted.length && this.accepted[i]! <= at; i += 1) {
      if (this.accepted[i]! > at - QUOTA_WINDOW_MS) most = Math.max(most, inWindow(this.accepted[i]!));
    }
    return most;
  }

  /** Forgets the window (not the limit). */
  clear(): void {
    this.accepted = [];
  }
}
