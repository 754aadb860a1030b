import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import OpenApi, * as $OpenApi from '@alicloud/openapi-client';
import * as $Util from '@alicloud/tea-util';
import { rejection } from '../promises';
import {
  ACS3,
  canonicalRequest,
  createLiveEmulator,
  DEFAULT_SEED,
  DEMO_CREDENTIALS,
  type EmulatorCredential,
  type FaultKind,
  type LiveEmulator,
  loadSeedFile,
  sha256Hex,
  sign,
  stringToSign,
} from './index';

const CASTER = 'LIVEPRODUCER_POST-cn-demo0001';
const REGION = 'cn-shanghai';
const VERSION = '2016-11-01';
const PLAIN = DEMO_CREDENTIALS.find((c) => !c.securityToken)!;
const STS = DEMO_CREDENTIALS.find((c) => c.securityToken)!;
const UPPER_UUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;

type Query = Record<string, string>;

// ---- calling through the SDK, as the function does ----

function client(emulator: LiveEmulator, cred: Partial<EmulatorCredential> = STS): OpenApi {
  return new OpenApi(new $OpenApi.Config({ ...cred, endpoint: emulator.host, protocol: 'http' }));
}

function callLive(
  api: OpenApi,
  action: string,
  query: Query,
  extra: { version?: string; body?: Query; reqBodyType?: string } = {},
) {
  const params = new $OpenApi.Params({
    action,
    version: extra.version ?? VERSION,
    protocol: 'HTTP',
    pathname: '/',
    method: 'POST',
    authType: 'AK',
    style: 'RPC',
    reqBodyType: extra.reqBodyType ?? 'json',
    bodyType: 'json',
  });
  return api.callApi(params, new $OpenApi.OpenApiRequest({ query, body: extra.body }), new $Util.RuntimeOptions({}));
}

const deleteQuery = (ResourceId: string, CasterId = CASTER): Query => ({ CasterId, ResourceId, RegionId: REGION });
const deleteResource = (api: OpenApi, resourceId: string, casterId = CASTER) =>
  callLive(api, 'DeleteCasterVideoResource', deleteQuery(resourceId, casterId));

// ---- raw requests with a small independent signer ----

interface RawOptions {
  cred?: EmulatorCredential;
  action?: string;
  version?: string;
  query?: Query;
  date?: string;
  nonce?: string;
  body?: string;
  contentType?: string;
  /** The body hash to claim; defaults to the real one. */
  contentSha256?: string;
  signedHeaders?: string[];
  authorization?: string;
}

const acsDate = (ms = Date.now()) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function signedRequest(emulator: LiveEmulator, o: RawOptions = {}) {
  const cred = o.cred ?? PLAIN;
  const query = o.query ?? deleteQuery('demo-resource-1');
  const body = o.body ?? '';
  const headers: Record<string, string> = {
    host: emulator.host,
    'x-acs-action': o.action ?? 'DeleteCasterVideoResource',
    'x-acs-version': o.version ?? VERSION,
    'x-acs-date': o.date ?? acsDate(),
    'x-acs-signature-nonce': o.nonce ?? randomBytes(16).toString('hex'),
    'x-acs-content-sha256': o.contentSha256 ?? sha256Hex(body),
    accept: 'application/json',
  };
  if (o.contentType) headers['content-type'] = o.contentType;
  if (cred.securityToken) headers['x-acs-security-token'] = cred.securityToken;
  const signedHeaders =
    o.signedHeaders ??
    Object.keys(headers)
      .filter((h) => h === 'host' || h === 'content-type' || h.startsWith('x-acs-'))
      .sort();
  const toSign = stringToSign(
    canonicalRequest({ method: 'POST', pathname: '/', query, headers, hashedPayload: sha256Hex(body), signedHeaders }),
  );
  headers.authorization =
    o.authorization ??
    `${ACS3.algorithm} Credential=${cred.accessKeyId},SignedHeaders=${signedHeaders.join(';')},Signature=${sign(cred.accessKeySecret, toSign)}`;
  return { path: `/?${new URLSearchParams(query).toString()}`, headers, body };
}

