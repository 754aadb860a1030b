import { Deadline } from '../../functions/delete-caster-video-resource/policy/deadline';
import { FunctionError } from '../../functions/delete-caster-video-resource/errors';
import { RateLimiter } from '../../functions/delete-caster-video-resource/policy/rate-limiter';
import { backoffDelay, withRetries } from '../../functions/delete-caster-video-resource/policy/retry';

/** A virtual clock: sleeping advances it, so no test waits for real time. */
function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, sleep: async (ms: number) => void (now += ms), advance: (ms: number) => (now += ms) };
}

const throttled = () => new FunctionError('Throttling.User', 'slow down', 429, { retryable: true });
const notFound = () => new FunctionError('InvalidCaster.NotFound', 'no caster', 404);

function setup(timeoutMs = 60_000, maxAttempts = 4) {
  const c = clock();
  return {
    c,
    opts: {
      maxAttempts,
      deadline: new Deadline(timeoutMs, c.now),
      limiter: new RateLimiter(1000, 0, c.now),
      sleep: c.sleep,
      random: () => 1,
    },
  };
}

describe('backoffDelay', () => {
  it('draws from [0, min(cap, base * 2^(n-1))] (full jitter)', () => {
    expect(backoffDelay(1, 100, 2000, () => 1)).toBe(100);
    expect(backoffDelay(3, 100, 2000, () => 1)).toBe(400);
    expect(backoffDelay(10, 100, 2000, () => 1)).toBe(2000);
    expect(backoffDelay(3, 100, 2000, () => 0)).toBe(0);
    expect(backoffDelay(3, 100, 2000, () => 0.5)).toBe(200);
  });
});

describe('withRetries', () => {
  it('retries throttling and then succeeds, counting attempts', async () => {
    const { opts } = setup();
    let calls = 0;
    const run = await withRetries(async () => {
      calls += 1;
      if (calls < 3) throw throttled();
      return 'done';
    }, opts);
    expect(run).toEqual({ ok: true, value: 'done', attempts: 3 });
  });

  it('does not retry a non-retryable failure', async () => {
    const { opts } = setup();
    let calls = 0;
    const run = await withRetries(async () => {
      calls += 1;
      throw notFound();
    }, opts);
    expect(calls).toBe(1);
    expect(run).toMatchObject({ ok: false, attempts: 1, error: { code: 'InvalidCaster.NotFound' } });
  });

  it('stops at maxAttempts and gives the last error a Retry-After', async () => {
    const { opts } = setup(60_000, 4);
    const run = await withRetries(async () => {
      throw throttled();
    }, opts);
    expect(run).toMatchObject({ ok: false, attempts: 4 });
    expect(!run.ok && run.error.retryAfterSeconds).toBeGreaterThanOrEqual(1);
  });

  it('never starts an attempt or a backoff past the deadline', async () => {
    const { c, opts } = setup(1_000, 10);
    const startedAt: number[] = [];
    const run = await withRetries(async () => {
      startedAt.push(c.now());
      c.advance(300);
      throw new FunctionError('ServiceUnavailable', 'down', 503, { retryable: true });
    }, opts);
    expect(run.ok).toBe(false);
    expect(run.attempts).toBeLessThan(10);
    expect(Math.max(...startedAt)).toBeLessThan(opts.deadline.at);
  });

  it('gives each attempt no more than the remaining time, and says when that bound it', async () => {
    const { opts } = setup(3_000);
    const seen: Array<[number, boolean]> = [];
    await withRetries(async (timeoutMs, bound) => {
      seen.push([timeoutMs, bound]);
      return 1;
    }, opts);
    expect(seen).toEqual([[2_700, true]]);
  });

  it('answers NotAttempted when the rate limit allows no send before the deadline', async () => {
    const c = clock();
    const limiter = new RateLimiter(1, 0, c.now);
    limiter.reserve(Infinity);
    const run = await withRetries(async () => 1, { maxAttempts: 4, deadline: new Deadline(500, c.now), limiter, sleep: c.sleep });
    expect(run).toMatchObject({ ok: false, attempts: 0, error: { code: 'NotAttempted', status: 503, retryable: true } });
  });
});

