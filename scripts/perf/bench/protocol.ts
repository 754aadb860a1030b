// What the benchmark's parent and its children agree on: which handlers exist,
// how a child is told what to do (environment), and the one event and context
// every handler gets, so that all of them make the same Live call.
import { writeSync } from 'node:fs';

/** The three of the issue, and a diagnostic one: the SDK with nothing around it (sdk-min-handler.ts). */
export const HANDLERS = ['floor', 'naive', 'ours', 'sdk-min'] as const;
export type HandlerName = (typeof HANDLERS)[number];

export function perHandler<T>(make: (handler: HandlerName) => T): Record<HandlerName, T> {
  return Object.fromEntries(HANDLERS.map((h) => [h, make(h)])) as Record<HandlerName, T>;
}

/** Environment keys the parent sets for a child (besides LIVE_ENDPOINT / LIVE_QPS). */
export const CHILD_ENV = {
  bundles: 'BENCH_BUNDLES', // JSON: Record<HandlerName, absolute path>
  plan: 'BENCH_PLAN', // JSON: the child's own plan
  credentials: 'BENCH_CREDENTIALS', // JSON: { accessKeyId, accessKeySecret, securityToken }
} as const;

/** Children report on fd 3 so that stdout stays where the parent sent it (see bench.ts). */
export const REPORT_FD = 3;

export const REGION = 'cn-shanghai';

/** Each handler deletes from its own caster, a different resource every invocation. */
export function casterOf(handler: HandlerName, phase: string): string {
  return `LIVEPRODUCER_POST-bench-${phase}-${handler}`;
}

export function resourceId(index: number): string {
  return `bench-resource-${index}`;
}

export interface Handler {
  handler(event: unknown, context: unknown): Promise<unknown>;
}

export interface Credentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

export function readEnvJson<T>(name: string): T {
  const raw = process.env[name];
  if (!raw) throw new Error(`${name} is not set; run this through scripts/perf/bench.ts.`);
  return JSON.parse(raw) as T;
}

let invocations = 0;

/** FC passes the payload as a Buffer and a context holding the role's STS credentials. */
export function invocation(caster: string, resource: string, credentials: Credentials): [Buffer, object] {
  invocations += 1;
  const event = Buffer.from(JSON.stringify({ CasterId: caster, ResourceId: resource, RegionId: REGION }));
  const context = {
    requestId: `bench-${process.pid}-${invocations}`,
    region: REGION,
    credentials,
    function: { name: 'bench', handler: 'index.handler', memory: 512, timeout: 30 },
  };
  return [event, context];
}

/** Every handler must have deleted the resource; a benchmark of failures would prove nothing. */
export function assertDeleted(name: HandlerName, result: unknown): void {
  const r = result as { ok?: unknown; outcome?: unknown } | undefined;
  if (r?.ok !== true || (name === 'ours' && r.outcome !== 'deleted')) {
    throw new Error(`${name} did not delete: ${JSON.stringify(result)}`);
  }
}

export function report(value: unknown): void {
  writeSync(REPORT_FD, JSON.stringify(value));
}
