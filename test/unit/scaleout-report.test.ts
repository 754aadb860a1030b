// The scale-out report's invariants catch what they name (they hold on a
// clean run in test/integration/scaleout.test.ts; here each is broken once).
import type { RecordedRequest } from '../../dev/live-emulator';
import { casterOf, DEFAULT_SCALEOUT, resourceOf, seedFor, type InvocationRecord } from '../../scripts/scaleout/plan';
import { buildReport } from '../../scripts/scaleout/report';

const options = { ...DEFAULT_SCALEOUT, instances: 1, invocations: 3, quota: 10 };
const seed = seedFor(options);
const caster = casterOf(0);

const record = (index: number, ending: InvocationRecord['ending'], problems: string[] = []): InvocationRecord => ({
  instance: 0, index, casterId: caster, resourceId: resourceOf(0, index), ending, outcome: ending === 'ok' ? 'deleted' : 'Throttling.User', ms: 10 * (index + 1), problems,
});

const request = (resourceId: string, status: number, time: number): RecordedRequest => ({
  time, action: 'DeleteCasterVideoResource', query: { CasterId: caster, ResourceId: resourceId }, accessKeyId: 'STS.x', status,
  code: status === 200 ? null : 'Throttling.User', fault: null, requestId: `r-${time}`,
});

const [broken, lost, unasked] = ['every invocation answered, or thrown as retryable', 'nothing lost (each asked resource deleted, or its invocation threw)', 'nothing deleted that was not asked for'];

describe('scaleout report', () => {
  it('holds and counts on a clean run: deleted, or thrown and still there', () => {
    const r = buildReport({
      options, seed, durationMs: 2000,
      records: [record(0, 'ok'), record(1, 'ok'), record(2, 'thrown')],
      requests: [request(resourceOf(0, 0), 200, 0), request(resourceOf(0, 1), 200, 10), request(resourceOf(0, 2), 400, 20)],
      finalState: { [caster]: [resourceOf(0, 2), 'scale-0-keep-0', 'scale-0-keep-1'] },
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
      options, seed, durationMs: 2000,
      records: [record(0, 'ok'), record(1, 'failed'), record(2, 'killed', ['still running at the 30 s timeout'])],
      requests: [request(resourceOf(0, 0), 200, 0), request('scale-0-keep-0', 200, 5)],
      finalState: { [caster]: [resourceOf(0, 1), resourceOf(0, 2), 'scale-0-keep-1'] },
    });
    expect(r.ok).toBe(false);
    expect(r.invariants[broken]).toEqual([`${caster}/scale-0-2 (killed): still running at the 30 s timeout`]);
    expect(r.invariants[lost]).toHaveLength(2);
    expect(r.invariants[unasked]).toEqual([
      `${caster}/scale-0-keep-0 deleted, but no invocation named it`,
      `Live deleted ${caster}/scale-0-keep-0, which no invocation named`,
    ]);
  });
});
