import { AccountQuota, QUOTA_WINDOW_MS } from './quota';

/** A clock the test moves by hand. */
function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('emulator AccountQuota (sliding 1 s window)', () => {
  it('accepts Q requests in a window, refuses the next with the ms until the oldest leaves', () => {
    const c = clock();
    const q = new AccountQuota(3, c.now);
    expect(q.admit()).toEqual({ ok: true });
    c.advance(100);
    expect(q.admit()).toEqual({ ok: true });
    c.advance(100);
    expect(q.admit()).toEqual({ ok: true });
    c.advance(100);
    // The first was accepted 300 ms ago: its slot frees 700 ms from now.
    expect(q.admit()).toEqual({ ok: false, retryAfterMs: 700 });
  });

  it('slides: a slot frees exactly one window after the accepted request that held it', () => {
    const c = clock();
    const q = new AccountQuota(2, c.now);
    q.admit();
    c.advance(400);
    q.admit();
    c.advance(599);
    expect(q.admit().ok).toBe(false);
    c.advance(1);
    expect(q.admit()).toEqual({ ok: true });
    expect(q.admit()).toEqual({ ok: false, retryAfterMs: 400 });
  });

  it('does not count refused requests against the quota', () => {
    const c = clock();
    const q = new AccountQuota(1, c.now);
    expect(q.admit().ok).toBe(true);
    // A storm of refused retries must not push the next free slot further out.
    for (let i = 0; i < 50; i += 1) {
      c.advance(10);
      expect(q.admit().ok).toBe(false);
    }
    c.advance(QUOTA_WINDOW_MS - 500);
    expect(q.admit().ok).toBe(true);
  });

  it('never accepts more than Q in any 1 s window over a dense stream of arrivals', () => {
    const c = clock();
    const q = new AccountQuota(20, c.now);
    const accepted: number[] = [];
    for (let i = 0; i < 5000; i += 1) {
      c.advance(i % 7);
      if (q.admit().ok) accepted.push(c.now());
    }
    for (let i = 0, j = 0; i < accepted.length; i += 1) {
      while (j < accepted.length && accepted[j]! < accepted[i]! + QUOTA_WINDOW_MS) j += 1;
      expect(j - i).toBeLessThanOrEqual(20);
    }
    // And it is work-conserving: about 20 a second over the run.
    const seconds = (c.now() - 1_000_000) / 1000;
    expect(accepted.length).toBeGreaterThanOrEqual(Math.floor(seconds) * 20);
  });

  it('holds over arrival times when requests are admitted slightly out of arrival order', () => {
    const c = clock();
    const q = new AccountQuota(2, c.now);
    const t = c.now();
    // Arrived at t+1000 and t+1010, admitted first; then one that arrived at t+5 is admitted.
    expect(q.admit(t + 1000).ok).toBe(true);
    expect(q.admit(t + 1010).ok).toBe(true);
    // [t+5, t+1005) would hold it and t+1000: fine. But t+20 would make [t+20, t+1020) hold three.
    expect(q.admit(t + 5).ok).toBe(true);
    expect(q.admit(t + 20).ok).toBe(false);
    // Seeded shuffles of nearby arrivals never put more than Q in any window of accepted arrival times.
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const r = new AccountQuota(5, c.now);
    const accepted: number[] = [];
    for (let i = 0; i < 3000; i += 1) {
      const arrival = t + 10_000 + i * 3 - Math.floor(random() * 20);
      if (r.admit(arrival).ok) accepted.push(arrival);
    }
    accepted.sort((a, b) => a - b);
    for (let i = 0, j = 0; i < accepted.length; i += 1) {
      while (j < accepted.length && accepted[j]! < accepted[i]! + QUOTA_WINDOW_MS) j += 1;
      expect(j - i).toBeLessThanOrEqual(5);
    }
    expect(accepted.length).toBeGreaterThan(40);
  });

  describe('setLimit', () => {
    const filled = (n: number) => {
      const c = clock();
      const q = new AccountQuota(undefined, c.now);
      for (let i = 0; i < n; i += 1) q.admit();
      return { c, q };
    };

    it('counts the requests accepted before the limit was set', () => {
      const { q } = filled(100);
      q.setLimit(5);
      expect(q.admit()).toEqual({ ok: false, retryAfterMs: QUOTA_WINDOW_MS });
    });

    it('holds the new limit once the window has moved on', () => {
      const { c, q } = filled(100);
      q.setLimit(5);
      c.advance(QUOTA_WINDOW_MS);
      const admitted = Array.from({ length: 6 }, () => q.admit().ok);
      expect(admitted).toEqual([true, true, true, true, true, false]);
    });

    it('takes a raised limit at once', () => {
      const { q } = filled(5);
      q.setLimit(5);
      q.setLimit(6);
      expect(q.admit().ok).toBe(true);
    });

    it('asks a lowered one to wait until enough have left', () => {
      const { c, q } = filled(5);
      c.advance(100);
      q.setLimit(2);
      expect(q.admit()).toEqual({ ok: false, retryAfterMs: 900 });
    });

    it('lifts the limit with undefined', () => {
      const { q } = filled(5);
      q.setLimit(2);
      q.setLimit(undefined);
      expect([q.admit().ok, q.limit]).toEqual([true, undefined]);
    });
  });

  it.each([0, 2.5, Number.NaN])('refuses a limit of %p', (qps) => {
    expect(() => new AccountQuota(qps, clock().now)).toThrow(/accountQps/);
  });
});
