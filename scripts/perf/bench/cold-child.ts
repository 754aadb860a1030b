// One cold start: a fresh node process loads one handler bundle and answers
// one invocation. Times are milliseconds since this process's start
// (performance.now()), so node's own boot counts.
import { performance } from 'node:perf_hooks';
import { childMain, childSetup, type Handler, type HandlerName } from './protocol';

childMain('cold', async () => {
  const { plan, bundles, invoke } = childSetup<{ handler: HandlerName; caster: string; resource: string }>();
  const loadStart = performance.now();
  const handler = require(bundles[plan.handler]) as Handler;
  const loaded = performance.now();
  await invoke(plan.handler, handler, plan.caster, plan.resource);
  return { loadMs: loaded - loadStart, coldStartMs: performance.now() };
});
