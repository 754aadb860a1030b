import { PassThrough } from 'node:stream';
import { httpEvent } from '../../dev/events';
import { CASTER, deleteRequests, invoke, logLines, roleContext, STS, useLive } from '../support/harness';

const live = useLive();

const deleteOne = (resourceId = 'demo-resource-1') => httpEvent({ body: { CasterId: CASTER, ResourceId: resourceId } });

describe('Live failures, retries and deadlines (built bundle against the Live emulator)', () => {
  it('retries throttling and succeeds, reporting the attempts', async () => {
    live.emulator.injectFault({ kind: 'throttle', action: 'DeleteCasterVideoResource', times: 2 });
    const res = await invoke(live, deleteOne());
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ outcome: 'deleted', attempts: 3 });
    expect(deleteRequests(live).map((r) => r.code)).toEqual(['Throttling.User', 'Throttling.User', null]);
  });

  it("waits as long as Live's x-acs-retry-after asks before trying again, for the call that was refused", async () => {
    process.env.LIVE_QPS = '100';
    live.emulator.setAccountQuota(1, { retryAfterHeader: true });
    const event = (n: number) => Buffer.from(JSON.stringify({ CasterId: CASTER, ResourceId: `demo-resource-${n}` }));
    const results = await Promise.all([invoke(live, event(1)), invoke(live, event(2))]);
    live.emulator.setAccountQuota(undefined);
    expect(results.map((r) => r.outcome)).toEqual(['deleted', 'deleted']);
    expect(results.map((r) => r.attempts).sort()).toEqual([1, 2]);
    // Backoff alone (100 ms base) would have tried again within the quota's second, and been refused again.
    const [first, refused, retried] = deleteRequests(live);
    expect([first?.status, refused?.code, retried?.status, deleteRequests(live).length]).toEqual([
      200,
      'Throttling.User',
      200,
      3,
    ]);
    expect(retried!.time - first!.time).toBeGreaterThanOrEqual(995);
  });

  it('answers 429 with Retry-After when throttling outlasts LIVE_MAX_ATTEMPTS', async () => {
    process.env.LIVE_MAX_ATTEMPTS = '3';
    live.emulator.injectFault({ kind: 'throttle', times: Infinity });
    const res = await invoke(live, deleteOne());
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(res.body)).toMatchObject({
      ok: false,
      attempts: 3,
      error: { code: 'Throttling.User', status: 429, retryable: true },
    });
    expect(deleteRequests(live)).toHaveLength(3);
  });

  it('retries a connection reset and a non-JSON 5xx, then succeeds', async () => {
    live.emulator.injectFault({ kind: 'reset' });
    live.emulator.injectFault({ kind: 'badBody' });
    const res = await invoke(live, deleteOne());
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, outcome: 'deleted', attempts: 3 });
  });

  it('answers 503 over HTTP when 5xx persists, after exactly LIVE_MAX_ATTEMPTS tries', async () => {
    live.emulator.injectFault({ kind: 'unavailable', times: Infinity });
    const res = await invoke(live, deleteOne());
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBeDefined();
    expect(JSON.parse(res.body)).toMatchObject({
      ok: false,
      attempts: 4,
      error: { code: 'ServiceUnavailable', status: 503, retryable: true, requestId: expect.any(String) },
    });
    expect(deleteRequests(live)).toHaveLength(4);
    expect(logLines(live)[0]).toMatchObject({ level: 'error', errorCode: 'ServiceUnavailable', attempts: 4 });
  });

  it('throws from an event invocation when a retryable failure persists, so EventBridge retries', async () => {
    live.emulator.injectFault({ kind: 'internal', times: Infinity });
    await expect(invoke(live, { CasterId: CASTER, ResourceId: 'demo-resource-1' })).rejects.toMatchObject({
      name: 'RetryLaterError',
      message: expect.stringMatching(/InternalError/),
      result: { ok: false, error: { code: 'InternalError', status: 503, retryable: true } },
    });
  });

  it('throws for a batch event when any item stays retryable, after finishing the others', async () => {
    live.emulator.injectFault({ kind: 'unavailable', action: 'DescribeCasterVideoResources', times: Infinity });
    const batch = {
      Items: [
        { CasterId: CASTER, ResourceId: 'demo-resource-1' },
        { CasterId: CASTER, ResourceId: 'demo-resource-2', DryRun: true },
      ],
    };
    await expect(invoke(live, batch)).rejects.toMatchObject({ result: { summary: { deleted: 1, failed: 1 } } });
    expect(live.emulator.resources(CASTER)).not.toContain('demo-resource-1');
  });

  it('returns (does not throw) a non-retryable failure from an event invocation', async () => {
    const result = await invoke(live, { CasterId: 'LIVEPRODUCER_POST-nope', ResourceId: 'demo-resource-1' });
    expect(result).toMatchObject({ ok: false, error: { code: 'InvalidCaster.NotFound', retryable: false } });
  });

  it('answers 504 Timeout before the function timeout when Live hangs', async () => {
    live.emulator.injectFault({ kind: 'hang', times: Infinity });
    const started = Date.now();
    const res = await invoke(live, deleteOne(), roleContext({ function: { timeout: 2 } }));
    const elapsed = Date.now() - started;
    expect(res.statusCode).toBe(504);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'Timeout', status: 504, retryable: true } });
    expect(elapsed).toBeLessThan(2000);
  });

  it('answers 504 Timeout before FC would kill a 3 s function when Live hangs: HTTP trigger, FC 2.0 and event', async () => {
    live.emulator.injectFault({ kind: 'hang', times: Infinity });
    const ctx = () => roleContext({ function: { timeout: 3 } });
    const timed = async <T>(work: () => Promise<T>) => {
      const started = Date.now();
      const value = await work().catch((err) => err);
      return { value, ms: Date.now() - started };
    };
    const req = Object.assign(new PassThrough(), {
      method: 'DELETE',
      path: `/casters/${CASTER}/video-resources/demo-resource-2`,
      queries: {},
      headers: {},
    });
    req.end();
    const sent: { status?: number; body?: string } = {};
    const resp = {
      setStatusCode: (s: number) => (sent.status = s),
      setHeader: () => undefined,
      send: (b: string) => (sent.body = String(b)),
    };
    const [http, fc2, event] = await Promise.all([
      timed(() => invoke(live, deleteOne(), ctx())),
      timed(() => live.bundle.httpHandler(req, resp, ctx())),
      timed(() => invoke(live, { CasterId: CASTER, ResourceId: 'demo-resource-3' }, ctx())),
    ]);
    live.outputs.push(String(sent.body));
    expect(http.value.statusCode).toBe(504);
    expect(JSON.parse(http.value.body)).toMatchObject({
      ok: false,
      error: { code: 'Timeout', status: 504, retryable: true },
    });
    expect(sent.status).toBe(504);
    expect(event.value).toMatchObject({ name: 'RetryLaterError', result: { error: { code: 'Timeout', status: 504 } } });
    for (const { ms } of [http, fc2, event]) {
      // It used the time it had (the deadline keeps back 10 %), and answered before FC's 3 s.
      expect(ms).toBeGreaterThan(2000);
      expect(ms).toBeLessThan(3000);
    }
    expect(live.emulator.resources(CASTER)).toHaveLength(5);
  });

  it('answers 504 in time when Live answers slower than the remaining time; the late delete lands, and a retry sees already_absent', async () => {
    live.emulator.injectFault({ kind: 'delay', delayMs: 3_100 });
    const started = Date.now();
    const res = await invoke(live, deleteOne('demo-resource-4'), roleContext({ function: { timeout: 3 } }));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(res.statusCode).toBe(504);
    // Like a slow Live, the delete takes effect after the function stopped waiting; wait for it so no later test sees it.
    while (!live.emulator.requests.some((r) => r.fault === 'delay' && r.status === 200))
      await new Promise((r) => setTimeout(r, 50));
    expect(live.emulator.resources(CASTER)).not.toContain('demo-resource-4');
    const retry = await invoke(live, deleteOne('demo-resource-4'));
    expect(JSON.parse(retry.body)).toMatchObject({ ok: true, outcome: 'already_absent' });
  });

  it('throws Timeout from an event invocation when Live hangs', async () => {
    live.emulator.injectFault({ kind: 'hang', times: Infinity });
    await expect(
      invoke(live, { CasterId: CASTER, ResourceId: 'demo-resource-1' }, roleContext({ function: { timeout: 1 } })),
    ).rejects.toMatchObject({
      result: { error: { code: 'Timeout' } },
    });
  });

  it('never sends more than LIVE_QPS requests in any second across concurrent invocations', async () => {
    process.env.LIVE_QPS = '5';
    const ids = Array.from({ length: 14 }, (_, i) => `qps-${i}`);
    live.emulator.addCaster('LIVEPRODUCER_POST-qps', ids);
    const results = await Promise.all([
      ...ids
        .slice(0, 8)
        .map((id) => invoke(live, httpEvent({ body: { CasterId: 'LIVEPRODUCER_POST-qps', ResourceId: id } }))),
      invoke(live, { CasterId: 'LIVEPRODUCER_POST-qps', ResourceIds: ids.slice(8) }),
    ]);
    expect(results.slice(0, 8).every((r) => JSON.parse(r.body).outcome === 'deleted')).toBe(true);
    expect(results[8].summary.deleted).toBe(6);
    const times = live.emulator.requests.map((r) => r.time).sort((a, b) => a - b);
    // 14 deletes and the batch's one DescribeCasterVideoResources.
    expect(times).toHaveLength(15);
    for (let i = 0; i + 5 < times.length; i += 1) expect(times[i + 5] - times[i]).toBeGreaterThanOrEqual(1000);
  });

  it('lets no secret or token into any result, log line or thrown error', async () => {
    const scenarios = [
      () => live.emulator.injectFault({ kind: 'unavailable', times: Infinity }),
      () => live.emulator.injectFault({ kind: 'forbidden' }),
      () => live.emulator.injectFault({ kind: 'reset', times: Infinity }),
      () => undefined,
    ];
    for (const inject of scenarios) {
      live.emulator.clearFaults();
      inject();
      await invoke(live, deleteOne('demo-resource-2'), roleContext({ function: { timeout: 3 } }));
      await invoke(
        live,
        { CasterId: CASTER, ResourceId: 'demo-resource-3' },
        roleContext({ function: { timeout: 3 } }),
      ).catch(() => undefined);
    }
    const everything = live.outputs.join('\n') + JSON.stringify(live.emulator.requests);
    expect(everything.length).toBeGreaterThan(1000);
    expect(everything).not.toContain(STS.accessKeySecret);
    expect(everything).not.toContain(STS.securityToken);
  });
});
