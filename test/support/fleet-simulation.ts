// A fleet of FC instances against one account quota, on a virtual clock: the
// function's own rate limiter, adaptive rate and retry policy, each instance
// with its own, and the Live emulator's quota in between. What FC does is
// modelled: invocations wait in one queue and go to whichever instance is
// idle (one at a time per instance unless `concurrency` says otherwise).
import { AccountQuota } from '../../dev/live-emulator/quota';
import { seededRandom } from '../../dev/random';
import { classifyFailure } from '../../functions/delete-caster-video-resource/live/classify';
import { Deadline } from '../../functions/delete-caster-video-resource/policy/deadline';
import { RateLimiter } from '../../functions/delete-caster-video-resource/policy/rate-limiter';
import { withRetries } from '../../functions/delete-caster-video-resource/policy/retry';
import { VirtualClock } from './virtual-clock';

export interface FleetScenario {
  instances: number;
  /** Invocations in all, each one delete. */
  invocations: number;
  /** Invocations in flight per instance (FC 3.0's built-in runtimes: 1). */
  concurrency: number;
  quota: number;
  qps: number;
  /** The instance cap the floor is derived from. */
  instanceCap: number;
  timeoutSeconds: number;
  /** Another client of the account, sending this many requests a second whatever happens to them. */
  otherQps?: number;
  seed?: number;
  /** How long the fleet stays idle before the invocations arrive (0: they arrive together at once). */
  staggerMs?: number;
  /** Sees every Live request of the fleet: when, from which instance, accepted or not. */
  onRequest?: (at: number, instance: number, accepted: boolean) => void;
}

export interface FleetOutcome {
  ok: number;
  /** Would be thrown for redelivery: still throttled at the deadline. */
  thrown: number;
  requests: number;
  throttled: number;
  otherAccepted: number;
  durationMs: number;
  /** Deletes per second, as a share of what the other client left of the quota. */
  goodput: number;
  throttledShare: number;
  /** Each instance's send rate when the run ended. */
  finalRates: number[];
}

export async function simulateFleet(s: FleetScenario): Promise<FleetOutcome> {
  const random = seededRandom(s.seed ?? 1);
  const clock = new VirtualClock();
  const now = () => clock.now;
  const quota = new AccountQuota(s.quota, now);
  const start = clock.now + (s.staggerMs ?? 0);
  const out = { ok: 0, thrown: 0, requests: 0, throttled: 0, otherAccepted: 0 };
  let queued = s.invocations;
  let running = 0;

  // One Live request: a few ms there, the quota's verdict, a few ms back.
  const send = async (instance: number) => {
    await clock.sleep(1 + random() * 2);
    out.requests += 1;
    const admitted = quota.admit(clock.now).ok;
    s.onRequest?.(clock.now - start, instance, admitted);
    await clock.sleep(3 + random() * 6);
    if (!admitted) {
      out.throttled += 1;
      // What the Live client makes of Live's answer: a throttle, classified as such.
      throw classifyFailure(
        {
          code: 'Throttling.User',
          data: {
            statusCode: 400,
            RequestId: `r${out.requests}`,
            Message: 'Request was denied due to user flow control.',
          },
        },
        false,
      );
    }
  };
  const limiters = Array.from(
    { length: s.instances },
    () => new RateLimiter(s.qps, { floor: s.qps / (2 * s.instanceCap), now, random, setTimer: clock.setTimer }),
  );
  const worker = async (limiter: RateLimiter, instance: number) => {
    await clock.sleep(Math.max(0, start - clock.now));
    while (queued > 0) {
      queued -= 1;
      running += 1;
      await clock.sleep(0.5 + random());
      const deadline = Deadline.forInvocation(s.timeoutSeconds * 1000, now);
      const run = await withRetries(() => send(instance), {
        maxAttempts: 4,
        deadline,
        limiter,
        retryThrottlesUntilDeadline: true,
        random,
        now,
      });
      if (run.ok) out.ok += 1;
      else out.thrown += 1;
      running -= 1;
    }
  };
  const workers = limiters.flatMap((limiter, k) => Array.from({ length: s.concurrency }, () => worker(limiter, k)));
  let finished = false;
  void Promise.all(workers).then(() => (finished = true));
  const other = async () => {
    if (!s.otherQps) return;
    await clock.sleep(Math.max(0, start - clock.now) + random() * (1000 / s.otherQps));
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
    finalRates: limiters.map((l) => l.adaptive.rate()),
  };
}
