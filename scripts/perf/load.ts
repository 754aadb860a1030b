// npm run load: one function instance (the built bundle, loaded once in this
// process, as FC 3.0 instance concurrency runs it) takes 1,000+ invocations,
// 100+ at a time, across every HTTP and event shape, while the local Live
// emulator throttles, fails with 5xx, resets connections, answers slower than
// the remaining time, hangs and quotes credentials back, at seeded random.
// Then the invariants are checked against the emulator's records and state,
// and the figures printed. Exits non-zero when any invariant is broken.
//
//   npm run load [-- --invocations 2000 --concurrency 150 --qps 400 --seed 7]
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { Bundle } from '../../dev/bundle';
import { run } from '../../dev/invocations/run';
import { DEMO_CREDENTIALS, type FaultKind, type FaultSpec, type Seed } from '../../dev/live-emulator';
import type { FcContext } from '../../functions/delete-caster-video-resource/types';
import { integerSetting, parseCommandLine } from '../local/cli';
import { percentileOfSorted } from './bench/stats';
import { checkAll, maxPerSecond, resultOf, type Settled } from './load/invariants';
import { LiveProcess, type LiveRecords } from './load/live-process';
import { ALLOWED_CASTER_IDS, loadSeed, planWorkload } from './load/workload';

export interface LoadOptions {
  invocations: number;
  /** Invocations in flight at once. */
  concurrency: number;
  /** LIVE_QPS of the instance. */
  qps: number;
  seed: number;
  /** Function timeouts (context.function.timeout, seconds) drawn per invocation. */
  timeoutsSeconds: number[];
  /** A response this slow outlasts every invocation's remaining time. */
  slowResponseMs: number;
  /** Per-request chance of each fault, in the order the emulator offers them. */
  faults: Array<{ kind: FaultKind; probability: number; status?: 400 | 500 | 503 }>;
  /** The bundle to drive; default dist/index.js. */
  bundle?: Bundle;
}

export const DEFAULT_LOAD: LoadOptions = {
  invocations: 1000,
  concurrency: 100,
  qps: 400,
  seed: 20261124,
  timeoutsSeconds: [1, 2, 2],
  slowResponseMs: 2_100,
  faults: [
    { kind: 'hang', probability: 0.006 },
    { kind: 'delay', probability: 0.012 },
    { kind: 'reset', probability: 0.025 },
    { kind: 'badBody', probability: 0.01 },
    { kind: 'internal', probability: 0.02 },
    { kind: 'unavailable', probability: 0.025 },
    { kind: 'throttle', probability: 0.05 },
    { kind: 'echo', probability: 0.004 },
  ],
};

export interface LoadReport {
  options: Omit<LoadOptions, 'bundle'>;
  invocations: number;
  byKind: Record<string, number>;
  maxInFlight: number;
  durationMs: number;
  liveRequests: number;
  faultsInjected: Record<string, number>;
  itemOutcomes: Record<string, number>;
  httpStatuses: Record<string, number>;
  events: { returned: number; thrown: number };
  maxRequestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  /** Least time left before FC's kill, over all invocations; and over those answering Timeout. */
  deadlineMarginMs: { min: number; minTimeout: number; timeouts: number };
  maskedEchoes: number;
  /** The instance's event-loop delay: how late timers and callbacks ran. */
  eventLoopDelayMs: { p99: number; max: number };
  /** The emulator's: its arrival times are stamped up to this late. */
  liveEventLoopDelayMs: { p99: number; max: number };
  invariants: Record<string, string[]>;
  ok: boolean;
}

const MANAGED_ENV = [
  'LIVE_ENDPOINT',
  'LIVE_QPS',
  'LIVE_MAX_ATTEMPTS',
  'LIVE_REGION',
  'FC_REGION',
  'ALLOWED_CASTER_IDS',
  'LOG_LEVEL',
  'ALIBABA_CLOUD_ACCESS_KEY_ID',
  'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
  'ALIBABA_CLOUD_SECURITY_TOKEN',
];

const count = (into: Record<string, number>, key: string) => (into[key] = (into[key] ?? 0) + 1);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runLoad(overrides: Partial<LoadOptions> = {}): Promise<LoadReport> {
  const { bundle: given, ...options } = { ...DEFAULT_LOAD, ...overrides };
  const bundle: Bundle = given ?? require(path.resolve(__dirname, '../../dist/index.js'));
  const seed = loadSeed();
  const faults = options.faults.map(
    (f): FaultSpec => ({
      kind: f.kind,
      probability: f.probability,
      times: Infinity,
      ...(f.status ? { status: f.status } : {}),
      ...(f.kind === 'delay' ? { delayMs: options.slowResponseMs } : {}),
    }),
  );
  const live = new LiveProcess();
  try {
    return await drive(bundle, live, await live.start(seed, faults, options.seed ^ 0x5eed), options, seed);
  } finally {
    live.kill();
  }
}

