// The throw-or-return decision: an event invocation acknowledges
// (returns) only when every failure is the record's own; anything a retry or
// a fixed deployment can cure is thrown after every record ran, so FC or
// EventBridge redelivers it. HTTP callers get status answers instead.

import { httpEvent } from '../../dev/events';
import type { FaultSpec } from '../../dev/live-emulator';
import { CASTER, deleteRequests, invoke, roleContext, useLive } from '../support/harness';

const live = useLive();
const del = (n: number) => ({ CasterId: CASTER, ResourceId: `demo-resource-${n}` });

/** Runs an event invocation; returns what it answered and whether it threw. */
async function settle(event: unknown, context = roleContext()) {
  try {
    return { thrown: false, result: await invoke(live, event, context), context };
  } catch (err: any) {
    return { thrown: true, result: err.result, message: String(err.message), name: err.name, context };
  }
}

const codes = (result: any) =>
  ('results' in result ? result.results : [result]).map((r: any) => (r.ok ? r.outcome : r.error.code));

describe('acknowledging event invocations (built bundle against the Live emulator)', () => {
  it.each([
    ['an invalid record', { CasterId: CASTER }, 'InvalidRequest'],
    ['a message that is not a request', 'TEST', 'InvalidRequest'],
  ])('returns for %s: the record itself is at fault', async (_name, payload, code) => {
    const out = await settle(Buffer.from(typeof payload === 'string' ? payload : JSON.stringify(payload)));
    expect(out).toMatchObject({ thrown: false });
    expect(codes(out.result)).toEqual([code]);
  });

  it('returns for a caster outside ALLOWED_CASTER_IDS', async () => {
    process.env.ALLOWED_CASTER_IDS = 'LIVEPRODUCER_POST-other';
    expect(await settle(del(1))).toMatchObject({ thrown: false, result: { error: { code: 'CasterNotAllowed' } } });
  });

  it.each<[string, FaultSpec, string]>([
    ['throttling that outlasts the invocation', { kind: 'throttle', times: Infinity }, 'Throttling.User'],
    ['a 5xx after retries', { kind: 'unavailable', times: Infinity }, 'ServiceUnavailable'],
    ['network errors after retries', { kind: 'reset', times: Infinity }, 'UpstreamUnavailable'],
    ['Live refusing the role', { kind: 'forbidden', times: Infinity }, 'Forbidden.RAM'],
  ])('throws for %s, naming the code and the invocation', async (_name, fault, code) => {
    live.emulator.injectFault(fault);
    // Throttled requests of an event are retried while it has time: a 1 s function has none for Live's 1 s window.
    const out = await settle(del(1), roleContext({ function: { timeout: 1 } }));
    expect(out).toMatchObject({ thrown: true, name: 'RetryLaterError', result: { ok: false, error: { code } } });
    expect(out.message).toContain(code);
    expect(out.message).toContain(out.context.requestId);
  });

  it('runs every record of a batch before throwing for the one a retry can cure', async () => {
    process.env.LIVE_MAX_ATTEMPTS = '1';
    live.emulator.injectFault({ kind: 'unavailable', times: 1, action: 'DeleteCasterVideoResource' });
    const out = await settle([del(1), { CasterId: CASTER }, del(2)]);
    expect(out.thrown).toBe(true);
    expect(out.message).toMatch(/^ServiceUnavailable remained/);
    expect([...codes(out.result)].sort()).toEqual(['InvalidRequest', 'ServiceUnavailable', 'deleted']);
    expect(live.emulator.resources(CASTER)).toHaveLength(4);
  });
});

describe("Live's answer proves a delete or an absence only with a RequestId and no error Code (built bundle)", () => {
  const unproven: Array<[string, NonNullable<FaultSpec['answer']>, string]> = [
    ['200 carrying Code Forbidden.RAM', { status: 200, code: 'Forbidden.RAM' }, 'Forbidden.RAM'],
    ['200 {}', { status: 200, body: '{}' }, 'UpstreamUnavailable'],
    ['202 {}', { status: 202, body: '{}' }, 'UpstreamUnavailable'],
    ['200 that is not JSON', { status: 200, contentType: 'text/plain', body: 'OK' }, 'UpstreamUnavailable'],
    ['200 with an empty Code', { status: 200, body: '{"RequestId":"r1","Code":""}' }, 'UpstreamUnavailable'],
    ['200 with a lower-case code', { status: 200, body: '{"RequestId":"r1","code":"Foo"}' }, 'UpstreamUnavailable'],
    [
      '200 with Code twice, null last',
      { status: 200, body: '{"RequestId":"r1","Code":"A","Code":null}' },
      'UpstreamUnavailable',
    ],
    ['202 with a RequestId', { status: 202, body: '{"RequestId":"r1"}' }, 'UpstreamUnavailable'],
    ['200 with a blank RequestId', { status: 200, body: '{"RequestId":"  "}' }, 'UpstreamUnavailable'],
    [
      '400 InvalidResource.NotFound with an empty RequestId',
      { status: 400, body: '{"Code":"InvalidResource.NotFound","RequestId":""}' },
      'InvalidResource.NotFound',
    ],
    [
      '400 InvalidResource.NotFound without a RequestId',
      { status: 400, body: '{"Code":"InvalidResource.NotFound","Message":"gone"}' },
      'InvalidResource.NotFound',
    ],
  ];
  const answering = (answer: NonNullable<FaultSpec['answer']>) => {
    process.env.LIVE_MAX_ATTEMPTS = '1';
    live.emulator.injectFault({ kind: 'answer', answer, times: Infinity });
  };

  it.each(unproven)('%s: not deleted, and the event throws to be redelivered', async (_name, answer, code) => {
    answering(answer);
    expect(await settle(del(1))).toMatchObject({ thrown: true, result: { ok: false, error: { code } } });
  });

  it.each(unproven)('%s: the HTTP caller gets a non-2xx', async (_name, answer, code) => {
    answering(answer);
    const out = await invoke(live, httpEvent({ body: del(1) }));
    expect([out.statusCode >= 400, JSON.parse(out.body).error.code]).toEqual([true, code]);
  });

  it('a Describe without a RequestId proves no absence: the batch still sends its deletes', async () => {
    process.env.MAX_INSTANCES = '1';
    const list = JSON.stringify({ Total: 0, VideoResources: { VideoResource: [] } });
    live.emulator.injectFault({
      kind: 'answer',
      action: 'DescribeCasterVideoResources',
      answer: { status: 200, body: list },
    });
    const out = await settle([del(1), del(2)]);
    expect([codes(out.result), deleteRequests(live).length]).toEqual([['deleted', 'deleted'], 2]);
  });
});
