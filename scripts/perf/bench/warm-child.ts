// Warm latency: one process loads every handler, warms each up, then
// invokes them round-robin (the starting handler rotates every round), timing
// each invocation from the call to its answer.
import { performance } from 'node:perf_hooks';
import {
  assertDeleted,
  CHILD_ENV,
  type Credentials,
  HANDLERS,
  type Handler,
  type HandlerName,
  invocation,
  perHandler,
  readEnvJson,
  report,
  resourceId,
} from './protocol';

interface WarmPlan {
  casters: Record<HandlerName, string>;
  warmup: number;
  rounds: number;
}

async function main(): Promise<void> {
  const plan = readEnvJson<WarmPlan>(CHILD_ENV.plan);
  const bundles = readEnvJson<Record<HandlerName, string>>(CHILD_ENV.bundles);
  const credentials = readEnvJson<Credentials>(CHILD_ENV.credentials);
  const handlers = perHandler((h) => require(bundles[h]) as Handler);
  const next = perHandler(() => 0);

  const once = async (name: HandlerName): Promise<number> => {
    const [event, context] = invocation(plan.casters[name], resourceId(next[name]++), credentials);
    const started = performance.now();
    const result = await handlers[name].handler(event, context);
    const took = performance.now() - started;
    assertDeleted(name, result);
    return took;
  };

  for (let i = 0; i < plan.warmup; i++) for (const name of HANDLERS) await once(name);
  const samples = perHandler((): number[] => []);
  for (let round = 0; round < plan.rounds; round++) {
    for (let k = 0; k < HANDLERS.length; k++) {
      const name = HANDLERS[(round + k) % HANDLERS.length];
      samples[name].push(await once(name));
    }
  }
  report(samples);
  process.exit(0);
}

main().catch((err) => {
  process.stderr.write(`warm child: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
