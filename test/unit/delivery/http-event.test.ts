// The translation of FC's HTTP event at its edges; the ordinary event, and
// FC's HTTP response, are checked by every test of test/integration/http-trigger.test.ts.
import { type HttpEventOptions, httpEvent } from '../../../dev/events';
import {
  fromHttpEvent,
  type HttpTriggerEvent,
  MAX_HTTP_BODY_BYTES,
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
