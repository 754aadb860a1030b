// An HTTP request is read whole, one way (built bundle): the InvokeFunction
// header hides neither a path nor a query, and no part of FC's event goes unread.
import { httpEvent } from '../../dev/events';
import { CASTER, deleteRequests, firstItem, expectRefused as refused, useLive } from '../support/harness';

const live = useLive();
const answer = (event: unknown) => firstItem(live, event);
const expectRefused = (event: unknown, name: string) => refused(live, event, name);
const request = (resourceId: string) => ({ CasterId: CASTER, ResourceId: resourceId });

describe('the InvokeFunction header never hides a path or a query', () => {
  const headers = { 'X-Acs-Action': 'InvokeFunction' };

  it('reads ?DryRun=true with the body', async () => {
    const item = await answer(httpEvent({ headers, query: { DryRun: 'true' }, body: request('demo-resource-1') }));
    expect(item).toMatchObject({ ok: true, outcome: 'would_delete' });
    expect(deleteRequests(live)).toEqual([]);
  });

  it('refuses a REST path that names another resource than the body', async () => {
    const path = `/casters/${CASTER}/video-resources/demo-resource-3`;
    const event = httpEvent({ headers, method: 'DELETE', path, body: request('demo-resource-2') });
    await expectRefused(event, 'ResourceId');
  });
});

describe('an HTTP request is read whole', () => {
  const rest = (resourceId: string) => `/casters/${CASTER}/video-resources/${resourceId}`;

  it('refuses a form body that opens as JSON and is not, instead of reading it as an empty form', async () => {
    const contentType = 'application/x-www-form-urlencoded';
    await expectRefused(
      httpEvent({ method: 'DELETE', path: rest('demo-resource-1'), contentType, body: '{"DryRun": true,}' }),
      'body',
    );
  });

  it('reads a query written into the path', async () => {
    const item = await answer(httpEvent({ method: 'DELETE', path: `${rest('demo-resource-1')}?DryRun=true` }));
    expect(item).toMatchObject({ ok: true, outcome: 'would_delete' });
    expect(deleteRequests(live)).toEqual([]);
  });

  it("reads a query written into requestContext's path", async () => {
    const event: any = httpEvent({ method: 'DELETE', path: rest('demo-resource-1') });
    event.requestContext.http.path = `${rest('demo-resource-1')}?DryRun=true`;
    expect(await answer(event)).toMatchObject({ ok: true, outcome: 'would_delete' });
    expect(deleteRequests(live)).toEqual([]);
  });

  it('refuses a body marked base64 that is not', async () => {
    const form = { contentType: 'application/x-www-form-urlencoded', body: '{"DryRun":true}' };
    const event = { ...httpEvent({ method: 'DELETE', path: rest('demo-resource-1'), ...form }), isBase64Encoded: true };
    await expectRefused(event, 'body');
  });

  it('refuses a query field named with no value', async () => {
    const event = {
      ...httpEvent({ method: 'DELETE', path: rest('demo-resource-1') }),
      queryParameters: { DryRun: [] },
    };
    await expectRefused(event, 'DryRun');
  });

  it('refuses two paths that name different routes', async () => {
    const event: any = httpEvent({ body: request('demo-resource-1') });
    event.requestContext.http.path = rest('demo-resource-2');
    expect((await answer(event)).ok).toBe(false);
    expect(deleteRequests(live)).toEqual([]);
  });
});
