import { seededRandom } from '../random';
import { AccountQuota, QUOTA_WINDOW_MS } from './quota';

/** A clock the test moves by hand. */
function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

/** The most accepted arrivals in any one window, over all windows. */
function busiestWindow(arrivals: number[]): number {
  const sorted = [...arrivals].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i += 1) {
    while (j < sorted.length && sorted[j]! < sorted[i]! + QUOTA_WINDOW_MS) j += 1;
    most = Math.max(most, j - i);
  }
  return most;
}

describe('emulator AccountQuota (sliding 1 s window)', () => {
  it('accepts Q requests in a window, refuses the next with the ms until the oldest leaves', () => {
    const c = clock();
    const q = new AccountQuota(3, c.now);
    const answers = [0, 100, 100, 100].map((ms) => {
      c.advance(ms);
      return q.admit();
    });
    // The first was accepted 300 ms ago: its slot frees 700 ms from now.
    expect(answers).toEqual([{ ok: true }, { ok: true }, { ok: true }, { ok: false, retryAfterMs: 700 }]);
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

  it('never accepts more than Q in any 1 s window over a dense stream of arrivals, and takes about Q a second', () => {
    const c = clock();
    const q = new AccountQuota(20, c.now);
    const accepted: number[] = [];
    for (let i = 0; i < 5000; i += 1) {
      c.advance(i % 7);
      if (q.admit().ok) accepted.push(c.now());
    }
    expect(busiestWindow(accepted)).toBeLessThanOrEqual(20);
    expect(accepted.length).toBeGreaterThanOrEqual(Math.floor((c.now() - 1_000_000) / 1000) * 20);
  });

  it('checks every window holding an arrival admitted after later ones', () => {
    const q = new AccountQuota(2, clock().now);
    // Arrived at 1000 and 1010, admitted first. Then 5: [5, 1005) holds it and 1000, fine;
    // but 20 would make [20, 1020) hold three.
    expect([1000, 1010, 5, 20].map((at) => q.admit(at).ok)).toEqual([true, true, true, false]);
  });

  it('never puts more than Q in a window of arrival times when nearby arrivals come shuffled', () => {
    const random = seededRandom(7);
    const q = new AccountQuota(5, clock().now);
    const accepted: number[] = [];
    for (let i = 0; i < 3000; i += 1) {
      const arrival = 10_000 + i * 3 - Math.floor(random() * 20);
      if (q.admit(arrival).ok) accepted.push(arrival);
    }
    expect(busiestWindow(accepted)).toBeLessThanOrEqual(5);
    expect(accepted.length).toBeGreaterThan(40);
  });

  describe('setLimit (the window is kept)', () => {
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
      expect(Array.from({ length: 6 }, () => q.admit().ok)).toEqual([true, true, true, true, true, false]);
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
      expect(q.admit().ok).toBe(true);
    });
  });

  it.each([0, 2.5, Number.NaN])('refuses a limit of %p', (qps) => {
    expect(() => new AccountQuota(qps, clock().now)).toThrow(/accountQps/);
  });
});
