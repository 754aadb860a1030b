// The figures and invariants of a scale-out run, from how each invocation
// ended (as the instances saw it) and what the emulator recorded and holds.
import type { RecordedRequest, Seed } from '../../../dev/live-emulator';
import { maxInAnySecond, percentile } from '../stats';
import { OTHER_CLIENT_KEY } from './other-client';
import type { Ending, InvocationRecord, ScaleoutOptions } from './plan';

export interface ScaleoutReport {
  options: ScaleoutOptions;
  invocations: Record<Ending, number> & { total: number };
  /** Outcomes and failure codes, with how many. */
  outcomes: Record<string, number>;
  /** The function's requests (the other client's are counted apart). */
  live: { requests: number; throttled: number; throttledShare: number; deletes: number; maxAcceptedPerSecond: number };
  /** The other client of the account: its accepted requests per second. */
  other: { requests: number; acceptedPerSecond: number };
  durationMs: number;
  /** Successful deletes per second of the run, and that as a share of what the other client left of the quota. */
  goodput: { perSecond: number; ofQuota: number };
  latencyMs: { p50: number; p99: number; max: number };
  /** Asked-for resources still in Live after the run. */
  undeleted: number;
  /** Name → violations (empty: it held). */
  invariants: Record<string, string[]>;
  ok: boolean;
}

export interface RunFacts {
  options: ScaleoutOptions;
  records: InvocationRecord[];
  requests: RecordedRequest[];
  seed: Seed;
  /** Resource IDs per caster after the run. */
  finalState: Record<string, string[] | undefined>;
  durationMs: number;
}

const DELETE = 'DeleteCasterVideoResource';
const key = (casterId: string, resourceId: string) => `${casterId}/${resourceId}`;

function checkInvariants(f: RunFacts): Record<string, string[]> {
  const remaining = new Set(Object.entries(f.finalState).flatMap(([c, ids]) => (ids ?? []).map((r) => key(c, r))));
  const asked = new Map(f.records.map((r) => [key(r.casterId, r.resourceId), r]));
  const answered = f.records.flatMap((r) => r.problems.map((p) => `${r.casterId}/${r.resourceId} (${r.ending}): ${p}`));
  // Lost: the invocation was acknowledged (returned, so nothing redelivers it) but the resource is still there.
  const lost = f.records
    .filter((r) => r.ending !== 'thrown' && remaining.has(key(r.casterId, r.resourceId)))
    .map((r) => `${r.casterId}/${r.resourceId} still in Live after ${r.ending} ${r.outcome}`);
  const unasked: string[] = [];
  for (const [casterId, entries] of Object.entries(f.seed.casters)) {
    for (const e of entries) {
      const id = typeof e === 'string' ? e : e.ResourceId;
      if (!asked.has(key(casterId, id)) && !remaining.has(key(casterId, id)))
        unasked.push(`${casterId}/${id} deleted, but no invocation named it`);
    }
  }
  for (const r of f.requests) {
    if (r.action === DELETE && r.status === 200 && !asked.has(key(r.query.CasterId ?? '', r.query.ResourceId ?? ''))) {
      unasked.push(`Live deleted ${r.query.CasterId}/${r.query.ResourceId}, which no invocation named`);
    }
  }
  return {
    'every invocation answered, or thrown as retryable': answered,
    'nothing lost (each asked resource deleted, or its invocation threw)': lost,
    'nothing deleted that was not asked for': unasked,
  };
}

