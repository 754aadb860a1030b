// The benchmark's table, the ratios of ours to naive, and the budgets.
import { HANDLERS, type HandlerName } from './protocol';

export interface Measured {
  bytes: number;
  loadMs: number;
  coldMs: number;
  p50: number;
  p99: number;
  heapBytes: number;
}

export interface Settings {
  coldRuns: number;
  warmUp: number;
  warmRounds: number;
  heapWarmUp: number;
  heapInvocations: number;
  heapRuns: number;
}

const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const ms = (v: number) => (Number.isNaN(v) ? '–' : v < 10 ? `${v.toFixed(3)} ms` : `${v.toFixed(1)} ms`);
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(2)} MB`;
/** Ratios are printed to two places and judged as printed, so that what is shown is what is judged. */
const ratio = (v: number) => Math.round(v * 100) / 100;

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows
    .map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '))
    .join('\n');
}

interface Budget {
  name: string;
  /** The value as printed, and the most it may be. */
  value: number;
  most: number;
  shown: string;
}

/** The budgets for dist/index.js, against what a user would write instead: the naive handler. */
export function budgets(ours: Measured, naive: Measured, s: Settings): Budget[] {
  const cold = ratio(ours.coldMs / naive.coldMs);
  const p50 = ratio(ours.p50 / naive.p50);
  return [
    { name: 'bundle ≤ 150 KB', value: ours.bytes, most: 150 * 1024, shown: kb(ours.bytes) },
    { name: 'cold start ≤ 0.90× naive', value: cold, most: 0.9, shown: `${cold.toFixed(2)}×` },
    { name: 'warm p50 ≤ 1.10× naive', value: p50, most: 1.1, shown: `${p50.toFixed(2)}×` },
    {
      name: `heap growth ≤ 1 MB / ${s.heapInvocations}`,
      value: ours.heapBytes,
      most: 1024 * 1024,
      shown: mb(ours.heapBytes),
    },
  ];
}

/** Prints everything; returns whether ours met every budget. */
export function printReport(m: Record<HandlerName, Measured>, s: Settings): boolean {
  const rows = [['', 'bundle', 'load', 'cold start', 'warm p50', 'warm p99', `heap +${s.heapInvocations}`]];
  for (const h of HANDLERS) {
    const r = m[h];
    rows.push([h, kb(r.bytes), ms(r.loadMs), ms(r.coldMs), ms(r.p50), ms(r.p99), mb(r.heapBytes)]);
  }
  const x = (k: 'bytes' | 'loadMs' | 'coldMs' | 'p50' | 'p99') => `${ratio(m.ours[k] / m.naive[k]).toFixed(2)}×`;
  rows.push(['ours / naive', x('bytes'), x('loadMs'), x('coldMs'), x('p50'), x('p99'), '']);
  console.log(
    [
      '',
      `cold start: median of ${s.coldRuns} fresh node processes per handler, alternating; ms from the process start`,
      "  to its first answer, node's own boot included; load = the require() of the bundle alone",
      `warm: tinybench, ${s.warmRounds} invocations per handler after ${s.warmUp} to warm up`,
      `heap: growth over ${s.heapInvocations} invocations after ${s.heapWarmUp}, full gc before each reading, median of ${s.heapRuns} runs`,
      '',
    ].join('\n'),
  );
  console.log(table(rows));
  const checks = budgets(m.ours, m.naive, s);
  console.log('\nbudgets for ours:');
  for (const b of checks) console.log(`  ${b.value <= b.most ? 'met   ' : 'MISSED'}  ${b.name.padEnd(26)} ${b.shown}`);
  return checks.every((b) => b.value <= b.most);
}
