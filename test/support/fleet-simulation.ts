// A fleet of FC instances against one account quota, on a virtual clock: the
// function's own rate limiter and retry policy, each instance with its own,
// and the Live emulator's quota in between. What FC does is modelled:
// invocations wait in one queue and go to whichever instance is idle (one at
// a time per instance unless `concurrency` says otherwise). Each source of
// chance (the network, FC's dispatch, each instance's limiter, the other
// client) draws from its own seeded stream, so a change to one leaves the
// others' draws as they were.
import { AccountQuota } from '../../dev/live-emulator/quota';
import { seededRandom } from '../../dev/random';
import { classifyFailure } from '../../functions/delete-caster-video-resource/live/classify';
import { Deadline } from '../../functions/delete-caster-video-resource/policy/deadline';
import { RateLimiter } from '../../functions/delete-caster-video-resource/policy/rate-limiter';
import { withRetries } from '../../functions/delete-caster-video-resource/policy/retry';
import { VirtualClock } from './virtual-clock';

export interface FleetScenario {
  instances: number;
  invocations: number;
  /** Invocations in flight per instance (FC 3.0's built-in runtimes: 1). */
  concurrency: number;
  /** Deletes per invocation, run `inFlight` at a time as the function runs a batch (run/run.ts). */
  items?: number;
  inFlight?: number;
  quota: number;
  qps: number;
  /** The instance cap the floor is derived from. */
  instanceCap: number;
  timeoutSeconds: number;
  /** Another client of the account, sending this many requests a second whatever happens to them. */
  otherQps?: number;
  /** Live throttles the fleet's first N deletes whatever the quota: another client's burst. */
  throttleFirst?: number;
  /** Each invocation first lists its caster, as a batch does (run/prefetch.ts). */
  prefetch?: boolean;
  seed?: number;
}

export interface FleetOutcome {
  ok: number;
  /** Would be thrown for redelivery: still throttled at the deadline. */
  thrown: number;
  requests: number;
  throttled: number;
  otherAccepted: number;
  durationMs: number;
  /** When each delete was accepted, from the start. */
  acceptedAt: number[];
  /** Deletes per second, as a share of what the other client left of the quota. */
  goodput: number;
  throttledShare: number;
  /** Each instance's send rate when the run ended. */
  finalRates: number[];
}

const throttle = (n: number) =>
  classifyFailure(
    { code: 'Throttling.User', data: { statusCode: 400, RequestId: `r${n}`, Message: 'Request was denied.' } },
    false,
  );

export async function simulateFleet(s: FleetScenario): Promise<FleetOutcome> {
  const seed = s.seed ?? 1;
  const network = seededRandom(seed);
  const dispatch = seededRandom(seed + 1_000);
  const clock = new VirtualClock();
  const now = () => clock.now;
  const start = clock.now;
  const quota = new AccountQuota(s.quota, now);
  const out = { ok: 0, thrown: 0, requests: 0, throttled: 0, otherAccepted: 0, acceptedAt: [] as number[] };
  let queued = s.invocations;
  let running = 0;

  // One Live request: a few ms there, the quota's verdict, a few ms back.
  let deletes = 0;
  const send = async (describe = false) => {
    await clock.sleep(1 + network() * 2);
    out.requests += 1;
    if (!describe) deletes += 1;
    const burst = !describe && deletes <= (s.throttleFirst ?? 0);
    const admitted = !burst && quota.admit(clock.now).ok;
    await clock.sleep(3 + network() * 6);
    if (!admitted) {
      out.throttled += 1;
      throw throttle(out.requests);
    }
    if (!describe) out.acceptedAt.push(clock.now - start);
  };
  const limiters = Array.from(
    { length: s.instances },
    (_, k) =>
      new RateLimiter(s.qps, {
        floor: s.qps / (2 * s.instanceCap),
        now,
        random: seededRandom(seed + 2_000 + k),
        setTimer: clock.setTimer,
      }),
  );
  const invocation = async (limiter: RateLimiter) => {
    const retry = {
      maxAttempts: 4,
      deadline: Deadline.forInvocation(s.timeoutSeconds * 1000, now),
      limiter,
      retryThrottlesUntilDeadline: true,
      random: dispatch,
      now,
    };
    if (s.prefetch) await withRetries('describe', () => send(true), { ...retry, maxAttempts: 1 });
    let items = s.items ?? 1;
    const worker = async () => {
      while (items > 0) {
        items -= 1;
        const run = await withRetries('delete', () => send(), retry);
        if (run.ok) out.ok += 1;
        else out.thrown += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(s.inFlight ?? 1, items) }, worker));
  };
  const worker = async (limiter: RateLimiter) => {
    while (queued > 0) {
      queued -= 1;
      running += 1;
      await clock.sleep(0.5 + dispatch());
      await invocation(limiter);
      running -= 1;
    }
  };
  const workers = limiters.flatMap((limiter) => Array.from({ length: s.concurrency }, () => worker(limiter)));
  let finished = false;
  void Promise.all(workers).then(() => (finished = true));
  const other = async () => {
    if (!s.otherQps) return;
    const random = seededRandom(seed + 3_000);
    await clock.sleep(random() * (1000 / s.otherQps));
    while (!finished) {
      if (quota.admit(clock.now).ok) out.otherAccepted += 1;
      await clock.sleep(1000 / s.otherQps);
    }
  };
  void other();
  await clock.run(() => finished && running === 0);
  const durationMs = clock.now - start;
  const left = s.quota - (out.otherAccepted * 1000) / durationMs;
  return {
    ...out,
    durationMs,
    goodput: (out.ok * 1000) / durationMs / left,
    throttledShare: out.requests === 0 ? 0 : out.throttled / out.requests,
    finalRates: limiters.map((l) => l.rate()),
  };
}
