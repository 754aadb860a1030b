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

  get limit(): number | undefined {
    return this.qps;
  }

  /** Takes a slot, or says how long until the oldest accepted request leaves the window. */
  admit(): QuotaDecision {
    const at = this.now();
    const from = this.accepted.findIndex((t) => t > at - QUOTA_WINDOW_MS);
    this.accepted = from < 0 ? [] : this.accepted.slice(from);
    // Counted even without a limit, so a quota set mid-run sees the rate so far.
    if (this.qps === undefined || this.accepted.length < this.qps) {
      this.accepted.push(at);
      return { ok: true };
    }
    const oldest = this.accepted[this.accepted.length - this.qps]!;
    return { ok: false, retryAfterMs: Math.max(1, oldest + QUOTA_WINDOW_MS - at) };
  }

  /** Forgets the window (not the limit). */
  clear(): void {
    this.accepted = [];
  }
}
