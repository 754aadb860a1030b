/**
 * This instance's share of the account's Live quota, learnt from Live's
 * answers alone: FC 3.0 runs one invocation per instance, so a burst runs on
 * many instances that share one quota and no store. The share is a period, a
 * whole number of slots between sends (rate-limiter.ts puts the slots on one
 * grid for every instance); the period, in slots, is this instance's estimate
 * of how many share the quota.
 *
 * The rate is a state machine: `step` takes the state and one event (an
 * answer, a throttle, time passing) to the next state; everything else only
 * reads it. docs/tuning.md has the table of its transitions.
 */

/** Live's quota counts the requests of each sliding second. */
export const QUOTA_WINDOW_MS = 1000;
/** The trip of a request to Live's quota count: how late a send may arrive after it left. */
export const TRIP_MS = 25;
/** A fresh instance's period, in slots: a tenth of LIVE_QPS, so that a burst of ten fresh instances fills the quota. */
export const START_SLOTS = 10;
/**
 * How much of itself a cut adds to the period once the slow start is over: all of it, so the rate
 * halves, as TCP's does. A smaller cut keeps a crowded fleet throttled for longer; a larger one
 * leaves more of the quota unused.
 */
export const CUT_SHARE = 1;
/** Probing for a shorter period: when, and by how much of it (the share doubles while probes hold). */
export const PROBE = {
  firstMs: 30_000,
  minMs: 4_000,
  maxMs: 60_000,
  failWithinMs: 3_000,
  share: 0.05,
  maxShare: 0.5,
} as const;

export type Phase =
  /**
   * Fresh: the period halves once per round trip until one slot. `forgiven`:
   * a throttle taken for others' burst, when, and at what period, which the
   * slow start's end still counts from.
   */
  | { kind: 'slow-start'; slots: number; halvedAt: number; forgiven: { slots: number; at: number } | null }
  /** Holding a period that held, until the next probe is due. */
  | { kind: 'steady'; slots: number; nextProbeAt: number }
  /** Trying a shorter period than `from`, since `since`. */
  | { kind: 'probing'; slots: number; from: number; since: number };

/** Live keeps one quota per operation: a delete's throttle is news of deletes. */
export type Quota = 'delete' | 'describe';

export interface RateState {
  phase: Phase;
  /** The last cut: one per quota window, and none for a send made before it. */
  lastCutAt: number;
  /** The last send of each quota Live accepted: while it is in the quota window, this instance holds part of it. */
  lastAccepted: Readonly<Record<Quota, number>>;
  /** Live's x-acs-retry-after: nothing leaves before this. */
  pausedUntil: number;
  probeEveryMs: number;
  probeShare: number;
}

export type RateEvent =
  | { kind: 'answer'; at: number; sentAt: number; quota: Quota }
  /**
   * `first`: the request's first throttle (news of congestion); a retry's only hunts for a free slot.
   * `backlog`: other requests of this instance are waiting their turn.
   */
  | {
      kind: 'throttle';
      at: number;
      sentAt: number;
      quota: Quota;
      first: boolean;
      backlog: boolean;
      retryAfterMs?: number;
      draw: number;
    }
  /** Time passing: a probe that is due starts. */
  | { kind: 'tick'; at: number };

/** What a rate is bounded by: LIVE_QPS makes the slot, the floor the longest period. */
export interface RateLimits {
  slotMs: number;
  maxSlots: number;
}

export function rateLimits(ceiling: number, floor: number): RateLimits {
  if (!(ceiling > 0) || !(floor > 0))
    throw new RangeError(`ceiling and floor must be positive (got ${ceiling}, ${floor})`);
  // A slot is a LIVE_QPS-th of the quota window and the trip: no quota window holds more slots than LIVE_QPS.
  const slotMs = (QUOTA_WINDOW_MS + TRIP_MS) / ceiling;
  return { slotMs, maxSlots: Math.max(1, Math.floor(1000 / Math.min(floor, ceiling) / slotMs)) };
}

const NEVER = Number.NEGATIVE_INFINITY;

export function initialState(limits: RateLimits, slowStart = true): RateState {
  const slots = slowStart ? Math.min(START_SLOTS, limits.maxSlots) : 1;
  const phase: Phase =
    slots > 1
      ? { kind: 'slow-start', slots, halvedAt: NEVER, forgiven: null }
      : { kind: 'steady', slots, nextProbeAt: Infinity };
  const lastAccepted = { delete: NEVER, describe: NEVER };
  return {
    phase,
    lastCutAt: NEVER,
    lastAccepted,
    pausedUntil: 0,
    probeEveryMs: PROBE.firstMs,
    probeShare: PROBE.share,
  };
}

