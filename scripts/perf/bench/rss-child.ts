// Memory: one process, one handler. After the warm-up, RSS and the heap in
// use are read before and after 400 more invocations, each reading preceded
// by a full collection (node --expose-gc), so what remains is what the handler
// keeps, not garbage not yet collected.
//
// Warm means: V8 has finished sizing its young generation for this load. A
// burst of SDK calls makes it double the new space step by step (2 -> 32 MB
// over the first ~1500 invocations here, for sdk-min as for ours); that is
// bounded, happens once, and is not something the handler keeps, but a
// doubling inside the 400 measured invocations adds megabytes of RSS. So the
// warm-up runs until the new space has kept its size for `stableFor`
// invocations (at least `min`, at most `max`), the same rule for every
// handler. The heap in use after a full collection is reported beside RSS:
// it is the direct measure of what invocations leave behind.
import { getHeapSpaceStatistics } from 'node:v8';
import {
  assertDeleted,
  CHILD_ENV,
  type Credentials,
  type Handler,
  type HandlerName,
  invocation,
  readEnvJson,
  report,
  resourceId,
} from './protocol';

interface RssPlan {
  handler: HandlerName;
  caster: string;
  warmup: { min: number; max: number; stableFor: number };
  invocations: number;
}

const newSpaceBytes = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;

const gc = (globalThis as { gc?: () => void }).gc;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** After a full collection, and after V8's background unmapper has had time to hand freed pages back. */
async function settled(): Promise<{ rss: number; heap: number }> {
  for (let i = 0; i < 2; i++) {
    gc!();
    await pause(100);
  }
  return { rss: process.memoryUsage.rss(), heap: process.memoryUsage().heapUsed };
}

async function main(): Promise<void> {
  if (!gc) throw new Error('run with --expose-gc');
  const plan = readEnvJson<RssPlan>(CHILD_ENV.plan);
  const bundles = readEnvJson<Record<HandlerName, string>>(CHILD_ENV.bundles);
  const credentials = readEnvJson<Credentials>(CHILD_ENV.credentials);
  const mod = require(bundles[plan.handler]) as Handler;
  let next = 0;
  const run = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const [event, context] = invocation(plan.caster, resourceId(next++), credentials);
      assertDeleted(plan.handler, await mod.handler(event, context));
    }
  };

  const { min, max, stableFor } = plan.warmup;
  const step = 50;
  let warmedUp = 0;
  let stableSince = 0;
  let size = newSpaceBytes();
  while (warmedUp < max && (warmedUp < min || warmedUp - stableSince < stableFor)) {
    await run(step);
    warmedUp += step;
    if (newSpaceBytes() !== size) [size, stableSince] = [newSpaceBytes(), warmedUp];
  }
  const before = await settled();
  await run(plan.invocations);
  const after = await settled();
  report({ warmedUp, rssGrowthBytes: after.rss - before.rss, heapGrowthBytes: after.heap - before.heap });
  process.exit(0);
}

main().catch((err) => {
  process.stderr.write(`rss child: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
