import {
  QUOTA_WINDOW_MS,
  START_SLOTS,
  TRIP_MS,
} from '../../../functions/delete-caster-video-resource/policy/adaptive-rate';
import { RateLimiter } from '../../../functions/delete-caster-video-resource/policy/rate-limiter';
import { simulateFleet } from '../../support/fleet-simulation';
import { VirtualClock } from '../../support/virtual-clock';

const QPS = 10;
const SLOT = (QUOTA_WINDOW_MS + TRIP_MS) / QPS;

/** A limiter on a virtual clock that starts on a slot boundary. */
function setup(options: { slowStart?: boolean; qps?: number; lateMs?: number } = {}) {
  const clock = new VirtualClock(SLOT * 10_000);
  const { lateMs = 0, ...rest } = options;
  const limiter = new RateLimiter(options.qps ?? QPS, {
    now: () => clock.now,
    setTimer: (run, ms) => clock.setTimer(run, ms + lateMs),
    random: () => 0.5,
    ...rest,
  });
  /** Permits for `n` requests, each sent as soon as allowed; when each left. */
  const sendTimes = async (n: number, latest = Number.POSITIVE_INFINITY) => {
    const times: number[] = [];
    for (let i = 0; i < n; i += 1) {
      let sent: boolean | undefined;
      void limiter
        .permit(latest, 'delete')
        .wait()
        .then((ok) => (sent = ok));
      await clock.run(() => sent !== undefined);
      if (sent) times.push(clock.now);
    }
    return times;
  };
  return { clock, limiter, sendTimes };
}

describe('RateLimiter', () => {
  it("spaces a fresh instance's sends by its slow-start period while no answer comes", async () => {
    const [a, b] = await setup().sendTimes(2);
    expect(b - a).toBeCloseTo(START_SLOTS * SLOT, 6);
  });

  it('waits for a slot of the shared grid', async () => {
    const { clock, sendTimes } = setup();
    clock.now += 7;
    await sendTimes(1);
    const [next] = await sendTimes(1);
    expect((next / SLOT) % 1).toBeCloseTo(0, 6);
  });

  it('sends one slot apart once the slow start is over, and at most LIVE_QPS in any quota window', async () => {
    const times = await setup({ slowStart: false }).sendTimes(30);
    for (let i = 0; i + QPS < times.length; i += 1)
      expect(times[i + QPS] - times[i]).toBeGreaterThanOrEqual(QUOTA_WINDOW_MS);
    expect(new Set(times.slice(1).map((t, i) => Math.round(t - times[i])))).toEqual(new Set([Math.round(SLOT)]));
  });

  it('keeps one slot between sends when every timer fires a little late', async () => {
    const times = await setup({ slowStart: false, lateMs: TRIP_MS / 5 }).sendTimes(30);
    const gaps = times.slice(1).map((t, i) => t - times[i]);
    expect(Math.max(...gaps)).toBeLessThan(2 * SLOT);
  });

  it('lets a waiting send go sooner when an answer speeds the slow start up', async () => {
    const { clock, limiter } = setup();
    const first = limiter.permit(Number.POSITIVE_INFINITY, 'delete');
    await first.wait();
    const start = clock.now;
    let sentAt: number | undefined;
    void limiter
      .permit(Number.POSITIVE_INFINITY, 'delete')
      .wait()
      .then(() => (sentAt = clock.now));
    clock.setTimer(() => first.answered(), 5);
    await clock.run(() => sentAt !== undefined);
    expect(sentAt! - start).toBeCloseTo(Math.floor(START_SLOTS / 2) * SLOT, 6);
  });

  it('gives up on a send whose turn comes after its latest time', async () => {
    const { clock, sendTimes } = setup();
    await sendTimes(1);
    expect(await sendTimes(1, clock.now + SLOT)).toEqual([]);
  });

  it.each([
    [1, 'slow-start'],
    [0, 'steady'],
  ])('%i other request(s) waiting at a first throttle: the rate is then %s', async (others, phase) => {
    const { limiter } = setup();
    const permit = limiter.permit(Number.POSITIVE_INFINITY, 'delete');
    await permit.wait();
    for (let i = 0; i < others; i += 1) void limiter.permit(Number.POSITIVE_INFINITY, 'delete').wait();
    permit.throttled();
    expect(limiter.phase().kind).toBe(phase);
  });

  it("puts a throttled request's own retry a quota window on, within half a period after", async () => {
    const { clock, limiter } = setup({ slowStart: false });
    const permit = limiter.permit(Number.POSITIVE_INFINITY, 'delete');
    await permit.wait();
    permit.throttled();
    const throttledAt = clock.now;
    let sent = false;
    void permit.wait().then(() => (sent = true));
    await clock.run(() => sent);
    expect(clock.now - throttledAt).toBeGreaterThanOrEqual(QUOTA_WINDOW_MS);
    expect(clock.now - throttledAt).toBeLessThanOrEqual(QUOTA_WINDOW_MS + SLOT * 2);
  });
});

// K FC instances, each with its own limiter and retry policy, against one account quota on a
// virtual clock (test/support/fleet-simulation.ts): convergence checked without waiting for it.
const ACCOUNT = { quota: QPS, qps: QPS, timeoutSeconds: 30, concurrency: 1 };
const LONE = { ...ACCOUNT, instances: 1, instanceCap: 10, invocations: 1, items: 100, inFlight: 4, prefetch: true };

describe('a lone instance with a 100-item batch', () => {
  it('runs at the quota: within 11.5 s', async () => {
    const run = await simulateFleet(LONE);
    expect([run.ok, run.throttled]).toEqual([100, 0]);
    expect(run.durationMs).toBeLessThanOrEqual(11_500);
  });

  it('takes one throttle at its start for a burst, not a fleet: 95 of 100 within 14 s', async () => {
    const run = await simulateFleet({ ...LONE, throttleFirst: 1 });
    expect(run.acceptedAt.filter((t) => t <= 14_000).length).toBeGreaterThanOrEqual(95);
  });
});

describe('a fleet of single-flight instances sharing one account quota', () => {
  it.each([1, 2, 3])(
    'ten instances: everything first time, at most 10 %% throttled, 85 %% of the quota (seed %i)',
    async (seed) => {
      const run = await simulateFleet({ ...ACCOUNT, instances: 10, instanceCap: 10, invocations: 240, seed });
      expect(run.thrown).toBe(0);
      expect(run.throttledShare).toBeLessThanOrEqual(0.1);
      expect(run.goodput).toBeGreaterThanOrEqual(0.85);
    },
  );

  it.each([1, 2, 3])('twenty instances: everything first time, settling near the quota (seed %i)', async (seed) => {
    const run = await simulateFleet({ ...ACCOUNT, instances: 20, instanceCap: 20, invocations: 240, seed });
    expect(run.thrown).toBe(0);
    const sum = run.finalRates.reduce((a, b) => a + b, 0);
    expect(sum).toBeGreaterThan(0.6 * QPS);
    expect(sum).toBeLessThan(1.4 * QPS);
  });

  it('leaves room for another client of the account and still delivers everything', async () => {
    const run = await simulateFleet({ ...ACCOUNT, instances: 10, instanceCap: 10, invocations: 240, otherQps: 4 });
    expect(run.thrown).toBe(0);
    expect(run.otherAccepted / (run.durationMs / 1000)).toBeGreaterThan(3);
  });
});