describe('RateLimiter', () => {
  // The window and burst rules, at the full rate (slow start is AdaptiveRate's, tested there and below).
  const full = { slowStart: false };

  it('lets at most qps sends start in any window of one second', () => {
    const c = clock(0);
    const limiter = new RateLimiter(10, 0, c.now, full);
    const waits = Array.from({ length: 25 }, () => limiter.reserve(Infinity)!);
    const sendTimes = waits.map((w) => w);
    expect(sendTimes.slice(0, 10)).toEqual(Array(10).fill(0));
    expect(sendTimes.slice(10, 20)).toEqual(Array(10).fill(1000));
    expect(sendTimes.slice(20)).toEqual(Array(5).fill(2000));
  });

  it('lets at most 10 sends out at once and spaces the rest at the rate, still at most qps in any second', () => {
    const c = clock(0);
    const limiter = new RateLimiter(400, 0, c.now, full);
    const at = Array.from({ length: 1_000 }, () => limiter.reserve(Infinity)!);
    expect(at.slice(0, 10)).toEqual(Array(10).fill(0));
    expect(at[10]).toBe(25);
    expect(at[20]).toBe(50);
    for (let i = 0; i + 400 < at.length; i += 1) expect(at[i + 400]! - at[i]!).toBeGreaterThanOrEqual(1000);
    for (let i = 0; i + 10 < at.length; i += 1) expect(at[i + 10]! - at[i]!).toBeGreaterThanOrEqual(25);
  });

  it('starts a new instance at half its rate: one send at once, the next 1/(qps/2) later as it climbs', () => {
    const c = clock(0);
    const limiter = new RateLimiter(10, 0, c.now);
    expect(limiter.reserve(Infinity)).toBe(0);
    expect(limiter.admit(Infinity)).toBe(0);
    expect(limiter.admit(Infinity)).toBe(200);
    c.advance(200);
    expect(limiter.admit(Infinity)).toBe(0);
    // Three seconds on, the climb is over: bursts of 10 again.
    c.advance(3_000);
    for (let i = 0; i < 10; i += 1) expect(limiter.admit(Infinity)).toBe(0);
  });

  it('does not wait less than a millisecond, which no timer can', () => {
    const c = clock(0);
    // In slow start at 50,000 rps: sends 0.02 ms apart.
    const limiter = new RateLimiter(100_000, 0, c.now);
    for (let i = 0; i < 5; i += 1) {
      expect(limiter.reserve(Infinity)).toBe(0);
      expect(limiter.admit(Infinity)).toBe(0);
    }
    // Spacing of a millisecond or more is still waited for: 1,000 rps in slow start is 2 ms apart.
    const slower = new RateLimiter(1_000, 0, c.now);
    expect(slower.admit(Infinity)).toBe(0);
    expect(slower.admit(Infinity)).toBe(2);
  });

  it('checks the rules again on when sends actually leave, so a late timer cannot bunch sends', () => {
    const c = clock(0);
    const limiter = new RateLimiter(10, 0, c.now, full);
    for (let i = 0; i < 10; i += 1) expect(limiter.reserve(Infinity)).toBe(0);
    for (let i = 0; i < 5; i += 1) expect(limiter.admit(Infinity)).toBe(0);
    c.advance(90); // the event loop was busy: five sends leave 90 ms late
    for (let i = 0; i < 5; i += 1) expect(limiter.admit(Infinity)).toBe(0);
    for (let i = 0; i < 10; i += 1) expect(limiter.reserve(Infinity)).toBe(910);
    c.advance(910);
    for (let i = 0; i < 5; i += 1) expect(limiter.admit(Infinity)).toBe(0);
    // The other five must wait for the late ones to be a full second old.
    expect(limiter.admit(Infinity)).toBe(90);
    expect(limiter.admit(1_050)).toBeUndefined();
    c.advance(90);
    expect(limiter.admit(Infinity)).toBe(0);
  });

  it('supports fractional rates and refuses slots past the latest time', () => {
    const c = clock(0);
    const limiter = new RateLimiter(0.5, 0, c.now);
    expect(limiter.reserve(Infinity)).toBe(0);
    expect(limiter.reserve(1_000)).toBeUndefined();
    expect(limiter.reserve(Infinity)).toBe(2_000);
  });
});
