// What the HTTP rules decide that no HTTP-caller test reaches. Each shape read
// and each status an HTTP caller gets are test/integration/http-trigger.test.ts's
// and http-limits.test.ts's, against the built bundle.
import { type HttpEventOptions, httpEvent } from '../../../dev/events';
import {
  fromHttpEvent,
  type HttpTriggerEvent,
} from '../../../functions/delete-caster-video-resource/delivery/http-event';
import { httpRecord } from '../../../functions/delete-caster-video-resource/request/http';
import { readRecord } from '../../../functions/delete-caster-video-resource/request/record';

const requestOf = (opts: HttpEventOptions) => fromHttpEvent(httpEvent(opts) as unknown as HttpTriggerEvent);
/** The one item an HTTP request asks for, as the request reader reads it. */
const itemOf = (opts: HttpEventOptions) => readRecord(httpRecord(requestOf(opts)));

function refusal(run: () => unknown): { code: string; status: number; details: unknown[] } {
  try {
    run();
  } catch (err) {
    return err as { code: string; status: number; details: unknown[] };
  }
  throw new Error('accepted');
}
const refusalOf = (opts: HttpEventOptions) => refusal(() => httpRecord(requestOf(opts)));

describe('httpRecord', () => {
  it('reads a JSON-looking body without a content type, as curl -d sends it', () => {
    expect(itemOf({ body: '{"CasterId":"c","ResourceId":"r"}', contentType: null })).toMatchObject({
      item: { casterId: 'c' },
    });
  });

  it('reads a JSON array body as a list of items', () => {
    expect(itemOf({ body: [{ CasterId: 'c', ResourceId: 'r' }] }).kind).toBe('list');
  });

  // GET is the integration tests'.
  it.each(['PUT', 'PATCH', 'OPTIONS'])('answers %s with 405', (method) => {
    expect(refusalOf({ method })).toMatchObject({ code: 'MethodNotAllowed', status: 405 });
  });

  it('answers a form sent as text/plain with 415', () => {
    expect(refusalOf({ body: 'CasterId=c', contentType: 'text/plain' }).status).toBe(415);
  });

  it('refuses a JSON body that is not an object or array', () => {
    expect(refusalOf({ body: '"just text"' }).details).toEqual([
      { field: 'body', problem: 'must be a JSON object or array' },
    ]);
  });

  it('refuses a query parameter given twice', () => {
    const request = requestOf({ contentType: null });
    request.query = [['CasterId', ['a', 'b']]];
    expect(refusal(() => httpRecord(request)).details).toEqual([
      { field: 'CasterId', problem: 'given more than once in the query' },
    ]);
  });

  it('refuses a misspelt query parameter', () => {
    expect(refusalOf({ query: { DryRn: 'true' }, contentType: null }).details).toEqual([
      { field: 'query DryRn', problem: 'is not a known field; did you mean DryRun?' },
    ]);
  });
});
