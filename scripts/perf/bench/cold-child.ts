// One cold start: a fresh node process loads one handler bundle and answers
// one invocation. Times are read from performance.now(), i.e. milliseconds
// since this process's time origin (its start), so node's own boot counts.
import { performance } from 'node:perf_hooks';
import {
  assertDeleted,
  CHILD_ENV,
  type Credentials,
  type Handler,
  type HandlerName,
  invocation,
  readEnvJson,
  report,
} from './protocol';

interface ColdPlan {
  handler: HandlerName;
  caster: string;
  resource: string;
}

async function main(): Promise<void> {
  const plan = readEnvJson<ColdPlan>(CHILD_ENV.plan);
  const bundles = readEnvJson<Record<HandlerName, string>>(CHILD_ENV.bundles);
  const credentials = readEnvJson<Credentials>(CHILD_ENV.credentials);
  const [event, context] = invocation(plan.caster, plan.resource, credentials);

  const loadStart = performance.now();
  const mod = require(bundles[plan.handler]) as Handler;
  const loaded = performance.now();
  const result = await mod.handler(event, context);
  const answered = performance.now();

  assertDeleted(plan.handler, result);
  report({ loadMs: loaded - loadStart, firstInvocationMs: answered - loaded, coldStartMs: answered });
  // The handlers keep idle keep-alive sockets; a cold start ends with the first answer.
  process.exit(0);
}

main().catch((err) => {
  process.stderr.write(`cold child: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
