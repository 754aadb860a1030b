// What a load run can be told, its defaults, and the command line that sets them.
import type { Bundle } from '../../../dev/bundle';
import type { FaultKind } from '../../../dev/live-emulator';
import { integerSetting, parseCommandLine } from '../../local/cli';

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

export function parseLoadOptions(): Partial<LoadOptions> {
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
