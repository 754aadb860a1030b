// What invocations leave behind: the heap in use after a full collection
// (node --expose-gc), before and after a run of invocations, once warm.
import { childMain, childSetup, type Handler, type HandlerName, resourceId } from './protocol';

const gc = (globalThis as { gc?: () => void }).gc;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** After a full collection, and after V8's background work has had time to finish. */
async function heapInUse(): Promise<number> {
  for (let i = 0; i < 2; i++) {
    gc?.();
    await pause(100);
  }
  return process.memoryUsage().heapUsed;
}

childMain('heap', async () => {
  if (!gc) throw new Error('run with --expose-gc');
  const { plan, bundles, invoke } = childSetup<{
    handler: HandlerName;
    caster: string;
    warmup: number;
    invocations: number;
  }>();
  const handler = require(bundles[plan.handler]) as Handler;
  let next = 0;
  const run = async (n: number) => {
    for (let i = 0; i < n; i++) await invoke(plan.handler, handler, plan.caster, resourceId(next++));
  };
  await run(plan.warmup);
  const before = await heapInUse();
  await run(plan.invocations);
  return { heapGrowthBytes: (await heapInUse()) - before };
});
