// What a load run found, and how it is printed.
import type { LoadOptions } from './options';

export interface LoadReport {
  options: Omit<LoadOptions, 'bundle'>;
  invocations: number;
  byKind: Record<string, number>;
  maxInFlight: number;
  durationMs: number;
  liveRequests: number;
  faultsInjected: Record<string, number>;
  itemOutcomes: Record<string, number>;
  httpStatuses: Record<string, number>;
  events: { returned: number; thrown: number };
  maxRequestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  /** Least time left before FC's kill, over all invocations; and over those answering Timeout. */
  deadlineMarginMs: { min: number; minTimeout: number; timeouts: number };
  maskedEchoes: number;
  invariants: Record<string, string[]>;
  ok: boolean;
}

const sorted = (o: Record<string, number>) => Object.entries(o).sort((a, b) => b[1] - a[1]);
const list = (o: Record<string, number>) =>
  sorted(o)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');

export function formatReport(r: LoadReport): string {
  const o = r.options;
  const totalFaults = Object.values(r.faultsInjected).reduce((a, b) => a + b, 0);
  const lines = [
    `load: ${r.invocations} invocations, ${o.concurrency} concurrent (max in flight ${r.maxInFlight}), LIVE_QPS ${o.qps}, seed ${o.seed}, timeouts ${[...new Set(o.timeoutsSeconds)].join('/')} s`,
    `  shapes:      ${list(r.byKind)}`,
    `  duration:    ${(r.durationMs / 1000).toFixed(1)} s (incl. ${((o.slowResponseMs + 300) / 1000).toFixed(1)} s for late responses to land), ${r.liveRequests} Live requests`,
    `  faults:      ${totalFaults} injected (${((100 * totalFaults) / Math.max(1, r.liveRequests)).toFixed(1)} % of requests): ${list(r.faultsInjected)}`,
    `  items:       ${list(r.itemOutcomes)}`,
    `  HTTP:        ${list(r.httpStatuses)}`,
    `  events:      ${r.events.returned} returned, ${r.events.thrown} threw RetryLaterError`,
    `  rate:        max ${r.maxRequestsPerSecond} Live requests in any 1 s window (LIVE_QPS ${o.qps})`,
    `  latency:     p50 ${r.latencyMs.p50.toFixed(0)} ms, p95 ${r.latencyMs.p95.toFixed(0)} ms, p99 ${r.latencyMs.p99.toFixed(0)} ms, max ${r.latencyMs.max.toFixed(0)} ms`,
    `  deadline:    ${r.deadlineMarginMs.timeouts} answered Timeout; least time left before FC's kill: ${r.deadlineMarginMs.min.toFixed(0)} ms (${Number.isNaN(r.deadlineMarginMs.minTimeout) ? '-' : r.deadlineMarginMs.minTimeout.toFixed(0)} ms for a Timeout answer)`,
    `  secrets:     ${r.maskedEchoes} upstream echoes of the token and secret masked`,
    '  invariants:',
    ...Object.entries(r.invariants).map(
      ([name, v]) =>
        `    ${v.length === 0 ? 'ok  ' : 'FAIL'} ${name}${v.length ? ` (${v.length}): ${v.slice(0, 5).join(' | ')}` : ''}`,
    ),
    r.ok ? 'load: all invariants held' : 'load: INVARIANTS BROKEN',
  ];
  return lines.join('\n');
}
