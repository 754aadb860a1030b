import {
  AdaptiveRate,
  PROBE,
  QUOTA_WINDOW_MS,
  SLOT_STRETCH,
  START_SLOTS,
} from '../../../functions/delete-caster-video-resource/policy/adaptive-rate';

/** A clock the test moves by hand, and a random source that always says `r`. */
function setup(options: { ceiling?: number; floor?: number; slowStart?: boolean; r?: number } = {}) {
  let now = 1_000_000;
  const rate = new AdaptiveRate({
    ceiling: options.ceiling ?? 10,
    floor: options.floor ?? 0.5,
    slowStart: options.slowStart,
    now: () => now,
    random: () => options.r ?? 0.5,
  });
  const slot = (1000 / (options.ceiling ?? 10)) * SLOT_STRETCH;
  return {
    rate,
    slot,
    /** The period in slots. */
    slots: () => Math.round(rate.periodMs() / slot),
    at: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/** An answer for a send made `ago` ms before now. */
const answer = (s: ReturnType<typeof setup>, ago = 5) => s.rate.onAnswer(s.at() - ago);
const throttle = (s: ReturnType<typeof setup>, first = true, ago = 5) =>
  s.rate.onThrottle({ sentAt: s.at() - ago, first });

describe('AdaptiveRate: slow start', () => {
  it('starts at START_SLOTS slots of 1.05/LIVE_QPS seconds each', () => {
    const s = setup();
    expect(s.slot).toBeCloseTo(105, 9);
    expect(s.slots()).toBe(START_SLOTS);
  });

  it('halves the period on an answer', () => {
    const s = setup();
    answer(s);
    expect(s.slots()).toBe(5);
  });

  it('halves once per round trip: an answer to a send made before the last halving does not halve again', () => {
    const s = setup();
    answer(s, 5);
    s.advance(1);
    answer(s, 10);
    expect(s.slots()).toBe(5);
  });

  it('reaches one slot, LIVE_QPS, after a few round trips', () => {
    const s = setup();
    for (let i = 0; i < 5; i += 1) {
      s.advance(10);
      answer(s);
    }
    expect(s.slots()).toBe(1);
  });

  it('doubles the period when the slow start meets its first throttle', () => {
    const s = setup();
    answer(s);
    s.advance(10);
    throttle(s);
    expect(s.slots()).toBe(10);
  });

  it('stops halving after a throttle', () => {
    const s = setup({ floor: 0.1 });
    throttle(s);
    s.advance(10);
    answer(s);
    expect(s.slots()).toBe(20);
  });
});

describe('AdaptiveRate: throttles', () => {
  /** Out of slow start at `slots`. */
  function settled(slots: number) {
    const s = setup({ floor: 0.1 });
    throttle(s);
    s.advance(QUOTA_WINDOW_MS);
    while (s.slots() < slots) {
      throttle(s);
      s.advance(QUOTA_WINDOW_MS);
    }
    return s;
  }

  it('adds a quarter of the period on a first throttle', () => {
    const s = settled(20);
    const before = s.slots();
    throttle(s);
    expect(s.slots()).toBe(before + Math.ceil(before / 4));
  });

  it('cuts at most once per quota window', () => {
    const s = settled(20);
    throttle(s);
    const once = s.slots();
    s.advance(QUOTA_WINDOW_MS - 1);
    throttle(s);
    expect(s.slots()).toBe(once);
  });

  it('ignores a throttle for a send made before the last cut', () => {
    const s = settled(20);
    throttle(s);
    const once = s.slots();
    s.advance(QUOTA_WINDOW_MS);
    throttle(s, true, QUOTA_WINDOW_MS + 1);
    expect(s.slots()).toBe(once);
  });

  it("does not cut for a retry's throttle: a retry only hunts for a free slot", () => {
    const s = settled(20);
    const before = s.slots();
    throttle(s, false);
    expect(s.slots()).toBe(before);
  });

  it('never goes slower than the floor', () => {
    const s = setup({ floor: 0.5 });
    for (let i = 0; i < 30; i += 1) {
      throttle(s);
      s.advance(QUOTA_WINDOW_MS);
    }
    expect(s.rate.rate()).toBeGreaterThanOrEqual(0.5);
    expect(s.slots()).toBe(Math.floor(1000 / 0.5 / s.slot));
  });

  it("pauses every send until Live's x-acs-retry-after has passed, never shortening a pause", () => {
    const s = setup();
    s.rate.onThrottle({ sentAt: s.at(), first: true, retryAfterMs: 2000 });
    s.rate.onThrottle({ sentAt: s.at(), first: false, retryAfterMs: 100 });
    expect(s.rate.pausedUntil()).toBe(s.at() + 2000);
  });
});

describe('AdaptiveRate: when a throttled request may try again', () => {
  it('once its own last accepted request has left the quota window', () => {
    const s = setup();
    answer(s, 200);
    expect(s.rate.clearAt()).toBe(s.at() - 200 + QUOTA_WINDOW_MS + 25);
  });

  it('a whole quota window on when it has no accepted request in the window', () => {
    const s = setup();
    answer(s, QUOTA_WINDOW_MS + 1);
    expect(s.rate.clearAt()).toBe(s.at() + QUOTA_WINDOW_MS);
  });

  it('not before a pause Live asked for', () => {
    const s = setup();
    s.rate.onThrottle({ sentAt: s.at(), first: true, retryAfterMs: 5000 });
    expect(s.rate.clearAt()).toBe(s.at() + 5000);
  });

  it('spread over up to half a period', () => {
    const low = setup({ r: 0 });
    const high = setup({ r: 0.999 });
    expect(low.rate.spreadMs()).toBe(0);
    expect(high.rate.spreadMs()).toBeCloseTo(0.999 * 0.5 * START_SLOTS * high.slot, 6);
  });
});

describe('AdaptiveRate: probing', () => {
  /** Out of slow start at 20 slots, as one of twenty instances sharing the quota would be. */
  function crowded() {
    const s = setup({ floor: 0.1, r: 0.5 });
    answer(s);
    s.advance(10);
    throttle(s); // 10 slots
    s.advance(QUOTA_WINDOW_MS);
    throttle(s); // 13
    s.advance(QUOTA_WINDOW_MS);
    throttle(s); // 17
    s.advance(QUOTA_WINDOW_MS);
    throttle(s); // 22
    return s;
  }

  it('holds the period until the first probe is due', () => {
    const s = crowded();
    const held = s.slots();
    s.advance(PROBE.firstMs * 0.5 - 1);
    expect(s.slots()).toBe(held);
  });

  it('probes a shorter period once it has held', () => {
    const s = crowded();
    const held = s.slots();
    s.advance(PROBE.firstMs);
    expect(s.slots()).toBeLessThan(held);
  });

  it('undoes a probe that is throttled, and waits twice as long for the next', () => {
    const s = crowded();
    const held = s.slots();
    s.advance(PROBE.firstMs);
    expect(s.slots()).toBeLessThan(held);
    s.advance(100);
    throttle(s, false, 50);
    expect(s.slots()).toBe(held);
    s.advance(PROBE.firstMs * 2 * 0.5 - 1);
    expect(s.slots()).toBe(held);
  });

  it('recovers one slot, LIVE_QPS, within two minutes once the others go quiet', () => {
    const s = crowded();
    let elapsed = 0;
    while (s.slots() > 1 && elapsed < 120_000) {
      s.advance(500);
      elapsed += 500;
      answer(s);
    }
    expect(s.slots()).toBe(1);
  });
});

describe('AdaptiveRate: options', () => {
  it('without a slow start, begins at one slot', () => {
    expect(setup({ slowStart: false }).slots()).toBe(1);
  });

  it('refuses a ceiling or floor that is not positive', () => {
    expect(() => new AdaptiveRate({ ceiling: 0, floor: 1 })).toThrow(RangeError);
    expect(() => new AdaptiveRate({ ceiling: 10, floor: Number.NaN })).toThrow(RangeError);
  });
});
