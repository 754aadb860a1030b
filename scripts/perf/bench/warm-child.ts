// Warm latency: one process loads both handlers and times their invocations
// with tinybench, after a warm-up of its own.
import { Bench } from 'tinybench';
import { childMain, childSetup, HANDLERS, type Handler, perHandler, resourceId } from './protocol';

childMain('warm', async () => {
  const { plan, bundles, invoke } = childSetup<{ casters: Record<string, string>; warmup: number; rounds: number }>();
  const handlers = perHandler((h) => require(bundles[h]) as Handler);
  const next = perHandler(() => 0);
  const bench = new Bench({
    iterations: plan.rounds,
    time: 0,
    warmupIterations: plan.warmup,
    warmupTime: 0,
    throws: true,
  });
  for (const name of HANDLERS) {
    bench.add(name, () => invoke(name, handlers[name], plan.casters[name], resourceId(next[name]++)));
  }
  await bench.run();
  return Object.fromEntries(
    bench.tasks.map((task) => {
      const { result } = task;
      if (result.state !== 'completed') throw new Error(`${task.name}: ${result.state}`);
      return [task.name, { p50: result.latency.p50, p99: result.latency.p99 }];
    }),
  );
});