const steady = (slots: number, nextProbeAt: number): Phase => ({ kind: 'steady', slots, nextProbeAt });
const jittered = (at: number, everyMs: number, draw: number) => at + everyMs * (0.5 + draw);

/** The rate after one event. */
export function step(state: RateState, event: RateEvent, limits: RateLimits): RateState {
  switch (event.kind) {
    case 'answer':
      return answered(state, event);
    case 'throttle':
      return throttled(state, event, limits);
    case 'tick':
      return ticked(state, event);
  }
}

function answered(state: RateState, { at, sentAt, quota }: Extract<RateEvent, { kind: 'answer' }>): RateState {
  const lastAccepted = { ...state.lastAccepted, [quota]: Math.max(state.lastAccepted[quota], sentAt) };
  const s = { ...state, lastAccepted };
  const { phase } = s;
  if (phase.kind === 'slow-start' && sentAt >= phase.halvedAt) {
    const slots = Math.max(1, Math.floor(phase.slots / 2));
    const next: Phase = slots > 1 ? { ...phase, slots, halvedAt: at } : steady(1, Infinity);
    return { ...s, phase: next };
  }
  if (phase.kind === 'probing' && at - phase.since >= PROBE.failWithinMs) {
    // The shorter period held: probe again sooner, and further.
    const probeEveryMs = Math.max(PROBE.minMs, s.probeEveryMs / 2);
    return {
      ...s,
      probeEveryMs,
      probeShare: Math.min(PROBE.maxShare, s.probeShare * 2),
      phase: steady(phase.slots, at + probeEveryMs),
    };
  }
  return s;
}

function throttled(state: RateState, event: Extract<RateEvent, { kind: 'throttle' }>, limits: RateLimits): RateState {
  const { at, sentAt, quota, first, backlog, retryAfterMs, draw } = event;
  const s =
    retryAfterMs && retryAfterMs > 0
      ? { ...state, pausedUntil: Math.max(state.pausedUntil, at + retryAfterMs) }
      : state;
  const { phase } = s;
  if (phase.kind === 'probing' && sentAt >= phase.since) {
    // The probe found the limit: back to what held, and probe less often.
    const probeEveryMs = Math.min(PROBE.maxMs, s.probeEveryMs * 2);
    return {
      ...s,
      lastCutAt: at,
      probeEveryMs,
      probeShare: PROBE.share,
      phase: steady(phase.from, jittered(at, probeEveryMs, draw)),
    };
  }
  // After a forgiven throttle, any throttle a window on (a retry's too) says the quota stayed full: no burst does.
  const confirms = phase.kind === 'slow-start' && phase.forgiven !== null && sentAt > phase.forgiven.at;
  // One cut per quota window, for news only: throttles within it report the same congestion.
  if (!confirms && (!first || sentAt < s.lastCutAt || at - s.lastCutAt < QUOTA_WINDOW_MS)) return s;
  // Before Live has accepted anything of this instance, a throttle is news of others' requests only:
  // another client's burst, or a fleet starting together. With a backlog waiting, the first is forgiven,
  // so that one burst does not hold a batch at the floor; a lone request gains nothing from it (its retry
  // waits out the window anyway) and a fleet would pay one more throttle per instance. The next throttle,
  // or one once this instance's own requests count, ends the slow start at twice its period.
  if (phase.kind === 'slow-start' && backlog && phase.forgiven === null && s.lastAccepted[quota] === NEVER) {
    return { ...s, lastCutAt: at, phase: { ...phase, forgiven: { slots: phase.slots, at } } };
  }
  const cut =
    phase.kind === 'slow-start'
      ? Math.max(2, Math.max(phase.slots, phase.forgiven?.slots ?? 0) * 2)
      : phase.slots + Math.ceil(phase.slots * CUT_SHARE);
  const slots = Math.min(limits.maxSlots, cut);
  return { ...s, lastCutAt: at, probeShare: PROBE.share, phase: steady(slots, jittered(at, s.probeEveryMs, draw)) };
}

function ticked(state: RateState, { at }: Extract<RateEvent, { kind: 'tick' }>): RateState {
  const { phase } = state;
  if (phase.kind !== 'steady' || phase.slots === 1 || at < phase.nextProbeAt) return state;
  const slots = Math.max(1, phase.slots - Math.max(1, Math.round(phase.slots * state.probeShare)));
  return { ...state, phase: { kind: 'probing', slots, from: phase.slots, since: at } };
}

/** Milliseconds between this instance's sends. */
export function periodMs(state: RateState, limits: RateLimits): number {
  return state.phase.slots * limits.slotMs;
}
