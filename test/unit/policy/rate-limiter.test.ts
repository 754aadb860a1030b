import { RateLimiter } from '../../../functions/delete-caster-video-resource/policy/rate-limiter';
import { simulateFleet } from '../../support/fleet-simulation';
import { VirtualClock } from '../../support/virtual-clock';

/** A limiter on a virtual clock that starts on a slot boundary (slots are 105 ms at LIVE_QPS 10). */
function setup(qps = 10, options: { slowStart?: boolean; floor?: number } = {}) {
  const clock = new VirtualClock(105 * 10_000);
  const limiter = new RateLimiter(qps, {
    now: () => clock.now,
    setTimer: clock.setTimer,
    random: () => 0.5,
    marginMs: 0,
    ...options,
  });
  /** Acquires `n` sends, each as soon as allowed, and returns when each left. */
  const sendTimes = async (n: number, latest = Number.POSITIVE_INFINITY) => {
    const times: number[] = [];
    for (let i = 0; i < n; i += 1) {
      let sent: boolean | undefined;
      void limiter.acquire(latest).then((ok) => (sent = ok));
      await clock.run(() => sent !== undefined);
      if (sent) times.push(clock.now);
    }
    return times;
  };
  return { clock, limiter, sendTimes };
}

describe('RateLimiter', () => {
  it('lets the first send of a fresh instance go at once', async () => {
    const { clock, sendTimes } = setup();
    expect(await sendTimes(1)).toEqual([clock.now]);
  });

  it("spaces a fresh instance's sends by its slow-start period while no answer comes", async () => {
    const { sendTimes } = setup();
    const [a, b] = await sendTimes(2);
    expect(b - a).toBeCloseTo(10 * 105, 6);
  });

  it('waits for a slot of the shared wall-clock grid', async () => {
    const { clock, limiter, sendTimes } = setup();
    clock.now += 7;
    await sendTimes(1);
    const [next] = await sendTimes(1);
    expect((next / 105) % 1).toBeCloseTo(0, 6);
    expect(limiter.adaptive.slotMs).toBeCloseTo(105, 9);
  });

  it('lets a waiting send go sooner when an answer speeds the slow start up', async () => {
    const { clock, limiter } = setup();
    const first = clock.now;
    await limiter.acquire(Number.POSITIVE_INFINITY);
    let sentAt: number | undefined;
    void limiter.acquire(Number.POSITIVE_INFINITY).then(() => (sentAt = clock.now));
    clock.setTimer(() => limiter.onAnswer(first), 5);
    await clock.run(() => sentAt !== undefined);
    expect(sentAt! - first).toBeCloseTo(5 * 105, 6);
  });

  it('sends at most LIVE_QPS in any second, at one slot apart once the slow start is over', async () => {
    const { sendTimes } = setup(10, { slowStart: false });
    const times = await sendTimes(30);
    for (let i = 0; i + 10 < times.length; i += 1) expect(times[i + 10] - times[i]).toBeGreaterThanOrEqual(1000);
    expect(times[1] - times[0]).toBeCloseTo(105, 6);
  });

  it('gives up on a send whose turn comes after its latest time', async () => {
    const { clock, sendTimes } = setup();
    await sendTimes(1);
    expect(await sendTimes(1, clock.now + 500)).toEqual([]);
  });

  it('lets others go while a waiter with a later turn waits', async () => {
    const { clock, limiter } = setup(10, { slowStart: false });
    const order: string[] = [];
    void limiter.acquire(Number.POSITIVE_INFINITY, clock.now + 5_000).then(() => order.push('retry'));
    void limiter.acquire(Number.POSITIVE_INFINITY).then(() => order.push('fresh'));
    await clock.run(() => order.length === 2);
    expect(order).toEqual(['fresh', 'retry']);
  });

  it('does not wait less than a millisecond, which no timer can', async () => {
    const { clock, sendTimes } = setup(100_000, { slowStart: false });
    const start = clock.now;
    expect(await sendTimes(5)).toEqual(Array(5).fill(start));
  });

  it("puts a throttled request's retry after its slot is clear, within half a period after", async () => {
    const { clock, limiter, sendTimes } = setup(10, { slowStart: false });
    const [sent] = await sendTimes(1);
    limiter.onThrottle({ sentAt: sent, first: true });
    const retry = limiter.retryAt();
    expect(retry).toBeGreaterThanOrEqual(clock.now + 1000);
    expect(retry).toBeLessThanOrEqual(clock.now + 1000 + limiter.adaptive.periodMs() / 2 + 1);
  });
});

// K FC instances, each with its own limiter, adaptive rate and retry policy, against one account
// quota on a virtual clock (test/support/fleet-simulation.ts): convergence checked without waiting for it.
const ACCOUNT = { quota: 10, qps: 10, timeoutSeconds: 30, concurrency: 1 };

describe('a fleet of single-flight instances sharing one account quota', () => {
  it.each([1, 2, 3])(
    'ten instances: every delete on first delivery, under 10 %% throttled, 85 %% of the quota or more (seed %i)',
    async (seed) => {
      const run = await simulateFleet({ ...ACCOUNT, instances: 10, instanceCap: 10, invocations: 240, seed });
      expect(run.thrown).toBe(0);
      expect(run.throttledShare).toBeLessThan(0.1);
      expect(run.goodput).toBeGreaterThanOrEqual(0.85);
    },
  );

  it.each([1, 2, 3])(
    'twenty instances: every delete on first delivery, the fleet settling near the quota (seed %i)',
    async (seed) => {
      const run = await simulateFleet({ ...ACCOUNT, instances: 20, instanceCap: 20, invocations: 240, seed });
      expect(run.thrown).toBe(0);
      expect(run.throttledShare).toBeLessThan(0.3);
      const sum = run.finalRates.reduce((a, b) => a + b, 0);
      expect(sum).toBeGreaterThan(0.6 * ACCOUNT.quota);
      expect(sum).toBeLessThan(1.4 * ACCOUNT.quota);
    },
  );

  it("twenty instances: each one slows to its share, as far as a fleet of the cap's size needs", async () => {
    const run = await simulateFleet({ ...ACCOUNT, instances: 20, instanceCap: 20, invocations: 240, seed: 4 });
    expect(Math.min(...run.finalRates)).toBeLessThan(ACCOUNT.quota / 20);
  });

  it('leaves room for another client of the account and still delivers everything', async () => {
    const run = await simulateFleet({
      ...ACCOUNT,
      instances: 10,
      instanceCap: 10,
      invocations: 240,
      otherQps: 4,
      seed: 1,
    });
    expect(run.thrown).toBe(0);
    expect(run.otherAccepted / (run.durationMs / 1000)).toBeGreaterThan(3);
    expect(run.goodput).toBeGreaterThan(0.7);
  });

  it('a lone fresh instance runs a 10-record batch within two seconds', async () => {
    const run = await simulateFleet({
      ...ACCOUNT,
      instances: 1,
      instanceCap: 10,
      concurrency: 4,
      invocations: 10,
      seed: 1,
    });
    expect(run.throttled).toBe(0);
    expect(run.durationMs).toBeLessThan(2000);
  });

  it('four instances with twenty invocations in flight each share a 20/s quota', async () => {
    const run = await simulateFleet({
      ...ACCOUNT,
      quota: 20,
      qps: 20,
      instances: 4,
      instanceCap: 4,
      concurrency: 20,
      invocations: 240,
      seed: 1,
    });
    expect(run.thrown).toBe(0);
    expect(run.goodput).toBeGreaterThanOrEqual(0.85);
    expect(run.throttledShare).toBeLessThan(0.25);
  });
});
