import { RateLimiter } from '../../../functions/delete-caster-video-resource/policy/rate-limiter';
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
