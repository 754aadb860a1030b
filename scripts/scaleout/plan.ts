// What a scale-out run is made of, shared by the parent (scripts/scaleout.ts)
// and the instance processes: the options, the Live state it is seeded with,
// which resource each invocation names, and what an instance reports back.
import type { Seed } from '../../dev/live-emulator';

export interface ScaleoutOptions {
  /** Function instances (processes), K. */
  instances: number;
  /** Invocations per instance, M; each names a distinct resource. */
  invocations: number;
  /** Invocations in flight at once per instance, C (FC instance concurrency). */
  concurrency: number;
  /** The account's Live quota, Q requests in any sliding second, shared by all instances. */
  quota: number;
  /** LIVE_QPS of each instance. */
  qps: number;
  /** The function's timeout, seconds (context.function.timeout; FC kills an invocation past it). */
  timeoutSeconds: number;
  /** Extra latency of every accepted Live request, ms (the emulator's delay fault); 0: none. */
  slowMs: number;
  /** The emulator sends x-acs-retry-after with its quota refusals. */
  retryAfterHeader: boolean;
}

export const DEFAULT_SCALEOUT: ScaleoutOptions = {
  instances: 4,
  invocations: 60,
  concurrency: 20,
  quota: 20,
  qps: 20,
  timeoutSeconds: 30,
  slowMs: 0,
  retryAfterHeader: false,
};

/** Resources each caster holds that no invocation names: they must survive the run. */
export const UNASKED_PER_CASTER = 2;

export const casterOf = (instance: number) => `LIVEPRODUCER_POST-cn-scale${String(instance).padStart(4, '0')}`;
export const resourceOf = (instance: number, index: number) => `scale-${instance}-${index}`;
const unaskedOf = (instance: number, j: number) => `scale-${instance}-keep-${j}`;

/** One caster per instance, with a resource for each of its invocations and a few more nobody asks for. */
export function seedFor(o: ScaleoutOptions): Seed {
  const casters: Seed['casters'] = {};
  for (let k = 0; k < o.instances; k += 1) {
    casters[casterOf(k)] = [
      ...Array.from({ length: o.invocations }, (_, i) => resourceOf(k, i)),
      ...Array.from({ length: UNASKED_PER_CASTER }, (_, j) => unaskedOf(k, j)),
    ];
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

/** Parent → instance. */
export type ToInstance = { type: 'go' };
/** Instance → parent. */
export type FromInstance =
  | { type: 'ready' }
  | { type: 'done'; records: InvocationRecord[] }
  | { type: 'error'; message: string };
