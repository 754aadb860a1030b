// The emulator authenticates as Live does: ACS3-HMAC-SHA256, STS tokens, nonces, timestamps.
import { rejection } from '../promises';
import { ACS3, createLiveEmulator } from './index';
import {
  acsDate,
  CASTER,
  callLive,
  client,
  deleteQuery,
  deleteResource,
  PLAIN,
  type RawOptions,
  REGION,
  raw,
  STS,
  send,
  signedRequest,
} from './test-client';

describe('Live emulator over HTTP', () => {
  const emulator = createLiveEmulator();

  beforeAll(() => emulator.start());
  afterAll(() => emulator.stop());
  beforeEach(() => emulator.reset());

  describe('authentication', () => {
    it('accepts a plain AccessKey pair', async () => {
      await deleteResource(client(emulator, PLAIN), 'demo-resource-1');
      expect(emulator.requests[0]).toMatchObject({ accessKeyId: PLAIN.accessKeyId, status: 200 });
    });

    // Titles name the case only: the credential objects hold secrets.
    it.each([
      [
        'a wrong security token',
        'InvalidSecurityToken.MismatchWithAccessKey',
        { ...STS, securityToken: 'CAISwrongToken' },
      ],
      ['no security token for an STS key', 'MissingSecurityToken', { ...STS, securityToken: undefined }],
      [
        'a security token with a plain key',
        'InvalidSecurityToken.MismatchWithAccessKey',
        { ...PLAIN, securityToken: STS.securityToken },
      ],
    ])('rejects %s with 400 %s', async (_label, code, cred) => {
      const err = await rejection(deleteResource(client(emulator, cred), 'demo-resource-1'));
      expect([err.code, err.statusCode]).toEqual([code, 400]);
      expect(emulator.resources(CASTER)).toHaveLength(5);
    });

    it('rejects a wrong secret with SignatureDoesNotMatch, showing the string to sign but no secret', async () => {
      const err = await rejection(
        deleteResource(client(emulator, { ...STS, accessKeySecret: 'not-the-secret' }), 'demo-resource-1'),
      );
      expect([err.code, err.statusCode]).toEqual(['SignatureDoesNotMatch', 400]);
      expect(err.data.Message).toMatch(/server string to sign is:ACS3-HMAC-SHA256\n[0-9a-f]{64}$/);
      expect(JSON.stringify(err.data)).not.toContain(STS.accessKeySecret);
    });

    it('rejects an unknown AccessKeyId with 404 InvalidAccessKeyId.NotFound', async () => {
      const err = await rejection(
        deleteResource(client(emulator, { accessKeyId: 'LTAInobody', accessKeySecret: 'x' }), 'demo-resource-1'),
      );
      expect([err.code, err.statusCode]).toEqual(['InvalidAccessKeyId.NotFound', 404]);
      expect(emulator.requests[0]).toMatchObject({ accessKeyId: 'LTAInobody', code: 'InvalidAccessKeyId.NotFound' });
    });

    it('rejects a replayed request (same headers, same nonce) with SignatureNonceUsed', async () => {
      const req = signedRequest(emulator);
      expect((await send(emulator, req)).status).toBe(200);
      const replay = await send(emulator, req);
      expect([replay.status, replay.json.Code]).toEqual([400, 'SignatureNonceUsed']);
      expect(emulator.resources(CASTER)).toHaveLength(4);
    });

    it('does not let a request with a bad signature use up a nonce', async () => {
      const nonce = 'shared-nonce-0001';
      const forged = await raw(emulator, { nonce, cred: { ...PLAIN, accessKeySecret: 'forged' } });
      expect(forged.json.Code).toBe('SignatureDoesNotMatch');
      expect((await raw(emulator, { nonce })).status).toBe(200);
    });

    it.each([
      ['an x-acs-date 20 minutes old', 'InvalidTimeStamp.Expired', acsDate(Date.now() - 20 * 60_000)],
      ['an x-acs-date 20 minutes ahead', 'InvalidTimeStamp.Expired', acsDate(Date.now() + 20 * 60_000)],
      ['an x-acs-date that is not ISO 8601', 'InvalidTimeStamp.Format', 'Thu, 26 Oct 2023 10:22:32 GMT'],
    ])('rejects %s with 400 %s', async (_label, code, date) => {
      const res = await raw(emulator, { date });
      expect([res.status, res.json.Code]).toEqual([400, code]);
    });

    it('accepts an x-acs-date 14 minutes old', async () => {
      expect((await raw(emulator, { date: acsDate(Date.now() - 14 * 60_000) })).status).toBe(200);
    });

    it.each<[string, RawOptions]>([
      ['no Authorization header', { authorization: '' }],
      ['another algorithm', { authorization: 'ACS3-HMAC-SM3 Credential=x,SignedHeaders=host,Signature=ab' }],
      ['a V2-style header', { authorization: 'acs LTAIdemo:c2ln' }],
      [
        'SignedHeaders without x-acs-signature-nonce',
        { signedHeaders: ['host', 'x-acs-action', 'x-acs-content-sha256', 'x-acs-date', 'x-acs-version'] },
      ],
      [
        'an unsigned security token',
        {
          cred: STS,
          signedHeaders: [
            'host',
            'x-acs-action',
            'x-acs-content-sha256',
            'x-acs-date',
            'x-acs-signature-nonce',
            'x-acs-version',
          ],
        },
      ],
    ])('answers 400 IncompleteSignature for %s', async (_label, o) => {
      const res = await raw(emulator, o);
      expect([res.status, res.json.Code]).toEqual([400, 'IncompleteSignature']);
      expect(res.json.HostId).toBe(emulator.host);
    });

    it('answers 400 ContentSHA256NotMatched when the body does not match x-acs-content-sha256', async () => {
      const res = await raw(emulator, {
        body: '{"CasterId":"x"}',
        contentType: 'application/json',
        contentSha256: ACS3.emptyPayloadSha256,
      });
      expect([res.status, res.json.Code]).toEqual([400, 'ContentSHA256NotMatched']);
    });

    it('answers 400 InvalidVersion for another API version, 404 InvalidAction.NotFound for an unknown action', async () => {
      const api = client(emulator);
      const version = await rejection(
        callLive(api, 'DeleteCasterVideoResource', deleteQuery('demo-resource-1'), { version: '2014-05-26' }),
      );
      expect([version.code, version.statusCode]).toEqual(['InvalidVersion', 400]);
      const action = await rejection(callLive(api, 'DeleteCaster', { CasterId: CASTER, RegionId: REGION }));
      expect([action.code, action.statusCode]).toEqual(['InvalidAction.NotFound', 404]);
    });
  });
});
