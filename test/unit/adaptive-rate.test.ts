import {
  AdaptiveRate,
  BETA,
  FLOOR_RPS,
  FLOOR_SHARE,
  SCALE,
  START_SHARE,
} from '../../functions/delete-caster-video-resource/policy/adaptive-rate';

/** A virtual clock; buckets are 0.5 s, so start on a bucket boundary to keep the arithmetic exact. */
function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

/** Sends at `rps` for `ms`, so that the measured rate settles at `rps`. */
function sendSteadily(rate: AdaptiveRate, c: ReturnType<typeof clock>, rps: number, ms: number): void {
  const gap = 1000 / rps;
  for (let t = 0; t < ms; t += gap) {
    rate.onSend();
    c.advance(gap);
  }
  rate.onSend(); // closes the last full bucket
}

/** Calls onSuccess every `stepMs` for `ms` and returns [seconds since start, rate] samples. */
function succeedFor(rate: AdaptiveRate, c: ReturnType<typeof clock>, ms: number, stepMs = 50): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let t = stepMs; t <= ms; t += stepMs) {
    c.advance(stepMs);
    rate.onSuccess();
    out.push([t / 1000, rate.rate()]);
  }
  return out;
}

describe('AdaptiveRate', () => {
  it('starts at half the ceiling and climbs the curve to it from the first send, without a throttle', () => {
    const c = clock();
    const rate = new AdaptiveRate({ ceiling: 20, now: c.now });
    expect(START_SHARE).toBe(0.5);
    c.advance(5000); // idle before the first send: the climb starts with it
    expect(rate.rate()).toBe(10);
    rate.onSend();
    const k = Math.cbrt((20 - 10) / SCALE); // ≈ 2.92 s to the ceiling
    const samples = succeedFor(rate, c, 5000);
    samples.slice(1).forEach(([, r], i) => expect(r).toBeGreaterThanOrEqual(samples[i]![1]));
    expect(samples.filter(([t]) => t < k - 0.05).every(([, r]) => r > 10 && r < 20)).toBe(true);
    expect(samples.filter(([t]) => t >= k).every(([, r]) => r === 20)).toBe(true);
  });

  it('without slow start, allows the ceiling until the first throttle, whatever is sent or answered', () => {
    const c = clock();
    const rate = new AdaptiveRate({ ceiling: 20, now: c.now, slowStart: false });
    expect(rate.rate()).toBe(20);
    sendSteadily(rate, c, 50, 3000);
    rate.onSuccess();
    expect(rate.rate()).toBe(20);
    expect(rate.pausedUntil()).toBe(0);
  });

  it('rejects a ceiling that is not a positive number', () => {
    expect(() => new AdaptiveRate({ ceiling: 0 })).toThrow(RangeError);
    expect(() => new AdaptiveRate({ ceiling: Number.NaN })).toThrow(RangeError);
  });

  it('cuts to BETA times the measured send rate on a throttle', () => {
    const c = clock();
    const rate = new AdaptiveRate({ ceiling: 20, now: c.now });
    sendSteadily(rate, c, 10, 3000);
    rate.onThrottle();
    expect(rate.rate()).toBeCloseTo(10 * BETA, 6);
  });

  it('cuts from the allowed rate when nothing has been measured yet or it is lower', () => {
    const c = clock();
    const fresh = new AdaptiveRate({ ceiling: 20, now: c.now, slowStart: false });
    fresh.onThrottle();
    expect(fresh.rate()).toBeCloseTo(14, 6);
    // In slow start the allowed rate is the curve's, not the ceiling.
    const starting = new AdaptiveRate({ ceiling: 20, now: c.now });
    starting.onThrottle();
    expect(starting.rate()).toBeCloseTo(10 * BETA, 6);

    const bursty = new AdaptiveRate({ ceiling: 5, now: c.now, slowStart: false });
    sendSteadily(bursty, c, 40, 2000); // measured 40 rps, above the 5 rps allowed
    bursty.onThrottle();
    expect(bursty.rate()).toBeCloseTo(5 * BETA, 6);
  });

  it('keeps cutting on repeated throttles but never below the floor', () => {
    const c = clock();
    const rate = new AdaptiveRate({ ceiling: 20, now: c.now });
    let previous = rate.rate();
    for (let i = 0; i < 30; i++) {
      c.advance(10);
      rate.onThrottle();
      expect(rate.rate()).toBeLessThanOrEqual(previous);
      expect(rate.rate()).toBeGreaterThanOrEqual(FLOOR_RPS);
      previous = rate.rate();
    }
    // The floor: 0.5 rps, or a quarter of the ceiling when that is more.
    expect(rate.rate()).toBe(Math.max(FLOOR_RPS, 20 * FLOOR_SHARE));
  });

  it('never goes above a ceiling that is itself below the floor', () => {
    const c = clock();
    const rate = new AdaptiveRate({ ceiling: 0.2, now: c.now });
    rate.onThrottle();
    expect(rate.rate()).toBeLessThanOrEqual(0.2);
    succeedFor(rate, c, 10_000).forEach(([, r]) => expect(r).toBeLessThanOrEqual(0.2));
  });

  it('recovers along a concave-then-convex CUBIC curve, through Wmax at K, up to the ceiling', () => {
    const c = clock();
    const rate = new AdaptiveRate({ ceiling: 20, now: c.now });
    sendSteadily(rate, c, 10, 3000);
    rate.onThrottle();
    const wMax = 10;
    const k = Math.cbrt((wMax * (1 - BETA)) / SCALE); // ≈ 1.96 s back to Wmax
    const reach = k + Math.cbrt((20 - wMax) / SCALE); // ≈ 4.88 s on to the ceiling
    const samples = succeedFor(rate, c, 8000);

    // Step sizes shrink while approaching Wmax and grow after it.
    const steps = samples.slice(1).map(([t, r], i) => [t, r - samples[i]![1]] as const);
    const before = steps.filter(([t]) => t < k - 0.1 && t > 0.1).map(([, d]) => d);
    const after = steps.filter(([t]) => t > k + 0.1 && t < reach - 0.1).map(([, d]) => d);
    before.slice(1).forEach((d, i) => expect(d).toBeLessThan(before[i]!));
    after.slice(1).forEach((d, i) => expect(d).toBeGreaterThan(after[i]!));

    const at = (s: number) => samples.find(([t]) => Math.abs(t - s) < 1e-9)![1];
    expect(at(Math.round(k * 20) / 20)).toBeCloseTo(wMax, 0);
    expect(samples.filter(([t]) => t < reach - 0.05).every(([, r]) => r < 20)).toBe(true);
    expect(samples.filter(([t]) => t >= reach + 0.05).every(([, r]) => r === 20)).toBe(true);
  });

  it('reaches the ceiling K seconds after a cut from the ceiling, and never exceeds it', () => {
    const c = clock();
    const rate = new AdaptiveRate({ ceiling: 20, now: c.now, slowStart: false });
    sendSteadily(rate, c, 20, 3000);
    rate.onThrottle();
    expect(rate.rate()).toBeCloseTo(14, 6);
    const k = Math.cbrt((20 * (1 - BETA)) / SCALE); // ≈ 2.47 s
    const samples = succeedFor(rate, c, 10_000);
    expect(samples.filter(([t]) => t < k - 0.05).every(([, r]) => r < 20)).toBe(true);
    expect(samples.filter(([t]) => t >= k).every(([, r]) => r === 20)).toBe(true);
  });

  it('holds every send back until now + retryAfterMs, never shortening a pause', () => {
    const c = clock();
    const rate = new AdaptiveRate({ ceiling: 20, now: c.now });
    rate.onThrottle(2000);
    expect(rate.pausedUntil()).toBe(c.now() + 2000);
    c.advance(500);
    rate.onThrottle(100);
    rate.onThrottle();
    expect(rate.pausedUntil()).toBe(c.now() - 500 + 2000);
    rate.onThrottle(3000);
    expect(rate.pausedUntil()).toBe(c.now() + 3000);
  });

  describe('four instances sharing a 20 rps account quota', () => {
    /**
     * Each controller sends as fast as its rate allows; the server accepts at
     * most `quota` requests in any 1 s window and throttles the rest; answers
     * come back after 30–70 ms (seeded, so the run is deterministic and the
     * instances do not move in lockstep, which real ones never do).
     */
    function simulate(seed: number, quota = 20, instances = 4, horizonMs = 30_000) {
      let x = seed;
      const random = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
      let now = 1_000_000;
      const end = now + horizonMs;
      const rates = Array.from({ length: instances }, () => new AdaptiveRate({ ceiling: quota, now: () => now }));
      const nextSend = rates.map(() => now + random() * 100);
      const answers: Array<{ at: number; i: number; ok: boolean }> = [];
      const accepted: number[] = [];
      let ok = 0;
      let throttled = 0;
      let maxRate = 0;
      for (;;) {
        const i = nextSend.indexOf(Math.min(...nextSend));
        const answer = answers[0];
        if (answer && answer.at <= nextSend[i]!) {
          answers.shift();
          now = answer.at;
          if (answer.ok) rates[answer.i]!.onSuccess();
          else rates[answer.i]!.onThrottle();
          maxRate = Math.max(maxRate, rates[answer.i]!.rate());
          continue;
        }
        now = nextSend[i]!;
        if (now >= end) break;
        rates[i]!.onSend();
        while (accepted.length > 0 && accepted[0]! <= now - 1000) accepted.shift();
        const good = accepted.length < quota;
        if (good) accepted.push(now), ok++;
        else throttled++;
        answers.push({ at: now + 30 + 40 * random(), i, ok: good });
        answers.sort((a, b) => a.at - b.at);
        nextSend[i] = Math.max(now + 1000 / rates[i]!.rate(), rates[i]!.pausedUntil());
      }
      return { throttledShare: throttled / (ok + throttled), goodput: ok / (horizonMs / 1000) / quota, maxRate };
    }

    it.each([1, 2, 3, 4, 5])('keep throttling under 15 %% and goodput at 85 %% of the quota or more (seed %i)', (seed) => {
      const { throttledShare, goodput, maxRate } = simulate(seed);
      expect(throttledShare).toBeLessThan(0.15);
      expect(goodput).toBeGreaterThanOrEqual(0.85);
      expect(maxRate).toBeLessThanOrEqual(20);
    });
  });
});
