import { classifyFailure, fromLiveAnswer } from '../../../functions/delete-caster-video-resource/live/classify';

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

  it('turns a transport failure into UpstreamUnavailable, naming its code', () => {
    const reset = Object.assign(new Error('socket hang up GET http://x failed.'), { code: 'ECONNRESET' });
    expect(classifyFailure(reset, false).toBody()).toMatchObject({
      code: 'UpstreamUnavailable',
      status: 503,
      retryable: true,
      message: 'Could not reach Live (ECONNRESET).',
    });
  });

  const timeout = Object.assign(new Error('ReadTimeout(100)'), { name: 'RequestTimeoutError' });

  it("answers Timeout when the attempt ran out of the invocation's own time", () => {
    expect(classifyFailure(timeout, true).toBody()).toMatchObject({ code: 'Timeout', status: 504, retryable: true });
  });

  it('answers UpstreamUnavailable when only the attempt timed out', () => {
    expect(classifyFailure(timeout, false).toBody()).toMatchObject({ code: 'UpstreamUnavailable', status: 503 });
  });

  it('answers UpstreamUnavailable for a body the SDK could not read', () => {
    expect(classifyFailure(new SyntaxError('Unexpected token <'), false).code).toBe('UpstreamUnavailable');
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
