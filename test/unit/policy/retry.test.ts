import { FunctionError } from '../../../functions/delete-caster-video-resource/errors';
import { CUT_SHARE } from '../../../functions/delete-caster-video-resource/policy/adaptive-rate';
import { Deadline } from '../../../functions/delete-caster-video-resource/policy/deadline';
import { RateLimiter } from '../../../functions/delete-caster-video-resource/policy/rate-limiter';
import {
  backoffDelay,
  type RetryOptions,
  withRetries,
} from '../../../functions/delete-caster-video-resource/policy/retry';
import { VirtualClock } from '../../support/virtual-clock';

const throttled = () => new FunctionError('Throttling.User', 'slow down', 429, { retryable: true, requestId: 'r' });
const unavailable = () => new FunctionError('ServiceUnavailable', 'down', 503, { retryable: true, requestId: 'r' });

/** withRetries on a virtual clock; each attempt takes 10 ms. */
function setup(options: { timeoutMs?: number; maxAttempts?: number; events?: boolean; qps?: number } = {}) {
  const clock = new VirtualClock();
  const now = () => clock.now;
  const limiter = new RateLimiter(options.qps ?? 10, {
    now,
    setTimer: clock.setTimer,
    random: () => 0.5,
    slowStart: false,
  });
  const opts: RetryOptions = {
    maxAttempts: options.maxAttempts ?? 4,
    deadline: Deadline.forInvocation(options.timeoutMs ?? 60_000, now),
    limiter,
    retryThrottlesUntilDeadline: options.events ?? false,
    random: () => 1,
    now,
  };
  const started: number[] = [];
  /** Each attempt's time limit, and whether the deadline set it. */
  const given: Array<[number, boolean]> = [];
  /** Runs withRetries with an attempt that answers from `answers` in turn (the last one repeats). */
  const run = async (answers: Array<() => unknown>) => {
    let result: Awaited<ReturnType<typeof withRetries>> | undefined;
    void withRetries(
      'delete',
      async (timeoutMs, bound) => {
        started.push(clock.now);
        given.push([timeoutMs, bound]);
        const answer = answers[Math.min(started.length - 1, answers.length - 1)];
        await clock.sleep(10);
        const value = answer();
        if (value instanceof Error) throw value;
        return value;
      },
      opts,
    ).then((r) => (result = r));
    await clock.run(() => result !== undefined);
    return result!;
  };
  return { limiter, opts, started, given, run };
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

// A failure that is not retryable, the wait of a throttled retry and an HTTP
// caller's 429 are test/integration/authorization.test.ts's and live-failures.test.ts's.
describe('withRetries', () => {
  it('retries throttling and then succeeds, counting attempts', async () => {
    const { run } = setup();
    expect(await run([throttled, throttled, () => 'done'])).toEqual({ ok: true, value: 'done', attempts: 3 });
  });

  it('for an event, keeps retrying throttled requests past LIVE_MAX_ATTEMPTS until the deadline', async () => {
    const { run, started, opts } = setup({ maxAttempts: 2, events: true, timeoutMs: 20_000 });
    const result = await run([throttled]);
    expect(result).toMatchObject({ ok: false, error: { code: 'Throttling.User' } });
    expect(started.length).toBeGreaterThan(2);
    expect(Math.max(...started)).toBeLessThan(opts.deadline.at);
  });

  it('for an event, still stops other retryable failures at LIVE_MAX_ATTEMPTS', async () => {
    const { run } = setup({ maxAttempts: 2, events: true });
    expect(await run([unavailable])).toMatchObject({ ok: false, attempts: 2, error: { code: 'ServiceUnavailable' } });
  });

  it('for an event, does not count throttles towards LIVE_MAX_ATTEMPTS', async () => {
    const { run } = setup({ maxAttempts: 2, events: true });
    expect(await run([throttled, throttled, unavailable, () => 'done'])).toEqual({
      ok: true,
      value: 'done',
      attempts: 4,
    });
  });

  it("cuts the rate for a request's first throttle only", async () => {
    const { run, limiter } = setup({ events: true, timeoutMs: 20_000 });
    await run([() => 'warm']);
    const before = limiter.rate();
    await run([throttled, throttled, throttled, () => 'done']);
    expect(limiter.rate()).toBeCloseTo(before / (1 + Math.ceil(CUT_SHARE)), 6);
  });

  it('never starts an attempt past the deadline', async () => {
    const { run, started, opts } = setup({ timeoutMs: 3_000, maxAttempts: 10 });
    await run([unavailable]);
    expect(Math.max(...started)).toBeLessThan(opts.deadline.at);
  });

  it('gives each attempt no more than the remaining time, and says when that bound it', async () => {
    const { run, given } = setup({ timeoutMs: 3_000 });
    await run([() => 1]);
    expect(given).toEqual([[2_700, true]]);
  });

  it('answers NotAttempted when the rate limit allows no send before the deadline', async () => {
    const { run } = setup({ timeoutMs: 500, qps: 1 });
    await run([() => 1]);
    expect(await run([() => 1])).toMatchObject({
      ok: false,
      attempts: 0,
      error: { code: 'NotAttempted', status: 503, retryable: true },
    });
  });
});
