// The translation of FC's HTTP event at its edges; the ordinary event, and
// FC's HTTP response, are checked by every test of test/integration/http-trigger.test.ts.
import { type HttpEventOptions, httpEvent } from '../../../dev/events';
import {
  fromHttpEvent,
  type HttpTriggerEvent,
  MAX_HTTP_BODY_BYTES,
  routeOf,
} from '../../../functions/delete-caster-video-resource/delivery/http-event';

const translate = (opts: HttpEventOptions) => fromHttpEvent(httpEvent(opts) as unknown as HttpTriggerEvent);

describe('fromHttpEvent', () => {
  it('upper-cases the method', () => {
    expect(translate({ method: 'delete' }).method).toBe('DELETE');
  });

  it('gives each query parameter every value it was given', () => {
    const event = httpEvent({}) as unknown as HttpTriggerEvent;
    event.queryParameters = { CasterId: ['a', 'b'], DryRun: 'true' };
    expect(fromHttpEvent(event).query).toEqual([
      ['CasterId', ['a', 'b']],
      ['DryRun', ['true']],
    ]);
  });

  it('keeps the media type alone, in lower case', () => {
    expect(translate({ contentType: 'Application/JSON; charset=utf-8' }).contentType).toBe('application/json');
  });

  it('takes a body of exactly the limit', () => {
    expect(translate({ body: 'x'.repeat(MAX_HTTP_BODY_BYTES) }).body.kind).toBe('bytes');
  });

  it('says a body over the limit is too large', () => {
    expect(translate({ body: 'x'.repeat(MAX_HTTP_BODY_BYTES + 1) }).body).toEqual({
      kind: 'too-large',
      limit: MAX_HTTP_BODY_BYTES,
    });
  });

  it('judges a huge base64 body on its encoded length, without decoding it', () => {
    expect(translate({ body: 'x'.repeat(10 * 1024 * 1024), base64: true }).body.kind).toBe('too-large');
  });

  it('says a body that is not a string is not text', () => {
    const event = httpEvent({}) as unknown as Record<string, unknown>;
    event.body = { CasterId: 'c' };
    expect(fromHttpEvent(event as unknown as HttpTriggerEvent).body).toEqual({ kind: 'not-text' });
  });

  it('reads X-Fc-Invocation-Type: Async in any letter case and padding', () => {
    expect(translate({ headers: { 'x-fc-invocation-type': ' ASYNC ' } }).async).toBe(true);
  });

  it('is not told an InvokeFunction call by another action', () => {
    expect(translate({ headers: { 'X-Acs-Action': 'GetFunction' } }).invocation).toBe(false);
  });
});

describe('routeOf', () => {
  // A prefix before the REST path is test/integration/http-limits.test.ts's.
  it.each([
    ['the empty path as the root', '', { kind: 'root' }],
    ['/ as the root', '/', { kind: 'root' }],
    ['the root with a query as the root', '/?DryRun=true', { kind: 'root' }],
    [
      'the REST path, URL-decoded',
      '/casters/LIVEPRODUCER_POST-cn-1/video-resources/res%3A1',
      { kind: 'resource', casterId: 'LIVEPRODUCER_POST-cn-1', resourceId: 'res:1' },
    ],
    ['a segment that does not decode as it is', '/casters/c%/video-resources/r', { casterId: 'c%' }],
    ['the REST path with more after it as unknown', '/casters/c/video-resources/r/x', { kind: 'unknown' }],
    ['part of the REST path as unknown', '/casters/c', { kind: 'unknown' }],
    ['the FC 3.0 InvokeFunction path', '/2023-03-30/functions/my-fn/invocations', { kind: 'invoke' }],
  ])('reads %s', (_name, path, route) => {
    expect(routeOf(path)).toMatchObject(route);
  });
});