function send(emulator: LiveEmulator, req: ReturnType<typeof signedRequest>): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const r = httpRequest(
      `${emulator.url}${req.path}`,
      { method: 'POST', headers: req.headers, agent: false },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
      },
    );
    r.on('error', reject);
    r.end(req.body);
  });
}

const raw = (emulator: LiveEmulator, o: RawOptions = {}) => send(emulator, signedRequest(emulator, o));

describe('Live emulator over HTTP', () => {
  const emulator = createLiveEmulator();

  beforeAll(() => emulator.start());
  afterAll(() => emulator.stop());
  beforeEach(() => emulator.reset());

  describe('DeleteCasterVideoResource', () => {
    it('deletes the resource, answers 200 with an upper-case UUID RequestId and records the call', async () => {
      const res = await deleteResource(client(emulator), 'demo-resource-2');
      expect(res.statusCode).toBe(200);
      expect(Object.keys(res.body)).toEqual(['RequestId']);
      expect(res.body.RequestId).toMatch(UPPER_UUID);
      expect(emulator.resources(CASTER)).toEqual([
        'demo-resource-1',
        'demo-resource-3',
        'demo-resource-4',
        'demo-resource-5',
      ]);
      expect(emulator.requests).toEqual([
        {
          time: expect.any(Number),
          action: 'DeleteCasterVideoResource',
          query: deleteQuery('demo-resource-2'),
          accessKeyId: STS.accessKeyId,
          status: 200,
          code: null,
          fault: null,
          requestId: res.body.RequestId,
        },
      ]);
    });

    it('answers InvalidResource.NotFound (404) with Live’s error body when the resource is already gone', async () => {
      const api = client(emulator);
      await deleteResource(api, 'demo-resource-1');
      const err = await rejection(deleteResource(api, 'demo-resource-1'));
      expect(err.code).toBe('InvalidResource.NotFound');
      expect(err.statusCode).toBe(404);
      expect(err.data).toEqual({
        RequestId: expect.stringMatching(UPPER_UUID),
        HostId: emulator.host,
        Code: 'InvalidResource.NotFound',
        Message: expect.any(String),
        Recommend: expect.stringMatching(
          /^https:\/\/api\.aliyun\.com\/troubleshoot\?q=InvalidResource\.NotFound&product=live/,
        ),
        statusCode: 404,
      });
      expect(emulator.requests.map((r) => [r.status, r.code])).toEqual([
        [200, null],
        [404, 'InvalidResource.NotFound'],
      ]);
    });

    it('answers InvalidCaster.NotFound (404) for an unknown caster', async () => {
      const err = await rejection(deleteResource(client(emulator), 'demo-resource-1', 'LIVEPRODUCER_POST-cn-nope'));
      expect([err.code, err.statusCode]).toEqual(['InvalidCaster.NotFound', 404]);
    });

    it.each([
      ['CasterId', 'MissingCasterId'],
      ['ResourceId', 'MissingResourceId'],
      ['RegionId', 'MissingRegionId'],
    ])('answers 400 when %s is missing', async (param, code) => {
      const query = deleteQuery('demo-resource-1');
      delete query[param];
      const err = await rejection(callLive(client(emulator), 'DeleteCasterVideoResource', query));
      expect([err.code, err.statusCode]).toEqual([code, 400]);
      expect(emulator.resources(CASTER)).toHaveLength(5);
    });

    it.each(['json', 'formData'])('accepts the parameters in a %s body', async (reqBodyType) => {
      const res = await callLive(
        client(emulator),
        'DeleteCasterVideoResource',
        {},
        { body: deleteQuery('demo-resource-3'), reqBodyType },
      );
      expect(res.statusCode).toBe(200);
      expect(emulator.resources(CASTER)).not.toContain('demo-resource-3');
    });

    it('verifies signatures over ids that need percent-encoding', async () => {
      const odd = "slot (1)!*'~ 直播+x";
      emulator.addCaster('LIVEPRODUCER_POST-cn-odd', [odd, 'other']);
      await deleteResource(client(emulator), odd, 'LIVEPRODUCER_POST-cn-odd');
      expect(emulator.resources('LIVEPRODUCER_POST-cn-odd')).toEqual(['other']);
    });
  });

  describe('DescribeCasterVideoResources', () => {
    it('lists the caster’s resources in order, with Live’s fields', async () => {
      const res = await callLive(client(emulator), 'DescribeCasterVideoResources', {
        CasterId: CASTER,
        RegionId: REGION,
      });
      expect(res.body.RequestId).toMatch(UPPER_UUID);
      expect(res.body.Total).toBe(5);
      const list = res.body.VideoResources.VideoResource;
      expect(list.map((r: any) => r.ResourceId)).toEqual(emulator.resources(CASTER));
      expect(list[0]).toEqual({
        ResourceId: 'demo-resource-1',
        ResourceName: 'demo-resource-1',
        LocationId: 'RV01',
        LiveStreamUrl: expect.stringMatching(/^rtmp:\/\//),
        RepeatNum: 0,
        VodUrl: '',
        MaterialId: '',
        BeginOffset: 0,
        EndOffset: 0,
        PtsCallbackInterval: 0,
        ImageId: '',
        ImageUrl: '',
      });
    });

    it('answers InvalidCaster.NotFound for an unknown caster', async () => {
      const err = await rejection(
        callLive(client(emulator), 'DescribeCasterVideoResources', { CasterId: 'nope', RegionId: REGION }),
      );
      expect([err.code, err.statusCode]).toEqual(['InvalidCaster.NotFound', 404]);
    });
  });

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

  describe('faults', () => {
    it.each<[FaultKind, string, number]>([
      ['throttle', 'Throttling.User', 400],
      ['unavailable', 'ServiceUnavailable', 503],
      ['internal', 'InternalError', 500],
      ['forbidden', 'Forbidden.RAM', 403],
    ])('%s answers %s (%i) once, then calls succeed', async (kind, code, status) => {
      emulator.injectFault({ kind });
      const api = client(emulator);
      const err = await rejection(deleteResource(api, 'demo-resource-1'));
      expect([err.code, err.statusCode]).toEqual([code, status]);
      expect(emulator.resources(CASTER)).toHaveLength(5);
      await deleteResource(api, 'demo-resource-1');
      expect(emulator.requests.map((r) => [r.fault, r.code])).toEqual([
        [kind, code],
        [null, null],
      ]);
    });

    it('throttle answers with Live’s flow-control message', async () => {
      emulator.injectFault({ kind: 'throttle' });
      const err = await rejection(deleteResource(client(emulator), 'demo-resource-1'));
      expect(err.data.Message).toBe('Request was denied due to user flow control.');
    });

    it('hits only the action it names, `times` times, in queue order', async () => {
      emulator.injectFault({ kind: 'internal', action: 'DescribeCasterVideoResources', times: Infinity });
      emulator.injectFault({ kind: 'unavailable', action: 'DeleteCasterVideoResource', times: 2 });
      const api = client(emulator);
      const codes = [];
      for (const id of ['demo-resource-1', 'demo-resource-1', 'demo-resource-1']) {
        codes.push(
          await deleteResource(api, id).then(
            () => 'ok',
            (e) => e.code,
          ),
        );
      }
      codes.push(
        await callLive(api, 'DescribeCasterVideoResources', { CasterId: CASTER, RegionId: REGION }).catch(
          (e) => e.code,
        ),
      );
      expect(codes).toEqual(['ServiceUnavailable', 'ServiceUnavailable', 'ok', 'InternalError']);
      emulator.clearFaults();
      await expect(
        callLive(api, 'DescribeCasterVideoResources', { CasterId: CASTER, RegionId: REGION }),
      ).resolves.toBeDefined();
    });

    it('applies only to authenticated calls', async () => {
      emulator.injectFault({ kind: 'throttle' });
      const bad = await rejection(
        deleteResource(client(emulator, { ...PLAIN, accessKeySecret: 'x' }), 'demo-resource-1'),
      );
      expect(bad.code).toBe('SignatureDoesNotMatch');
      expect((await rejection(deleteResource(client(emulator), 'demo-resource-1'))).code).toBe('Throttling.User');
    });

    it('reset destroys the socket, so the client rejects with a socket error', async () => {
      emulator.injectFault({ kind: 'reset' });
      const err = await rejection(deleteResource(client(emulator), 'demo-resource-1'));
      expect(String(err.code ?? err.message)).toMatch(/ECONNRESET|socket hang up/);
      expect(emulator.requests[0]).toMatchObject({ fault: 'reset', status: 0, code: null });
      expect(emulator.resources(CASTER)).toHaveLength(5);
    });

    it('badBody answers 502 with an HTML body the client cannot parse', async () => {
      emulator.injectFault({ kind: 'badBody' });
      const err = await rejection(deleteResource(client(emulator), 'demo-resource-1'));
      expect(err).toBeInstanceOf(SyntaxError);
      expect(emulator.requests[0]).toMatchObject({ fault: 'badBody', status: 502, code: null });
    });

    it('delay answers normally after delayMs', async () => {
      emulator.injectFault({ kind: 'delay', delayMs: 300 });
      const started = Date.now();
      const res = await deleteResource(client(emulator), 'demo-resource-1');
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
      expect(res.statusCode).toBe(200);
      expect(emulator.requests[0]).toMatchObject({ fault: 'delay', status: 200 });
    });

    it('rejects a fault spec it cannot honour', () => {
      expect(() => emulator.injectFault({ kind: 'delay' })).toThrow(/delayMs/);
      expect(() => emulator.injectFault({ kind: 'throttle', times: 0 })).toThrow(/times/);
      expect(() => emulator.injectFault({ kind: 'explode' as FaultKind })).toThrow(/kind/);
    });
  });

  it('never records a secret or a security token', async () => {
    const api = client(emulator);
    await deleteResource(api, 'demo-resource-1');
    await rejection(deleteResource(api, 'demo-resource-1'));
    await rejection(deleteResource(client(emulator, { ...STS, securityToken: 'CAISwrongToken' }), 'demo-resource-2'));
    await rejection(deleteResource(client(emulator, { ...STS, accessKeySecret: 'wrong' }), 'demo-resource-2'));
    await raw(emulator, {
      query: { ...deleteQuery('demo-resource-2'), SecurityToken: STS.securityToken!, Signature: 'abc' },
    });
    const recorded = JSON.stringify(emulator.requests);
    expect(emulator.requests).toHaveLength(5);
    for (const secret of [STS.accessKeySecret, STS.securityToken!, PLAIN.accessKeySecret, 'CAISwrongToken']) {
      expect(recorded).not.toContain(secret);
    }
  });
});

describe('Live emulator lifecycle and state', () => {
  it('stop() ends promptly while a request hangs, and the client sees the socket close', async () => {
    const emulator = createLiveEmulator();
    await emulator.start();
    emulator.injectFault({ kind: 'hang' });
    const pending = rejection(deleteResource(client(emulator), 'demo-resource-1'));
    await new Promise((r) => setTimeout(r, 100));
    expect(emulator.requests[0]).toMatchObject({ fault: 'hang', status: 0 });
    const started = Date.now();
    await emulator.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(String((await pending).message)).toMatch(/socket hang up|ECONNRESET/);
  });

  it('stop() does not wait for a pending delay, and can be called twice', async () => {
    const emulator = createLiveEmulator();
    await emulator.start();
    emulator.injectFault({ kind: 'delay', delayMs: 60_000 });
    const pending = rejection(deleteResource(client(emulator), 'demo-resource-1'));
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    await emulator.stop();
    await emulator.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    await pending;
    expect(emulator.resources(CASTER)).toHaveLength(5);
  });

  it('reports url and host once started', async () => {
    const emulator = createLiveEmulator({ port: 0 });
    expect(emulator.url).toBe('');
    const url = await emulator.start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(emulator.url).toBe(url);
    expect(emulator.host).toBe(url.replace('http://', ''));
    await emulator.stop();
  });

  it('uses the injected clock for the timestamp check', async () => {
    const frozen = Date.parse('2023-10-26T10:22:32Z');
    const emulator = createLiveEmulator({ now: () => frozen, maxSkewMs: 1000 });
    await emulator.start();
    try {
      expect((await raw(emulator, { date: '2023-10-26T10:22:33Z' })).status).toBe(200);
      expect((await raw(emulator, { date: '2023-10-26T10:22:35Z' })).json.Code).toBe('InvalidTimeStamp.Expired');
      expect(emulator.requests[0]!.time).toBe(frozen);
    } finally {
      await emulator.stop();
    }
  });

  it('starts from DEFAULT_SEED, and reset() restores it and clears requests, faults and nonces', async () => {
    expect(DEFAULT_SEED.casters[CASTER]).toEqual([
      'demo-resource-1',
      'demo-resource-2',
      'demo-resource-3',
      'demo-resource-4',
      'demo-resource-5',
    ]);
    const emulator = createLiveEmulator();
    await emulator.start();
    try {
      const req = signedRequest(emulator);
      await send(emulator, req);
      emulator.addCaster('LIVEPRODUCER_POST-cn-extra', ['a']);
      emulator.injectFault({ kind: 'throttle', times: Infinity });
      emulator.reset();
      expect(emulator.requests).toHaveLength(0);
      expect(emulator.resources(CASTER)).toHaveLength(5);
      expect(emulator.resources('LIVEPRODUCER_POST-cn-extra')).toBeUndefined();
      expect((await send(emulator, req)).status).toBe(200);
    } finally {
      await emulator.stop();
    }
  });

  it('takes a seed from options, from reset(seed) and from a JSON file', () => {
    const emulator = createLiveEmulator({
      seed: { casters: { c1: ['r1', { ResourceId: 'r2', ResourceName: 'Camera 2' }] } },
    });
    expect(emulator.resources('c1')).toEqual(['r1', 'r2']);
    expect(emulator.resources(CASTER)).toBeUndefined();
    emulator.reset({ casters: { c2: [] } });
    expect(emulator.resources('c2')).toEqual([]);
    emulator.reset();
    expect(emulator.resources('c1')).toEqual(['r1', 'r2']);

    const dir = mkdtempSync(path.join(tmpdir(), 'live-seed-'));
    const file = path.join(dir, 'seed.json');
    writeFileSync(file, JSON.stringify({ casters: { c3: ['x', { ResourceId: 'y', LocationId: 'RV09' }] } }));
    expect(loadSeedFile(file)).toEqual({ casters: { c3: ['x', { ResourceId: 'y', LocationId: 'RV09' }] } });
    writeFileSync(file, JSON.stringify({ casters: { c3: [42] } }));
    expect(() => loadSeedFile(file)).toThrow(/c3/);
    writeFileSync(file, '{not json');
    expect(() => loadSeedFile(file)).toThrow(/Cannot read seed file/);
  });

  it('refuses an STS key without a token and a plain key with one', () => {
    expect(() => createLiveEmulator({ credentials: [{ accessKeyId: 'STS.x', accessKeySecret: 's' }] })).toThrow(
      /securityToken/,
    );
    expect(() =>
      createLiveEmulator({ credentials: [{ accessKeyId: 'LTAIx', accessKeySecret: 's', securityToken: 't' }] }),
    ).toThrow(/securityToken/);
  });
});
