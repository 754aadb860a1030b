// npm run bench: the function's bundle against what a user would write
// instead (bench/naive-handler.ts), measured side by side in one run: bundle
// size, cold start, warm latency and heap growth. Both delete a video
// resource on one local Live emulator started here, with the same STS
// credentials, the same event (a Buffer, as FC passes it) and the same context.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { createLiveEmulator, DEMO_STS_KEY } from '../../dev/live-emulator';
import { ROOT } from '../../dev/processes';
import { integerSetting, parseCommandLine } from '../local/cli';
import { CHILD_ENV, casterOf, HANDLERS, type HandlerName, perHandler, resourceId, runChild } from './bench/protocol';
import { type Measured, printReport, type Settings } from './bench/report';
import { median } from './stats';

/** The function's bundle exactly as `npm run build` makes it, the naive reference, and the child runners. */
async function buildAll() {
  const out = path.join(ROOT, '.build/bench');
  const here = path.join(ROOT, 'scripts/perf/bench');
  const node = { bundle: true, platform: 'node', logLevel: 'warning' } as const;
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  const bundles = { naive: path.join(out, 'naive.js'), ours: path.join(ROOT, 'dist/index.js') };
  // What a user would write: esbuild's defaults for a node bundle, plus --minify, nothing substituted.
  const naive = path.join(here, 'naive-handler.ts');
  await build({ ...node, minify: true, logLevel: 'error', entryPoints: [naive], outfile: bundles.naive });
  const children = perChild((name) => path.join(out, `${name}-child.js`));
  for (const [name, outfile] of Object.entries(children))
    await build({
      ...node,
      target: 'node20',
      format: 'cjs',
      entryPoints: [path.join(here, `${name}-child.ts`)],
      outfile,
    });
  return { bundles, sizes: perHandler((h) => statSync(bundles[h]).size), children };
}
const perChild = <T>(make: (name: string) => T) => ({ cold: make('cold'), warm: make('warm'), heap: make('heap') });

export async function main(argv = process.argv.slice(2)): Promise<void> {
  const details = [
    'Builds dist/index.js and the naive reference, then measures both side by side against the local Live emulator.',
    'No options; BENCH_COLD_RUNS (default 30) and BENCH_WARM_ROUNDS (default 5000) set the run counts.',
  ];
  const { fail } = parseCommandLine({ command: 'npm run bench', synopsis: '', details, options: {} }, argv);
  const s: Settings = {
    coldRuns: integerSetting(process.env.BENCH_COLD_RUNS ?? '30', 'BENCH_COLD_RUNS', fail),
    warmUp: 200,
    warmRounds: integerSetting(process.env.BENCH_WARM_ROUNDS ?? '5000', 'BENCH_WARM_ROUNDS', fail),
    heapWarmUp: 1500,
    heapInvocations: 400,
    heapRuns: 3,
  };
  const built = await buildAll();
  const emulator = createLiveEmulator();
  await emulator.start();
  const ids = (n: number) => Array.from({ length: n }, (_, i) => resourceId(i));
  const childEnv = (plan: unknown): NodeJS.ProcessEnv => ({
    ...process.env,
    LIVE_ENDPOINT: emulator.url,
    // Ours holds itself to LIVE_QPS; naive does not limit at all, so the limit is set far above what a run sends.
    LIVE_QPS: '100000',
    LOG_LEVEL: 'info',
    [CHILD_ENV.bundles]: JSON.stringify(built.bundles),
    [CHILD_ENV.credentials]: JSON.stringify(DEMO_STS_KEY),
    [CHILD_ENV.plan]: JSON.stringify(plan),
  });
  try {
    // Cold starts: fresh processes, alternating between the handlers, the first one rotating every run.
    for (const h of HANDLERS) emulator.addCaster(casterOf(h, 'cold'), ids(s.coldRuns));
    const cold = perHandler((): Array<{ loadMs: number; coldStartMs: number }> => []);
    for (let run = 0; run < s.coldRuns; run++) {
      for (let k = 0; k < HANDLERS.length; k++) {
        const handler = HANDLERS[(run + k) % HANDLERS.length];
        const plan = { handler, caster: casterOf(handler, 'cold'), resource: resourceId(run) };
        cold[handler].push(await runChild(built.children.cold, childEnv(plan)));
      }
    }
    const casters = perHandler((h) => casterOf(h, 'warm'));
    // tinybench runs a few more than asked for, to fill its own minimum time: room for them.
    for (const h of HANDLERS) emulator.addCaster(casters[h], ids(2 * (s.warmUp + s.warmRounds)));
    const plan = { casters, warmup: s.warmUp, rounds: s.warmRounds };
    const warm = await runChild<Record<HandlerName, { p50: number; p99: number }>>(built.children.warm, childEnv(plan));
    const heap = perHandler((): number[] => []);
    for (let run = 0; run < s.heapRuns; run++) {
      for (const handler of HANDLERS) {
        const caster = `${casterOf(handler, 'heap')}-${run}`;
        emulator.addCaster(caster, ids(s.heapWarmUp + s.heapInvocations));
        const heapPlan = { handler, caster, warmup: s.heapWarmUp, invocations: s.heapInvocations };
        const env = childEnv(heapPlan);
        heap[handler].push(
          (await runChild<{ heapGrowthBytes: number }>(built.children.heap, env, ['--expose-gc'])).heapGrowthBytes,
        );
      }
    }
    const measured = perHandler(
      (h): Measured => ({
        bytes: built.sizes[h],
        loadMs: median(cold[h].map((r) => r.loadMs)),
        coldMs: median(cold[h].map((r) => r.coldStartMs)),
        p50: warm[h].p50,
        p99: warm[h].p99,
        heapBytes: median(heap[h]),
      }),
    );
    // The verdicts are printed, not turned into an exit code: timings on a shared machine are for people to read.
    printReport(measured, s);
  } finally {
    await emulator.stop();
  }
}

if (require.main === module)
  main().catch((err: Error) => {
    console.error(`npm run bench: ${err.message}`);
    process.exit(1);
  });
