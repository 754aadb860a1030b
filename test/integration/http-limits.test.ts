// Every HTTP shape keeps every HTTP limit: the InvokeFunction path and the
// X-Acs-Action header, which any HTTP caller can send, included; and the REST
// path matches from its start (built bundle).
import { httpEvent } from '../../dev/events';
import { CASTER, deleteRequests, invoke, useLive } from '../support/harness';

const live = useLive();
const INVOKE_PATH = '/2023-03-30/functions/caster-video-resource-delete/invocations';

/** The two ways a request claims to be InvokeFunction. */
const claims: Array<[string, (body: string, method?: string) => Record<string, unknown>]> = [
  [
    'the invoke API path',
    (body, method = 'POST') => httpEvent({ path: INVOKE_PATH, body, method, contentType: 'application/octet-stream' }),
  ],
  [
    'the X-Acs-Action header',
    (body, method = 'POST') => httpEvent({ body, method, headers: { 'X-Acs-Action': 'InvokeFunction' } }),
  ],
];

const records = (n: number) =>
  JSON.stringify(Array.from({ length: n }, (_, i) => ({ CasterId: CASTER, ResourceId: `r-${i}` })));

describe.each(claims)('a request on %s', (_name, request) => {
  it('is refused a method other than POST or DELETE: 405 with Allow', async () => {
    const out = await invoke(live, request(JSON.stringify({ CasterId: CASTER, ResourceId: 'demo-resource-1' }), 'GET'));
    expect([out.statusCode, out.headers.allow]).toEqual([405, 'POST, DELETE']);
    expect(live.emulator.requests).toEqual([]);
  });

  it('is refused a body over 64 KiB: 413', async () => {
    const big = records(1_200);
    expect(Buffer.byteLength(big)).toBeGreaterThan(64 * 1024);
    const out = await invoke(live, request(big));
    expect(out.statusCode).toBe(413);
    expect(live.emulator.requests).toEqual([]);
  });

  it('is refused more than 100 items in all, across records: 400, nothing deleted', async () => {
    const out = await invoke(live, request(records(101)));
    expect(out.statusCode).toBe(400);
    expect(JSON.parse(out.body).error.details[0].problem).toMatch(/at most 100 items/);
    expect(deleteRequests(live)).toEqual([]);
  });

  it('still runs 100 records', async () => {
    const out = await invoke(live, request(records(100)));
    expect(out.statusCode).toBe(200);
    expect(JSON.parse(out.body).summary).toMatchObject({ already_absent: 100, failed: 0 });
  });
});

describe('the REST path', () => {
  it.each([
    [
      'another REST path before it',
      `/casters/${CASTER}/video-resources/demo-resource-2/casters/${CASTER}/video-resources/demo-resource-1`,
    ],
    ['a prefix', `/api/casters/${CASTER}/video-resources/demo-resource-1`],
    ['the invoke path', `${INVOKE_PATH}/casters/${CASTER}/video-resources/demo-resource-1`],
  ])('is matched from its start: with %s it is 404, and nothing is sent', async (_name, path) => {
    const out = await invoke(live, httpEvent({ path, method: 'DELETE' }));
    expect([out.statusCode, JSON.parse(out.body).error.code]).toEqual([404, 'NotFound']);
    expect(live.emulator.requests).toEqual([]);
  });

  it('deletes when it is the whole path', async () => {
    const out = await invoke(
      live,
      httpEvent({ path: `/casters/${CASTER}/video-resources/demo-resource-1/`, method: 'DELETE' }),
    );
    expect([out.statusCode, JSON.parse(out.body).outcome]).toEqual([200, 'deleted']);
  });
});
