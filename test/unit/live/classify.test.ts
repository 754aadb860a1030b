import {
  classifyFailure,
  fromLiveAnswer,
  unprovenAnswer,
} from '../../../functions/delete-caster-video-resource/live/classify';

const liveError = (code: string, statusCode: number) => ({
  code,
  message: `code: ${statusCode}, msg request id: RID`,
  data: {
    statusCode,
    RequestId: 'RID-1',
    Message: `${code} happened`,
    Recommend: `https://api.aliyun.com/troubleshoot?q=${code}`,
  },
});

// Evidence of success, an answer cut for its size, a timeout of the invocation's
// own time and a body the SDK could not read are test/integration/http-trigger.test.ts's,
// bounded-work.test.ts's, live-failures.test.ts's and not-the-records-fault.test.ts's.
describe('classifying what the Live client throws', () => {
  it.each([
    ['InvalidCaster.NotFound', 404, 404, false],
    ['InvalidResource.NotFound', 404, 404, false],
    ['MissingCasterId', 400, 400, false],
    ['Throttling.User', 400, 429, true],
    ['Throttling', 503, 429, true],
    ['ServiceUnavailable', 503, 503, true],
    ['InternalError', 500, 503, true],
    ['Forbidden.RAM', 403, 502, false],
    ['InvalidAccessKeyId.NotFound', 404, 502, false],
    ['SignatureDoesNotMatch', 400, 502, false],
    ['InvalidSecurityToken.Expired', 400, 502, false],
    ['InvalidUserId.Malformed', 400, 502, false],
  ])('keeps Live code %s (HTTP %i) and answers %i, retryable %s', (code, liveStatus, status, retryable) => {
    expect(fromLiveAnswer(liveError(code, liveStatus))?.toBody()).toEqual({
      code,
      message: `${code} happened`,
      status,
      retryable,
      requestId: 'RID-1',
      details: [{ recommend: expect.stringContaining(code) }],
    });
  });

  it.each([
    ['InvalidCasterId.Malformed', 400, true],
    ['InvalidParameter.Malformed', 400, true],
    ['InvalidCaster.NotFound', 404, true],
    ['InvalidCaster.NotFound', 400, true],
    ['InvalidCasterId.Malformed', 500, false],
    ['InvalidParameter.Malformed', 503, false],
    ['InvalidCaster.NotFound', 500, false],
    ['InvalidCaster.NotFound', 429, false],
    ['InvalidSecurityToken.Malformed', 400, false],
    ['InvalidAccessKeyId.Malformed', 400, false],
    ['InvalidUserId.Malformed', 400, false],
    ['SomethingNew.Malformed', 400, false],
    ['InvalidResource.NotFound', 404, false],
  ])("reads %s (HTTP %i) as the record's own fault: %s", (code, liveStatus, recordsOwn) => {
    expect(fromLiveAnswer(liveError(code, liveStatus))).toMatchObject({ recordsOwn, liveStatus });
  });

  it.each<[string, number, unknown, object]>([
    ['a refusal sent with 200', 200, { RequestId: 'R', Code: 'Forbidden.RAM' }, { code: 'Forbidden.RAM', status: 502 }],
    ['an unknown code sent with 200', 200, { RequestId: 'R', Code: 'New' }, { code: 'New', status: 502 }],
    ['200 {}', 200, {}, { code: 'UpstreamUnavailable', status: 503, retryable: true }],
    ['202 {}', 202, {}, { code: 'UpstreamUnavailable', status: 503, retryable: true }],
    ['an empty RequestId', 200, { RequestId: '' }, { code: 'UpstreamUnavailable' }],
    ['a JSON array', 200, [], { code: 'UpstreamUnavailable' }],
    ['a 3xx', 302, { RequestId: 'R' }, { code: 'UpstreamUnavailable' }],
  ])('does not take %s as evidence', (_name, status, body, expected) => {
    expect(unprovenAnswer(status, body)).toMatchObject({ recordsOwn: false, ...expected });
  });

  it('keeps a 2xx caster-not-found as 404, yet not the record’s own', () => {
    expect(unprovenAnswer(200, { RequestId: 'R', Code: 'InvalidCaster.NotFound' })).toMatchObject({
      code: 'InvalidCaster.NotFound',
      status: 404,
      recordsOwn: false,
    });
  });

  it('turns a transport failure into UpstreamUnavailable, naming its code', () => {
    const reset = Object.assign(new Error('socket hang up GET http://x failed.'), { code: 'ECONNRESET' });
    expect(classifyFailure(reset, false).toBody()).toMatchObject({
      code: 'UpstreamUnavailable',
      status: 503,
      retryable: true,
      message: 'Could not reach Live (ECONNRESET).',
    });
  });

  it('answers UpstreamUnavailable when only the attempt timed out', () => {
    const timeout = Object.assign(new Error('ReadTimeout(100)'), { name: 'RequestTimeoutError' });
    expect(classifyFailure(timeout, false).toBody()).toMatchObject({ code: 'UpstreamUnavailable', status: 503 });
  });

  it('names a 4xx without a code UpstreamRejected', () => {
    expect(fromLiveAnswer({ data: { statusCode: 400 } })?.toBody()).toMatchObject({
      code: 'UpstreamRejected',
      status: 502,
    });
  });

  it('never copies a transport message, which may hold URLs or headers', () => {
    const err = Object.assign(new Error('connect failed, Authorization: ACS3 secret-ish'), { code: 'ECONNREFUSED' });
    expect(classifyFailure(err, false).message).not.toMatch(/Authorization|secret/);
  });
});
