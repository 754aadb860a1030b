// npm run load: one function instance (the built bundle, loaded once in this
// process) takes 1,000+ invocations, 100+ at a time, across every HTTP and
// event shape: the state an instance keeps (limiter, Live client, nonces)
// under more concurrency than FC 3.0 gives it, while the local Live
// emulator throttles, fails with 5xx, resets connections, answers slower than
// the remaining time, hangs and quotes credentials back, at seeded random.
// Then the invariants are checked against the emulator's records and state,
// and the figures printed. Exits non-zero when any invariant is broken.
//
//   npm run load [-- --invocations 2000 --concurrency 150 --qps 400 --seed 7]
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Bundle } from '../../dev/bundle';
import { FUNCTION_ENV } from '../../dev/function-env';
import { run } from '../../dev/invocations/run';
import { DEMO_CREDENTIALS, type FaultSpec, type Seed } from '../../dev/live-emulator';
import type { FcContext } from '../../functions/delete-caster-video-resource/types';
import { checkAll, resultOf, type Settled } from './load/invariants';
import { maxPerSecond } from './load/invariants-output';
import { LiveProcess, type LiveRecords } from './load/live-process';
import { DEFAULT_LOAD, type LoadOptions, parseLoadOptions } from './load/options';
import { formatReport, type LoadReport } from './load/report';
import { ALLOWED_CASTER_IDS, loadSeed } from './load/seed';
import { planWorkload } from './load/workload';
import { percentile } from './stats';

const MANAGED_ENV = FUNCTION_ENV;

const count = (into: Record<string, number>, key: string) => (into[key] = (into[key] ?? 0) + 1);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export { formatReport, type LoadOptions };

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
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: latencies[latencies.length - 1] ?? 0,
    },
    deadlineMarginMs: {
      min: Math.min(...margins),
      minTimeout: timeoutMargins.length ? Math.min(...timeoutMargins) : NaN,
      timeouts: timeoutMargins.length,
    },
    maskedEchoes,
    invariants,
    ok: Object.values(invariants).every((v) => v.length === 0),
  };
}

if (require.main === module) {
  runLoad(parseLoadOptions())
    .then((report) => {
      console.log(formatReport(report));
      process.exitCode = report.ok ? 0 : 1;
    })
    .catch((err: Error) => {
      console.error(`npm run load: ${err.message}`);
      process.exitCode = 1;
    });
}
