// The scale-out report's invariants catch what they name (they hold on a
// clean run in ../scaleout.test.ts; here each is broken once).
import type { RecordedRequest } from '../../../dev/live-emulator';
import { OTHER_CLIENT_KEY } from './other-client';
import { casterOf, DEFAULT_SCALEOUT, type InvocationRecord, resourceOf, seedFor } from './plan';
import { buildReport } from './report';

const options = { ...DEFAULT_SCALEOUT, instances: 1, invocations: 3, quota: 10 };
const seed = seedFor(options);
const caster = casterOf(0);

const record = (index: number, ending: InvocationRecord['ending'], problems: string[] = []): InvocationRecord => ({
  instance: 0,
  index,
  casterId: caster,
  resourceId: resourceOf(index),
  ending,
  outcome: ending === 'ok' ? 'deleted' : 'Throttling.User',
  ms: 10 * (index + 1),
  problems,
});

const request = (resourceId: string, status: number, time: number): RecordedRequest => ({
  time,
  action: 'DeleteCasterVideoResource',
  query: { CasterId: caster, ResourceId: resourceId },
  accessKeyId: 'STS.x',
  status,
  code: status === 200 ? null : 'Throttling.User',
  fault: null,
  requestId: `r-${time}`,
});

const [broken, lost, unasked] = [
  'every invocation answered, or thrown as retryable',
  'nothing lost (each asked resource deleted, or its invocation threw)',
  'nothing deleted that was not asked for',
];

describe('scaleout report', () => {
  it('holds and counts on a clean run: deleted, or thrown and still there', () => {
    const r = buildReport({
      options,
      seed,
      durationMs: 2000,
      records: [record(0, 'ok'), record(1, 'ok'), record(2, 'thrown')],
      requests: [request(resourceOf(0), 200, 0), request(resourceOf(1), 200, 10), request(resourceOf(2), 400, 20)],
      finalState: { [caster]: [resourceOf(2), 'scale-keep-0-0', 'scale-keep-0-1'] },
    });
    expect(r.ok).toBe(true);
    expect(r.invocations).toEqual({ total: 3, ok: 2, thrown: 1, failed: 0, killed: 0 });
    expect(r.live).toMatchObject({ requests: 3, throttled: 1, deletes: 2, maxAcceptedPerSecond: 2 });
    expect(r.goodput.perSecond).toBe(1);
    expect(r.undeleted).toBe(1);
    expect(r.latencyMs).toEqual({ p50: 20, p99: 30, max: 30 });
  });

  it('flags a resource acknowledged but not deleted, one deleted unasked, and a bad answer', () => {
    const r = buildReport({
      options,
      seed,
      durationMs: 2000,
      records: [record(0, 'ok'), record(1, 'failed'), record(2, 'killed', ['still running at the 30 s timeout'])],
      requests: [request(resourceOf(0), 200, 0), request('scale-keep-0-0', 200, 5)],
      finalState: { [caster]: [resourceOf(1), resourceOf(2), 'scale-keep-0-1'] },
    });
    expect(r.ok).toBe(false);
    expect(r.invariants[broken]).toEqual([`${caster}/scale-2 (killed): still running at the 30 s timeout`]);
    expect(r.invariants[lost]).toHaveLength(2);
    expect(r.invariants[unasked]).toEqual([
      `${caster}/scale-keep-0-0 deleted, but no invocation named it`,
      `Live deleted ${caster}/scale-keep-0-0, which no invocation named`,
    ]);
  });

  it("counts another client's requests apart, and measures goodput against what it left of the quota", () => {
    const other = (time: number, throttled: boolean): RecordedRequest => ({
      ...request('x', throttled ? 400 : 200, time),
      action: 'DescribeCasterVideoResources',
      accessKeyId: OTHER_CLIENT_KEY.accessKeyId,
    });
    const r = buildReport({
      options: { ...options, otherQps: 4 },
      seed,
      durationMs: 2000,
      records: [record(0, 'ok'), record(1, 'ok'), record(2, 'ok')],
      requests: [
        request(resourceOf(0), 200, 0),
        request(resourceOf(1), 200, 10),
        request(resourceOf(2), 400, 15),
        request(resourceOf(2), 200, 20),
        ...[0, 250, 500, 750, 1000, 1250, 1500, 1750].map((t, i) => other(t, i === 0)),
      ],
      finalState: { [caster]: ['scale-keep-0-0', 'scale-keep-0-1'] },
    });
    expect(r.live).toMatchObject({ requests: 4, throttled: 1 });
    expect(r.other).toEqual({ requests: 8, acceptedPerSecond: 3.5 });
    expect(r.goodput.ofQuota).toBeCloseTo(1.5 / (10 - 3.5), 9);
  });
});
