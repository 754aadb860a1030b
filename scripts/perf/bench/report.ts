// Prints the benchmark's table, the ratios to the references and the budgets (against naive).
import { HANDLERS, type HandlerName } from './protocol';

export interface Measured {
  bytes: number;
  loadMs: number;
  coldMs: number;
  p50: number;
  p99: number;
  rssBytes: number;
  heapBytes: number;
  /** Invocations it took V8's new space to settle before the RSS reading (median). */
  rssWarmUp: number;
}

export interface Settings {
  coldRuns: number;
  warmUp: number;
  warmRounds: number;
  rssWarmUp: { min: number; max: number; stableFor: number };
  rssInvocations: number;
  rssRuns: number;
}

/** The budgets for dist/index.js, against what a user would write instead: the naive handler. */
export const GOALS = {
  maxBytes: 150 * 1024,
  maxColdRatio: 0.9,
  maxP50Ratio: 1.1,
  maxHeapGrowthBytes: 1024 * 1024,
} as const;

const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const ms = (v: number) => (v < 10 ? `${v.toFixed(3)} ms` : `${v.toFixed(1)} ms`);
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(2)} MB`;
const x = (v: number) => `${v.toFixed(2)}×`;

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows
    .map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '))
    .join('\n');
}

/** Prints everything; returns whether ours met every goal. */
export function printReport(m: Record<HandlerName, Measured>, s: Settings): boolean {
  const rows = [
    [
      '',
      'bundle',
      'load',
      'cold start',
      'warm p50',
      'warm p99',
      `RSS +${s.rssInvocations}`,
      `heap +${s.rssInvocations}`,
      'after',
    ],
  ];
  for (const h of HANDLERS) {
    const r = m[h];
    rows.push([
      h,
      kb(r.bytes),
      ms(r.loadMs),
      ms(r.coldMs),
      ms(r.p50),
      ms(r.p99),
      mb(r.rssBytes),
      mb(r.heapBytes),
      String(r.rssWarmUp),
    ]);
  }
  const ratio = (h: HandlerName, to: HandlerName) => {
    const [r, b] = [m[h], m[to]];
    return [
      `${h} / ${to}`,
      x(r.bytes / b.bytes),
      x(r.loadMs / b.loadMs),
      x(r.coldMs / b.coldMs),
      x(r.p50 / b.p50),
      x(r.p99 / b.p99),
      '',
      '',
      '',
    ];
  };
  rows.push(ratio('ours', 'naive'));
  for (const h of HANDLERS.filter((n) => n !== 'floor')) rows.push(ratio(h, 'floor'));
  console.log(
    [
      '',
      `cold start: median of ${s.coldRuns} fresh node processes per handler, alternating; ms from the child's process start`,
      `  (performance.timeOrigin) to its first answer, node's own boot included; load = the require() of the bundle alone`,
      `warm: ${s.warmRounds} invocations per handler, round-robin in one process, after ${s.warmUp} each to warm up`,
      `RSS / heap: growth over ${s.rssInvocations} invocations, full gc before each reading, one process per handler,`,
      `  median of ${s.rssRuns} runs; warm = V8's new space has kept its size for ${s.rssWarmUp.stableFor} invocations`,
      `  ("after" that many, at least ${s.rssWarmUp.min}): its growth to the load is sizing, not retention; heap = retained`,
      `sdk-min: not a goal, a bound: @alicloud/openapi-client alone, nothing rebuilt per call, no function logic`,
      '',
    ].join('\n'),
  );
  console.log(table(rows));

  const [ours, naive] = [m.ours, m.naive];
  const checks: Array<[string, boolean, string]> = [
    ['bundle ≤ 150 KB', ours.bytes <= GOALS.maxBytes, kb(ours.bytes)],
    ['cold start ≤ 0.90× naive', ours.coldMs <= GOALS.maxColdRatio * naive.coldMs, x(ours.coldMs / naive.coldMs)],
    ['warm p50 ≤ 1.10× naive', ours.p50 <= GOALS.maxP50Ratio * naive.p50, x(ours.p50 / naive.p50)],
    [`heap growth ≤ 1 MB / ${s.rssInvocations}`, ours.heapBytes <= GOALS.maxHeapGrowthBytes, mb(ours.heapBytes)],
  ];
  console.log('\ngoals for ours:');
  for (const [goal, ok, value] of checks) console.log(`  ${ok ? 'met   ' : 'MISSED'}  ${goal.padEnd(26)} ${value}`);
  return checks.every(([, ok]) => ok);
}
