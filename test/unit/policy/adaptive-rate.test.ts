// The adaptive rate's transitions, one event at a time: every expected period
// is built from the named constants, so a change of tuning moves the tests with it.
import {
  CUT_SHARE,
  initialState,
  PROBE,
  periodMs,
  QUOTA_WINDOW_MS,
  type Quota,
  type RateEvent,
  type RateState,
  rateLimits,
  START_SLOTS,
  step,
  TRIP_MS,
} from '../../../functions/delete-caster-video-resource/policy/adaptive-rate';

const QPS = 10;
const limits = rateLimits(QPS, QPS / 40);
const SLOT = (QUOTA_WINDOW_MS + TRIP_MS) / QPS;
const T = 1_000_000;

/** The state after `events`, from a fresh instance (or a steady one at one slot). */
function replay(events: RateEvent[], slowStart = true): RateState {
  return events.reduce((state, event) => step(state, event, limits), initialState(limits, slowStart));
}
const slotsOf = (state: RateState) => periodMs(state, limits) / SLOT;
const answer = (at: number, sentAt = at, quota: Quota = 'delete'): RateEvent => ({ kind: 'answer', at, sentAt, quota });
const throttle = (at: number, more: Partial<Extract<RateEvent, { kind: 'throttle' }>> = {}): RateEvent => ({
  kind: 'throttle',
  at,
  sentAt: at,
  quota: 'delete',
  first: true,
  backlog: true,
  draw: 0.5,
  ...more,
});
/** A fresh instance that has halved down to one slot and so holds a steady period. */
const halvings = Math.ceil(Math.log2(START_SLOTS));
const warm = Array.from({ length: halvings }, (_, i) => answer(T + i, T + i));

describe('slow start', () => {
  it('starts at START_SLOTS slots, each a LIVE_QPS-th of the quota window and the trip', () => {
    expect(periodMs(replay([]), limits)).toBeCloseTo(START_SLOTS * SLOT, 9);
  });

  it('halves on an answer, once per round trip', () => {
    const once = Math.floor(START_SLOTS / 2);
    expect(slotsOf(replay([answer(T, T - 5)]))).toBe(once);
    expect(slotsOf(replay([answer(T, T - 5), answer(T + 1, T - 3)]))).toBe(once);
  });

  it('reaches one slot, LIVE_QPS, and holds it', () => {
    expect(replay(warm).phase).toEqual({ kind: 'steady', slots: 1, nextProbeAt: Infinity });
  });

  it('forgives a throttle before Live has accepted anything of that quota, with a backlog waiting: one burst is no fleet', () => {
    const state = replay([answer(T, T, 'describe'), throttle(T + 10)]);
    expect(state.phase).toMatchObject({ kind: 'slow-start', slots: Math.floor(START_SLOTS / 2) });
  });

  it('does not forgive it with nothing waiting: a lone request gains nothing, and a fleet would pay', () => {
    const state = replay([throttle(T, { backlog: false })]);
    expect(state.phase).toMatchObject({ kind: 'steady', slots: 2 * START_SLOTS });
  });

  it('ends at twice its period on a throttle once that quota has accepted this instance', () => {
    const state = replay([answer(T), throttle(T + 2 * QUOTA_WINDOW_MS)]);
    expect(state.phase).toMatchObject({ kind: 'steady', slots: 2 * Math.floor(START_SLOTS / 2) });
  });

  it('ends on any later throttle after a forgiven one, counting from the forgiven period', () => {
    const state = replay([throttle(T), answer(T + 100), throttle(T + 200, { sentAt: T + 150, first: false })]);
    expect(state.phase).toMatchObject({ kind: 'steady', slots: 2 * START_SLOTS });
  });
});

describe('cuts', () => {
  it(`adds CUT_SHARE of the period on a request's first throttle`, () => {
    const state = replay([...warm, throttle(T + 10), throttle(T + 10 + QUOTA_WINDOW_MS)]);
    expect(slotsOf(state)).toBe(2 + Math.ceil(2 * CUT_SHARE));
  });

  it('cuts at most once per quota window', () => {
    expect(slotsOf(replay([...warm, throttle(T + 10), throttle(T + 20)]))).toBe(2);
  });

  it('ignores a throttle of a send made before the last cut', () => {
    const late = throttle(T + 10 + QUOTA_WINDOW_MS, { sentAt: T + 5 });
    expect(slotsOf(replay([...warm, throttle(T + 10), late]))).toBe(2);
  });

  it("does not cut for a retry's throttle: a retry only hunts for a free slot", () => {
    expect(slotsOf(replay([...warm, throttle(T + 10, { first: false })]))).toBe(1);
  });

  it('never goes slower than the floor', () => {
    const throttles = Array.from({ length: 40 }, (_, i) => throttle(T + 10 + i * QUOTA_WINDOW_MS));
    expect(slotsOf(replay([...warm, ...throttles]))).toBe(limits.maxSlots);
  });

  it("pauses until Live's x-acs-retry-after has passed, never shortening a pause", () => {
    const state = replay([throttle(T, { retryAfterMs: 800 }), throttle(T + 10, { retryAfterMs: 100, first: false })]);
    expect(state.pausedUntil).toBe(T + 800);
  });
});

describe('probes', () => {
  const cut = [...warm, throttle(T + 10), throttle(T + 10 + QUOTA_WINDOW_MS)];
  const cutSlots = 2 + Math.ceil(2 * CUT_SHARE);
  const due = (state: RateState) => (state.phase.kind === 'steady' ? state.phase.nextProbeAt : Number.NaN);

  it('holds the period until the first probe is due, PROBE.firstMs on average', () => {
    const state = replay(cut);
    expect(due(state) - (T + 10 + QUOTA_WINDOW_MS)).toBeCloseTo(PROBE.firstMs, 6);
    expect(replay([...cut, { kind: 'tick', at: due(state) - 1 }]).phase.kind).toBe('steady');
  });

  it('probes a shorter period once due', () => {
    const state = replay(cut);
    expect(replay([...cut, { kind: 'tick', at: due(state) }]).phase).toMatchObject({
      kind: 'probing',
      slots: cutSlots - 1,
      from: cutSlots,
    });
  });

  it('keeps a probe that holds, and probes again sooner', () => {
    const at = due(replay(cut));
    const held = replay([...cut, { kind: 'tick', at }, answer(at + PROBE.failWithinMs)]);
    expect(held.phase).toMatchObject({ kind: 'steady', slots: cutSlots - 1 });
    expect(held.probeEveryMs).toBe(PROBE.firstMs / 2);
  });

  it('undoes a probe that is throttled, and waits twice as long for the next', () => {
    const at = due(replay(cut));
    const failed = replay([...cut, { kind: 'tick', at }, throttle(at + 10, { first: false })]);
    expect(failed.phase).toMatchObject({ kind: 'steady', slots: cutSlots });
    expect(failed.probeEveryMs).toBe(PROBE.firstMs * 2);
  });
});
