import { readHttpRequest } from '../../functions/delete-caster-video-resource/delivery/http-request';
import { FunctionError } from '../../functions/delete-caster-video-resource/errors';
import type { HttpTriggerEvent } from '../../functions/delete-caster-video-resource/types';
import { type HttpEventOptions, httpEvent } from '../support/events';

const read = (opts: HttpEventOptions) => readHttpRequest(httpEvent(opts) as unknown as HttpTriggerEvent);

function errorOf(opts: HttpEventOptions): FunctionError {
  try {
    read(opts);
  } catch (err) {
    return err as FunctionError;
  }
  throw new Error('expected an error');
}

describe('readHttpRequest', () => {
  it('reads the IDs from a JSON body', () => {
    expect(read({ body: { CasterId: 'c', ResourceId: 'r' } })).toMatchObject({ CasterId: 'c', ResourceId: 'r' });
  });

  it('reads a form body and a base64-encoded body', () => {
    expect(
      read({ body: 'CasterId=c&ResourceId=r&DryRun=true', contentType: 'application/x-www-form-urlencoded' }),
    ).toMatchObject({
      CasterId: 'c',
      ResourceId: 'r',
      DryRun: 'true',
    });
    expect(read({ body: { casterId: 'c', resourceId: 'r' }, base64: true })).toMatchObject({
      CasterId: 'c',
      ResourceId: 'r',
    });
  });

  it('reads query parameters and the REST path, URL-decoded', () => {
    expect(read({ method: 'DELETE', query: { CasterId: 'c', ResourceId: 'r' }, contentType: null })).toMatchObject({
      CasterId: 'c',
      ResourceId: 'r',
    });
    expect(
      read({ method: 'DELETE', path: '/casters/LIVEPRODUCER_POST-cn-1/video-resources/res%3A1', contentType: null }),
    ).toMatchObject({
      CasterId: 'LIVEPRODUCER_POST-cn-1',
      ResourceId: 'res:1',
    });
  });

  it('refuses a field that differs between path, query and body', () => {
    const err = errorOf({ path: '/casters/a/video-resources/r', body: { CasterId: 'b' } });
    expect(err).toMatchObject({ code: 'InvalidRequest', status: 400 });
    expect(err.details).toEqual([{ field: 'CasterId', problem: 'differs between the body and the path' }]);
  });

  it('answers 405 for methods other than POST and DELETE', () => {
    for (const method of ['GET', 'PUT', 'PATCH', 'OPTIONS']) {
      expect(errorOf({ method })).toMatchObject({ code: 'MethodNotAllowed', status: 405 });
    }
  });

  it('answers 413 above 64 KiB and accepts exactly 64 KiB', () => {
    const padded = (n: number) => JSON.stringify({ CasterId: 'c', ResourceId: 'r', pad: 'x'.repeat(n) });
    const exact = padded(0).length;
    expect(read({ body: padded(64 * 1024 - exact) })).toMatchObject({ CasterId: 'c' });
    expect(errorOf({ body: padded(64 * 1024 - exact + 1) })).toMatchObject({ code: 'PayloadTooLarge', status: 413 });
    expect(errorOf({ body: 'x'.repeat(10 * 1024 * 1024), base64: true })).toMatchObject({ status: 413 });
  });

  it('answers 400 for unreadable JSON and 415 for other content types', () => {
    expect(errorOf({ body: '{"CasterId": ' })).toMatchObject({ code: 'InvalidRequest', status: 400 });
    expect(errorOf({ body: 'haha', contentType: 'application/octet-stream' })).toMatchObject({
      code: 'UnsupportedMediaType',
      status: 415,
    });
    expect(errorOf({ body: 'CasterId=c', contentType: 'text/plain' })).toMatchObject({ status: 415 });
  });

  it('reads a JSON-looking body without a content type, as curl -d sends it', () => {
    expect(read({ body: '{"CasterId":"c","ResourceId":"r"}', contentType: null })).toMatchObject({ CasterId: 'c' });
  });

  it('refuses a query parameter given twice', () => {
    const event = httpEvent({ contentType: null }) as unknown as HttpTriggerEvent;
    event.queryParameters = { CasterId: ['a', 'b'], ResourceId: 'r' };
    expect(() => readHttpRequest(event)).toThrow(/more than once/);
  });
});
