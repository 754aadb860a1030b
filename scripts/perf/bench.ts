// npm run bench: the function's bundle against references, measured side by
// side in one run (each part is in scripts/bench/):
//   floor   — a minimal handler signing ACS3-HMAC-SHA256 with node:crypto;
//   naive   — a 20-line @alicloud/openapi-client handler, esbuild defaults;
//   ours    — dist/index.js as `npm run build` makes it;
//   sdk-min — diagnostic: the SDK with nothing around it, bundled like ours.
// All of them delete a video resource (DeleteCasterVideoResource) on one
// local Live emulator started here, with the same STS credentials, the same
// event (a Buffer, as FC passes it) and the same context.
import path from 'node:path';
import { createLiveEmulator, DEMO_CREDENTIALS } from '../../dev/live-emulator';
import { parseCommandLine } from '../local/cli';
import { buildAll } from './bench/bundles';
import { CHILD_ENV, casterOf, HANDLERS, type HandlerName, perHandler, resourceId } from './bench/protocol';
import { type Measured, printReport } from './bench/report';
import { runChild } from './bench/spawn-child';
import { median, percentile } from './bench/stats';

const SETTINGS = {
  coldRuns: Number(process.env.BENCH_COLD_RUNS ?? 30),
  warmUp: 200,
  warmRounds: Number(process.env.BENCH_WARM_ROUNDS ?? 5000),
  /** Until V8's new space has kept its size for 1000 invocations (see bench/rss-child.ts). */
  rssWarmUp: { min: 1000, max: 6000, stableFor: 1000 },
  rssInvocations: 400,
  rssRuns: 3,
};

interface ColdReport {
  loadMs: number;
  firstInvocationMs: number;
  coldStartMs: number;
}
interface RssReport {
  warmedUp: number;
  rssGrowthBytes: number;
  heapGrowthBytes: number;
}

async function main(): Promise<void> {
  parseCommandLine({
    command: 'npm run bench',
    synopsis: '',
    details: [
      'Builds dist/index.js and the reference handlers, then measures them side by side against the local Live emulator.',
      'No options; BENCH_COLD_RUNS and BENCH_WARM_ROUNDS set the run counts.',
    ],
    options: {},
  });
  const root = path.resolve(__dirname, '../..');
  const built = await buildAll(root);
  const emulator = createLiveEmulator();
  await emulator.start();
  const credentials = DEMO_CREDENTIALS.find((c) => c.securityToken)!;
  const ids = (n: number) => Array.from({ length: n }, (_, i) => resourceId(i));
  const childEnv = (plan: unknown): NodeJS.ProcessEnv => ({
    ...process.env,
    LIVE_ENDPOINT: emulator.url,
    // Ours holds itself to LIVE_QPS (default 10) per instance; the references
    // do not limit at all, so the limit is set far above what a run sends.
    LIVE_QPS: '100000',
    LOG_LEVEL: 'info',
    [CHILD_ENV.bundles]: JSON.stringify(built.bundles),
    [CHILD_ENV.credentials]: JSON.stringify(credentials),
    [CHILD_ENV.plan]: JSON.stringify(plan),
  });
  const s = SETTINGS;

  try {
    // Cold starts: fresh processes, alternating between the handlers; the
    // order rotates every run so that none always follows the same one.
    for (const h of HANDLERS) emulator.addCaster(casterOf(h, 'cold'), ids(s.coldRuns));
    const cold = perHandler((): ColdReport[] => []);
    for (let run = 0; run < s.coldRuns; run++) {
      for (let k = 0; k < HANDLERS.length; k++) {
        const handler = HANDLERS[(run + k) % HANDLERS.length];
        const plan = { handler, caster: casterOf(handler, 'cold'), resource: resourceId(run) };
        cold[handler].push(await runChild<ColdReport>(built.children.cold, childEnv(plan)));
      }
    }

    // Warm: one process loads them all and invokes them round-robin.
    const casters = perHandler((h) => casterOf(h, 'warm'));
    for (const h of HANDLERS) emulator.addCaster(casters[h], ids(s.warmUp + s.warmRounds));
    const warm = await runChild<Record<HandlerName, number[]>>(
      built.children.warm,
      childEnv({ casters, warmup: s.warmUp, rounds: s.warmRounds }),
    );

    // Memory: one process per handler and run, alternating.
    const rss = perHandler((): RssReport[] => []);
    for (let run = 0; run < s.rssRuns; run++) {
      for (const handler of HANDLERS) {
        const caster = `${casterOf(handler, 'rss')}-${run}`;
        emulator.addCaster(caster, ids(s.rssWarmUp.max + s.rssInvocations));
        const plan = { handler, caster, warmup: s.rssWarmUp, invocations: s.rssInvocations };
        rss[handler].push(await runChild<RssReport>(built.children.rss, childEnv(plan), ['--expose-gc']));
      }
    }

    const measured = perHandler(
      (h): Measured => ({
        bytes: built.sizes[h],
        loadMs: median(cold[h].map((r) => r.loadMs)),
        coldMs: median(cold[h].map((r) => r.coldStartMs)),
        p50: percentile(warm[h], 50),
        p99: percentile(warm[h], 99),
        rssBytes: median(rss[h].map((r) => r.rssGrowthBytes)),
        heapBytes: median(rss[h].map((r) => r.heapGrowthBytes)),
        rssWarmUp: median(rss[h].map((r) => r.warmedUp)),
      }),
    );
    // The verdicts are printed, not turned into an exit code: timings on a shared machine are for people to read.
    printReport(measured, s);
  } finally {
    await emulator.stop();
  }
}

main().catch((err: Error) => {
  console.error(`npm run bench: ${err.message}`);
  process.exit(1);
});
