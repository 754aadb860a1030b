// The emulator authenticates as Live does: ACS3-HMAC-SHA256, STS tokens, nonces, timestamps.
// (That it accepts what the SDK signs, the function's client, is server.test.ts's.)
import { createLiveEmulator } from './index';
import { ACS3 } from './signature';
import { acsDate, CASTER, PLAIN, type RawOptions, raw, STS, send, signedRequest } from './test-client';

const NONCE = 'x-acs-signature-nonce';
const WITHOUT_NONCE = ['host', 'x-acs-action', 'x-acs-content-sha256', 'x-acs-date', 'x-acs-version'];
const EMPTY = ACS3.emptyPayloadSha256;
const [MISMATCH, INCOMPLETE] = ['InvalidSecurityToken.MismatchWithAccessKey', 'IncompleteSignature'];
const SM3 = 'ACS3-HMAC-SM3 Credential=x,SignedHeaders=host,Signature=ab';
const minutesAway = (m: number) => acsDate(Date.now() + m * 60_000);

describe('Live emulator authentication', () => {
  const emulator = createLiveEmulator();

  beforeAll(() => emulator.start());
  afterAll(() => emulator.stop());
  beforeEach(() => emulator.reset());

  // Titles name the case only: the credential objects hold secrets.
  it.each<[string, RawOptions, number, string]>([
    ['a wrong security token', { cred: { ...STS, securityToken: 'CAISwrong' } }, 400, MISMATCH],
    ['no security token for an STS key', { cred: { ...STS, securityToken: undefined } }, 400, 'MissingSecurityToken'],
    ['a token with a plain key', { cred: { ...PLAIN, securityToken: STS.securityToken } }, 400, MISMATCH],
    ['an unknown AccessKeyId', { cred: { ...PLAIN, accessKeyId: 'LTAInobody' } }, 404, 'InvalidAccessKeyId.NotFound'],
    ['an x-acs-date 20 minutes old', { date: minutesAway(-20) }, 400, 'InvalidTimeStamp.Expired'],
    ['an x-acs-date 20 minutes ahead', { date: minutesAway(20) }, 400, 'InvalidTimeStamp.Expired'],
    ['an x-acs-date not in ISO 8601', { date: 'Thu, 26 Oct 2023 10:22:32 GMT' }, 400, 'InvalidTimeStamp.Format'],
    ['no Authorization header', { authorization: '' }, 400, INCOMPLETE],
    ['another algorithm', { authorization: SM3 }, 400, INCOMPLETE],
    ['SignedHeaders without x-acs-signature-nonce', { signedHeaders: WITHOUT_NONCE }, 400, INCOMPLETE],
    ['an unsigned security token', { cred: STS, signedHeaders: [...WITHOUT_NONCE, NONCE] }, 400, INCOMPLETE],
    ['a body its x-acs-content-sha256 misstates', { body: '{}', contentSha256: EMPTY }, 400, 'ContentSHA256NotMatched'],
    ['another API version', { version: '2014-05-26' }, 400, 'InvalidVersion'],
    ['an unknown action', { action: 'DeleteCaster' }, 404, 'InvalidAction.NotFound'],
  ])('refuses %s with %i %s, recorded, acting on nothing', async (_label, o, status, code) => {
    const res = await raw(emulator, o);
    expect([res.status, res.json.Code, res.json.HostId]).toEqual([status, code, emulator.host]);
    expect(emulator.requests.map((r) => [r.status, r.code])).toEqual([[status, code]]);
    expect(emulator.resources(CASTER)).toHaveLength(5);
  });

  it('refuses a wrong secret with SignatureDoesNotMatch, showing the string to sign but no secret', async () => {
    const res = await raw(emulator, { cred: { ...STS, accessKeySecret: 'not-the-secret' } });
    expect([res.status, res.json.Code]).toEqual([400, 'SignatureDoesNotMatch']);
    expect(res.json.Message).toMatch(/server string to sign is:ACS3-HMAC-SHA256\n[0-9a-f]{64}$/);
    expect(res.text).not.toContain(STS.accessKeySecret);
    expect(emulator.requests[0]?.accessKeyId).toBe(STS.accessKeyId);
  });

  it('accepts an x-acs-date 14 minutes old', async () => {
    expect((await raw(emulator, { date: minutesAway(-14) })).status).toBe(200);
  });

  it('refuses a replayed request (same headers, same nonce) with SignatureNonceUsed', async () => {
    const req = signedRequest(emulator);
    expect((await send(emulator, req)).status).toBe(200);
    const replay = await send(emulator, req);
    expect([replay.status, replay.json.Code]).toEqual([400, 'SignatureNonceUsed']);
  });

  it('does not let a request with a bad signature use up a nonce', async () => {
    const nonce = 'shared-nonce-0001';
    const forged = await raw(emulator, { nonce, cred: { ...PLAIN, accessKeySecret: 'forged' } });
    expect(forged.json.Code).toBe('SignatureDoesNotMatch');
    expect((await raw(emulator, { nonce })).status).toBe(200);
  });
});
