import type { IncomingMessage } from 'node:http';
import { resultProblems } from '../../dev/result-shape';
import { signedHeaders } from './call';
import { type AcceptedKey, authFailureBody, verifyTriggerRequest } from './trigger-auth';

// `npm run call` signs as FC's documentation does; `npm start -- --auth` checks as FC's gateway does.
const KEY: AcceptedKey = { accessKeyId: 'LTAItestKey', accessKeySecret: 'test-secret' };
const STS: AcceptedKey = { accessKeyId: 'STS.testKey', accessKeySecret: 'sts-secret', securityToken: 'CAIStoken' };
const BASE = 'http://127.0.0.1:9000';

/** What the server sees: node lower-cases header names; url is the raw path and query. */
function request(method: string, url: string, headers: Record<string, string>): IncomingMessage {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return { method, url, headers: { host: '127.0.0.1:9000', ...lower } } as unknown as IncomingMessage;
}

const signed = (method: string, path: string, key: AcceptedKey = KEY, now?: Date) =>
  signedHeaders(method, new URL(path, BASE), key, now);

describe('HTTP-trigger signatures (authType: function)', () => {
  it('accepts what npm run call signs, with path, query and an STS token', () => {
    const path = '/casters/LIVEPRODUCER_POST-cn-demo0001/video-resources/demo-resource-1?DryRun=true&note=a%20b';
    expect(verifyTriggerRequest(request('DELETE', path, signed('DELETE', path)), [KEY])).toBeNull();
    expect(verifyTriggerRequest(request('POST', '/', signed('POST', '/', STS)), [KEY, STS])).toBeNull();
  });

  it('refuses an unsigned request as MissingAuthorization', () => {
    expect(verifyTriggerRequest(request('POST', '/', {}), [KEY])).toMatchObject({ code: 'MissingAuthorization' });
  });

  it.each([
    ['another path', (h: Record<string, string>) => request('DELETE', '/casters/C/video-resources/other', h)],
    ['another query', (h: Record<string, string>) => request('DELETE', '/casters/C/video-resources/R?DryRun=false', h)],
    ['another method', (h: Record<string, string>) => request('POST', '/casters/C/video-resources/R', h)],
    [
      'another date',
      (h: Record<string, string>) =>
        request('DELETE', '/casters/C/video-resources/R', {
          ...h,
          'x-acs-date': new Date(Date.now() - 1000).toISOString().replace(/\.\d+Z$/, 'Z'),
        }),
    ],
    [
      'another token',
      (h: Record<string, string>) =>
        request('DELETE', '/casters/C/video-resources/R', { ...h, 'x-acs-security-token': 'forged' }),
    ],
  ])('refuses a request tampered with after signing (%s) as SignatureDoesNotMatch', (_what, tamper) => {
    const headers = signed('DELETE', '/casters/C/video-resources/R');
    expect(verifyTriggerRequest(tamper(headers), [KEY])).toMatchObject({ code: 'SignatureDoesNotMatch' });
  });

  it('refuses a wrong secret, an unknown key, a missing STS token and a stale date', () => {
    const wrongSecret = signed('POST', '/', { ...KEY, accessKeySecret: 'guess' });
    expect(verifyTriggerRequest(request('POST', '/', wrongSecret), [KEY])?.code).toBe('SignatureDoesNotMatch');
    expect(verifyTriggerRequest(request('POST', '/', signed('POST', '/')), [STS])?.message).toMatch(
      /not accepted here/,
    );
    const noToken = signed('POST', '/', { ...STS, securityToken: undefined });
    expect(verifyTriggerRequest(request('POST', '/', noToken), [STS])?.message).toMatch(/x-acs-security-token/);
    const stale = signed('POST', '/', KEY, new Date(Date.now() - 16 * 60 * 1000));
    expect(verifyTriggerRequest(request('POST', '/', stale), [KEY])?.message).toMatch(/15 minutes/);
  });

  it("answers a refusal in the function's own failure shape", () => {
    const body = JSON.parse(authFailureBody({ code: 'MissingAuthorization', message: 'sign it' }, 'local-1'));
    expect(resultProblems(body)).toEqual([]);
    expect(body).toEqual({
      ok: false,
      casterId: null,
      resourceId: null,
      invocationId: 'local-1',
      error: {
        code: 'MissingAuthorization',
        message: 'sign it',
        status: 403,
        retryable: false,
        requestId: null,
        details: [],
      },
    });
  });
});
