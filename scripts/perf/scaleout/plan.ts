// What a scale-out run is made of, shared by the parent (../scaleout.ts)
// and the instance processes: the options, the Live state it is seeded with,
// which resource each invocation names, and what an instance reports back.
import type { Seed } from '../../../dev/live-emulator';

export interface ScaleoutOptions {
  /** Function instances (processes), K; also the function's instance cap (MAX_INSTANCES). */
  instances: number;
  /** Invocations per instance, M: K×M in all, each naming a distinct resource. */
  invocations: number;
  /**
   * Invocations in flight at once per instance, C. FC 3.0's built-in
   * runtimes (nodejs20) run one; more models a runtime with instance concurrency.
   */
  concurrency: number;
  /** The account's Live quota, Q requests in any sliding second, shared by all instances. */
  quota: number;
  /** LIVE_QPS of each instance. */
  qps: number;
  /** The function's timeout, seconds (context.function.timeout; FC kills an invocation past it). */
  timeoutSeconds: number;
  /** Extra latency of every accepted Live request, ms (the emulator's delay fault); 0: none. */
  slowMs: number;
  /** Another client of the same account sends this many requests a second throughout; 0: none. */
  otherQps: number;
  /** The emulator sends x-acs-retry-after with its quota refusals. */
  retryAfterHeader: boolean;
}

export const DEFAULT_SCALEOUT: ScaleoutOptions = {
  instances: 10,
  invocations: 24,
  concurrency: 1,
  quota: 10,
  qps: 10,
  timeoutSeconds: 30,
  slowMs: 0,
  otherQps: 0,
  retryAfterHeader: false,
};

/** Resources each caster holds that no invocation names: they must survive the run. */
export const UNASKED_PER_CASTER = 2;

export const casterOf = (instance: number) => `LIVEPRODUCER_POST-cn-scale${String(instance).padStart(4, '0')}`;
export const resourceOf = (invocation: number) => `scale-${invocation}`;
const unaskedOf = (caster: number, j: number) => `scale-keep-${caster}-${j}`;

/** Invocation n, of K×M: which caster and resource it names. */
export function target(o: ScaleoutOptions, n: number): { casterId: string; resourceId: string } {
  return { casterId: casterOf(n % o.instances), resourceId: resourceOf(n) };
}

/** K casters sharing the K×M resources, and a few more resources nobody asks for. */
export function seedFor(o: ScaleoutOptions): Seed {
  const casters: Seed['casters'] = {};
  for (let k = 0; k < o.instances; k += 1)
    casters[casterOf(k)] = Array.from({ length: UNASKED_PER_CASTER }, (_, j) => unaskedOf(k, j));
  for (let n = 0; n < o.instances * o.invocations; n += 1) {
    const { casterId, resourceId } = target(o, n);
    (casters[casterId] as string[]).push(resourceId);
  }
  return { casters };
}

/** How one invocation ended, as FC would see it. */
export type Ending =
  /** Returned ok: true. */
  | 'ok'
  /** Returned ok: false (the message is consumed). */
  | 'failed'
  /** Threw (FC / EventBridge redelivers it). */
  | 'thrown'
  /** Still running at the function's timeout: FC would have killed it. */
  | 'killed';

export interface InvocationRecord {
  instance: number;
  index: number;
  casterId: string;
  resourceId: string;
  ending: Ending;
  /** deleted / already_absent, or the failure's code. */
  outcome: string;
  ms: number;
  /** What breaks "answered, or thrown as retryable"; empty when it held. */
  problems: string[];
}

/** Parent → instance: start, or the next invocation FC hands this instance (none left: `index` null). */
export type ToInstance = { type: 'go' } | { type: 'invocation'; index: number | null };
/** Instance → parent. */
export type FromInstance =
  | { type: 'ready' }
  /** A worker is idle: FC may hand it an invocation. */
  | { type: 'idle' }
  | { type: 'done'; records: InvocationRecord[] }
  | { type: 'error'; message: string };