export function buildReport(f: RunFacts): ScaleoutReport {
  const invocations = { total: f.records.length, ok: 0, failed: 0, thrown: 0, killed: 0 };
  const outcomes: Record<string, number> = {};
  for (const r of f.records) {
    invocations[r.ending] += 1;
    outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
  }
  const fleet = f.requests.filter((r) => r.accessKeyId !== OTHER_CLIENT_KEY.accessKeyId);
  const other = f.requests.filter((r) => r.accessKeyId === OTHER_CLIENT_KEY.accessKeyId);
  const throttled = fleet.filter((r) => r.code === 'Throttling.User').length;
  const deletes = fleet.filter((r) => r.action === DELETE && r.status === 200).length;
  const accepted = f.requests.filter((r) => r.code !== 'Throttling.User').map((r) => r.time);
  // At least 1 s: the sliding window lets Q through at once, which would read as more than Q/s on a short run.
  const seconds = Math.max(f.durationMs, 1000) / 1000;
  const otherAccepted = other.filter((r) => r.code !== 'Throttling.User').length / seconds;
  const left = Math.max(f.options.quota - otherAccepted, Number.EPSILON);
  const latencies = f.records.map((r) => r.ms).sort((a, b) => a - b);
  const remaining = new Set(Object.entries(f.finalState).flatMap(([c, ids]) => (ids ?? []).map((r) => key(c, r))));
  const invariants = checkInvariants(f);
  return {
    options: f.options,
    invocations,
    outcomes,
    live: {
      requests: fleet.length,
      throttled,
      throttledShare: fleet.length ? throttled / fleet.length : 0,
      deletes,
      maxAcceptedPerSecond: maxInAnySecond(accepted),
    },
    other: { requests: other.length, acceptedPerSecond: otherAccepted },
    durationMs: f.durationMs,
    goodput: { perSecond: deletes / seconds, ofQuota: deletes / seconds / left },
    latencyMs: {
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: latencies[latencies.length - 1] ?? 0,
    },
    undeleted: f.records.filter((r) => remaining.has(key(r.casterId, r.resourceId))).length,
    invariants,
    ok: Object.values(invariants).every((v) => v.length === 0),
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

export function formatReport(r: ScaleoutReport): string {
  const o = r.options;
  const inv = r.invocations;
  const outcomes = Object.entries(r.outcomes)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  const rows: Array<[string, string]> = [
    [
      'invocations',
      `${inv.total}: ok ${inv.ok}, thrown ${inv.thrown}, failed ${inv.failed}${inv.killed ? `, KILLED at timeout ${inv.killed}` : ''}`,
    ],
    ['outcomes', outcomes],
    [
      'Live requests',
      `${r.live.requests}, throttled ${r.live.throttled} (${pct(r.live.throttledShare)}); max ${r.live.maxAcceptedPerSecond} accepted in any 1 s (quota ${o.quota})`,
    ],
    ['duration', `${(r.durationMs / 1000).toFixed(1)} s`],
    ...(o.otherQps
      ? [
          [
            'other client',
            `${r.other.requests} requests, ${r.other.acceptedPerSecond.toFixed(1)} accepted a second`,
          ] as [string, string],
        ]
      : []),
    [
      'goodput',
      `${r.goodput.perSecond.toFixed(1)} deletes/s = ${pct(r.goodput.ofQuota)} of ${o.otherQps ? 'what the other client left of ' : ''}the quota (${r.live.deletes} deleted)`,
    ],
    [
      'latency',
      `p50 ${r.latencyMs.p50.toFixed(0)} ms, p99 ${r.latencyMs.p99.toFixed(0)} ms, max ${r.latencyMs.max.toFixed(0)} ms`,
    ],
    ['undeleted', `${r.undeleted} of ${inv.total} asked-for resources still in Live`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return [
    `scaleout: ${o.instances} instances × ${o.invocations} invocations, ${o.concurrency} at a time each; account quota ${o.quota}/s, LIVE_QPS ${o.qps} each, timeout ${o.timeoutSeconds} s${o.slowMs ? `, Live +${o.slowMs} ms` : ''}${o.otherQps ? `, another client ${o.otherQps}/s` : ''}${o.retryAfterHeader ? ', x-acs-retry-after sent' : ''}`,
    ...rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`),
    '  invariants:',
    ...Object.entries(r.invariants).map(
      ([name, v]) =>
        `    ${v.length === 0 ? 'ok  ' : 'FAIL'} ${name}${v.length ? ` (${v.length}): ${v.slice(0, 5).join(' | ')}` : ''}`,
    ),
    r.ok ? 'scaleout: all invariants held' : 'scaleout: INVARIANTS BROKEN',
  ].join('\n');
}
