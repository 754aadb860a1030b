import { httpEvent } from '../../dev/events';
import { fcContext } from '../support/fc-context';
import { CASTER, deleteRequests, invoke, PLAIN_KEY, roleContext, STS, useLive } from '../support/harness';

const live = useLive();

describe('credentials and authorization (built bundle against the Live emulator)', () => {
  it('refuses casters outside ALLOWED_CASTER_IDS with 403, without calling Live', async () => {
    process.env.ALLOWED_CASTER_IDS = 'LIVEPRODUCER_POST-other, LIVEPRODUCER_POST-third';
    const res = await invoke(live, httpEvent({ body: { CasterId: CASTER, ResourceId: 'demo-resource-1' } }));
    expect(res.statusCode).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({
      ok: false,
      casterId: CASTER,
      error: { code: 'CasterNotAllowed', status: 403, retryable: false },
    });
    expect(live.emulator.requests).toHaveLength(0);
  });

  it('lets allowed casters through and refuses the others item by item in a batch', async () => {
    process.env.ALLOWED_CASTER_IDS = CASTER;
    const result = await invoke(live, {
      Items: [
        { CasterId: 'LIVEPRODUCER_POST-other', ResourceId: 'x' },
        { CasterId: CASTER, ResourceId: 'demo-resource-1' },
      ],
    });
    expect(result.results.map((r: any) => r.outcome ?? r.error.code)).toEqual(['CasterNotAllowed', 'deleted']);
    expect(deleteRequests(live).map((r) => r.query.CasterId)).toEqual([CASTER]);
  });

  it('answers MissingCredentials (500) with no network call when the function has no role and no env keys', async () => {
    const res = await invoke(
      live,
      httpEvent({ body: { CasterId: CASTER, ResourceId: 'demo-resource-1' } }),
      fcContext({ credentials: {} }),
    );
    expect(res.statusCode).toBe(500);
    expect(JSON.parse(res.body).error).toMatchObject({ code: 'MissingCredentials', retryable: false });
    // An event is not acknowledged: a role attached later can still do the delete.
    await expect(
      invoke(live, { CasterId: CASTER, ResourceId: 'demo-resource-1' }, fcContext({ credentials: {} })),
    ).rejects.toMatchObject({
      name: 'RetryLaterError',
      message: expect.stringContaining('MissingCredentials'),
      result: { ok: false, error: { code: 'MissingCredentials', status: 500 } },
    });
    expect(live.emulator.requests).toHaveLength(0);
  });

  it('falls back to the ALIBABA_CLOUD_* environment', async () => {
    process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = PLAIN_KEY.accessKeyId;
    process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = PLAIN_KEY.accessKeySecret;
    const result = await invoke(
      live,
      { CasterId: CASTER, ResourceId: 'demo-resource-1' },
      fcContext({ credentials: {} }),
    );
    expect(result).toMatchObject({ ok: true, outcome: 'deleted' });
    expect(live.emulator.requests[0].accessKeyId).toBe(PLAIN_KEY.accessKeyId);
  });

  it('reads rotated credentials on every invocation', async () => {
    const first = await invoke(live, { CasterId: CASTER, ResourceId: 'demo-resource-1' }, roleContext());
    const rotated = fcContext({
      credentials: { accessKeyId: PLAIN_KEY.accessKeyId, accessKeySecret: PLAIN_KEY.accessKeySecret },
    });
    const second = await invoke(live, { CasterId: CASTER, ResourceId: 'demo-resource-2' }, rotated);
    expect([first.ok, second.ok]).toEqual([true, true]);
    expect(live.emulator.requests.map((r) => r.accessKeyId)).toEqual([STS.accessKeyId, PLAIN_KEY.accessKeyId]);
  });

  it.each([
    ['a wrong secret', { ...STS, accessKeySecret: 'wrong-secret-value' }, 'SignatureDoesNotMatch'],
    [
      'a wrong security token',
      { ...STS, securityToken: 'wrong-token-value' },
      'InvalidSecurityToken.MismatchWithAccessKey',
    ],
    [
      'an unknown AccessKey',
      { accessKeyId: 'LTAIunknown', accessKeySecret: 'whatever-secret' },
      'InvalidAccessKeyId.NotFound',
    ],
  ])('answers 502 with Live code when Live refuses %s, without retrying', async (_name, credentials, code) => {
    const res = await invoke(
      live,
      httpEvent({ body: { CasterId: CASTER, ResourceId: 'demo-resource-1' } }),
      fcContext({ credentials }),
    );
    expect(res.statusCode).toBe(502);
    expect(JSON.parse(res.body)).toMatchObject({
      ok: false,
      attempts: 1,
      error: { code, status: 502, retryable: false, requestId: expect.any(String) },
    });
    expect(live.emulator.resources(CASTER)).toContain('demo-resource-1');
  });

  it('answers 502 Forbidden.RAM when the role lacks the permission', async () => {
    live.emulator.injectFault({ kind: 'forbidden' });
    const res = await invoke(live, httpEvent({ body: { CasterId: CASTER, ResourceId: 'demo-resource-1' } }));
    expect(res.statusCode).toBe(502);
    expect(JSON.parse(res.body).error).toMatchObject({ code: 'Forbidden.RAM', retryable: false });
  });

  it('answers 404 InvalidCaster.NotFound for an unknown caster', async () => {
    const res = await invoke(
      live,
      httpEvent({ body: { CasterId: 'LIVEPRODUCER_POST-nope', ResourceId: 'demo-resource-1' } }),
    );
    expect(res.statusCode).toBe(404);
    expect(JSON.parse(res.body)).toMatchObject({
      ok: false,
      casterId: 'LIVEPRODUCER_POST-nope',
      resourceId: 'demo-resource-1',
      error: {
        code: 'InvalidCaster.NotFound',
        status: 404,
        retryable: false,
        requestId: live.emulator.requests[0].requestId,
      },
    });
  });
});