/** Runs the workload against the started emulator, then checks and counts. */
async function drive(
  bundle: Bundle,
  live: LiveProcess,
  url: string,
  options: Omit<LoadOptions, 'bundle'>,
  seed: Seed,
): Promise<LoadReport> {
  const role = DEMO_CREDENTIALS.find((c) => c.securityToken)!;
  const saved = Object.fromEntries(MANAGED_ENV.map((k) => [k, process.env[k]]));
  for (const k of MANAGED_ENV) delete process.env[k];
  Object.assign(process.env, {
    LIVE_ENDPOINT: url,
    LIVE_QPS: String(options.qps),
    LIVE_MAX_ATTEMPTS: '4',
    ALLOWED_CASTER_IDS,
    LOG_LEVEL: 'info',
  });
  // The function's log lines, kept for the checks instead of flooding the terminal.
  const logChunks: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = ((chunk: unknown) => {
    logChunks.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;

  const plan = planWorkload(options.invocations, options.seed, options.timeoutsSeconds);
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  const settled: Settled[] = new Array(plan.length);
  let next = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const started = performance.now();
  try {
    const worker = async () => {
      while (next < plan.length) {
        const planned = plan[next++]!;
        const context: FcContext = {
          requestId: `load-${options.seed}-${planned.index}`,
          region: 'cn-shanghai',
          accountId: '1234567890123456',
          credentials: {
            accessKeyId: role.accessKeyId,
            accessKeySecret: role.accessKeySecret,
            securityToken: role.securityToken,
          },
          function: {
            name: 'caster-video-resource-delete',
            handler: 'index.handler',
            memory: 512,
            timeout: planned.timeoutSeconds,
          },
        };
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        const t0 = performance.now();
        const outcome = await run(bundle, planned.inv, context);
        const ms = performance.now() - t0;
        inFlight -= 1;
        settled[planned.index] = { planned, invocationId: context.requestId!, outcome, ms };
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    // A slow response still lands at Live after the function stopped waiting: let the last ones land.
    await sleep(options.slowResponseMs + 300);
  } finally {
    process.stdout.write = write;
    for (const k of MANAGED_ENV) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  }
  const durationMs = performance.now() - started;
  loopDelay.disable();
  const records: LiveRecords = await live.finish();
  const { requests } = records;
  const logLines = logChunks.join('').split('\n').filter(Boolean);
  const secrets = [role.accessKeySecret, role.securityToken!].flatMap((s) => [
    s,
    encodeURIComponent(s),
    encodeURIComponent(encodeURIComponent(s)),
  ]);
  const invariants = checkAll({
    settled,
    requests,
    seed,
    finalState: (c) => records.state[c],
    qps: options.qps,
    delayMs: options.slowResponseMs,
    logLines,
    secrets,
  });

  const byKind: Record<string, number> = {};
  const itemOutcomes: Record<string, number> = {};
  const httpStatuses: Record<string, number> = {};
  const events = { returned: 0, thrown: 0 };
  let maskedEchoes = 0;
  for (const s of settled) {
    count(byKind, s.planned.kind);
    const result = resultOf(s);
    const items = Array.isArray(result?.results) ? result.results : [result];
    for (const item of items) count(itemOutcomes, item?.ok ? item.outcome : `failed: ${item?.error?.code}`);
    if (s.outcome.answer) count(httpStatuses, String(s.outcome.answer.statusCode));
    else if (s.outcome.thrown) events.thrown += 1;
    else events.returned += 1;
    if (JSON.stringify(result).includes('token=***')) maskedEchoes += 1;
  }
  const faultsInjected: Record<string, number> = {};
  for (const r of requests) if (r.fault) count(faultsInjected, r.fault);
  const latencies = settled.map((s) => s.ms).sort((a, b) => a - b);
  const margins = settled.map((s) => s.planned.timeoutSeconds * 1000 - s.ms);
  const timeoutMargins = settled
    .filter((s) => JSON.stringify(resultOf(s) ?? null).includes('"code":"Timeout"'))
    .map((s) => s.planned.timeoutSeconds * 1000 - s.ms);
  return {
    options,
    invocations: settled.length,
    byKind,
    maxInFlight,
    durationMs,
    liveRequests: requests.length,
    faultsInjected,
    itemOutcomes,
    httpStatuses,
    events,
    maxRequestsPerSecond: maxPerSecond(requests),
    latencyMs: {
      p50: percentileOfSorted(latencies, 50),
      p95: percentileOfSorted(latencies, 95),
      p99: percentileOfSorted(latencies, 99),
      max: latencies[latencies.length - 1] ?? 0,
    },
    deadlineMarginMs: {
      min: Math.min(...margins),
      minTimeout: timeoutMargins.length ? Math.min(...timeoutMargins) : NaN,
      timeouts: timeoutMargins.length,
    },
    maskedEchoes,
    eventLoopDelayMs: { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 },
    liveEventLoopDelayMs: records.loopDelayMs,
    invariants,
    ok: Object.values(invariants).every((v) => v.length === 0),
  };
}

const sorted = (o: Record<string, number>) => Object.entries(o).sort((a, b) => b[1] - a[1]);
const list = (o: Record<string, number>) =>
  sorted(o)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');

export function formatReport(r: LoadReport): string {
  const o = r.options;
  const totalFaults = Object.values(r.faultsInjected).reduce((a, b) => a + b, 0);
  const lines = [
    `load: ${r.invocations} invocations, ${o.concurrency} concurrent (max in flight ${r.maxInFlight}), LIVE_QPS ${o.qps}, seed ${o.seed}, timeouts ${[...new Set(o.timeoutsSeconds)].join('/')} s`,
    `  shapes:      ${list(r.byKind)}`,
    `  duration:    ${(r.durationMs / 1000).toFixed(1)} s (incl. ${((o.slowResponseMs + 300) / 1000).toFixed(1)} s for late responses to land), ${r.liveRequests} Live requests`,
    `  faults:      ${totalFaults} injected (${((100 * totalFaults) / Math.max(1, r.liveRequests)).toFixed(1)} % of requests): ${list(r.faultsInjected)}`,
    `  items:       ${list(r.itemOutcomes)}`,
    `  HTTP:        ${list(r.httpStatuses)}`,
    `  events:      ${r.events.returned} returned, ${r.events.thrown} threw RetryLaterError`,
    `  rate:        max ${r.maxRequestsPerSecond} Live requests in any 1 s window (LIVE_QPS ${o.qps})`,
    `  event loop:  delay p99 ${r.eventLoopDelayMs.p99.toFixed(0)} ms, max ${r.eventLoopDelayMs.max.toFixed(0)} ms in the instance; p99 ${r.liveEventLoopDelayMs.p99.toFixed(0)} ms, max ${r.liveEventLoopDelayMs.max.toFixed(0)} ms in the emulator`,
    `  latency:     p50 ${r.latencyMs.p50.toFixed(0)} ms, p95 ${r.latencyMs.p95.toFixed(0)} ms, p99 ${r.latencyMs.p99.toFixed(0)} ms, max ${r.latencyMs.max.toFixed(0)} ms`,
    `  deadline:    ${r.deadlineMarginMs.timeouts} answered Timeout; least time left before FC's kill: ${r.deadlineMarginMs.min.toFixed(0)} ms (${Number.isNaN(r.deadlineMarginMs.minTimeout) ? '-' : r.deadlineMarginMs.minTimeout.toFixed(0)} ms for a Timeout answer)`,
    `  secrets:     ${r.maskedEchoes} upstream echoes of the token and secret masked`,
    '  invariants:',
    ...Object.entries(r.invariants).map(
      ([name, v]) =>
        `    ${v.length === 0 ? 'ok  ' : 'FAIL'} ${name}${v.length ? ` (${v.length}): ${v.slice(0, 5).join(' | ')}` : ''}`,
    ),
    r.ok ? 'load: all invariants held' : 'load: INVARIANTS BROKEN',
  ];
  return lines.join('\n');
}

function loadOptions(): Partial<LoadOptions> {
  const { values, fail } = parseCommandLine({
    command: 'npm run load',
    synopsis: '[--invocations N] [--concurrency N] [--qps N] [--seed N]',
    details: [
      `Defaults: --invocations ${DEFAULT_LOAD.invocations} --concurrency ${DEFAULT_LOAD.concurrency} --qps ${DEFAULT_LOAD.qps} (LIVE_QPS) --seed ${DEFAULT_LOAD.seed}`,
      'Exit codes: 0 every invariant held, 1 one was broken, 2 a usage error.',
    ],
    options: {
      invocations: { type: 'string' },
      concurrency: { type: 'string' },
      qps: { type: 'string' },
      seed: { type: 'string' },
    },
  });
  const out: Partial<LoadOptions> = {};
  for (const key of ['invocations', 'concurrency', 'qps', 'seed'] as const) {
    const text = values[key];
    if (text !== undefined) out[key] = integerSetting(text, `--${key}`, fail, key === 'seed' ? 0 : 1);
  }
  return out;
}

if (require.main === module) {
  runLoad(loadOptions())
    .then((report) => {
      console.log(formatReport(report));
      process.exitCode = report.ok ? 0 : 1;
    })
    .catch((err: Error) => {
      console.error(`npm run load: ${err.message}`);
      process.exitCode = 1;
    });
}
