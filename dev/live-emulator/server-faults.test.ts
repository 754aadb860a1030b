// The emulator's injected faults over HTTP (their queue is faults.test.ts's).
import { rejection } from '../promises';
import type { FaultKind } from './faults';
import { createLiveEmulator, DEMO_CREDENTIALS, type EmulatorCredential } from './index';
import { CASTER, client, deleteQuery, deleteResource, PLAIN, raw, STS } from './test-client';

/** Values with the characters a real STS token holds, so encoded forms differ from the raw ones. */
const SPECIAL: EmulatorCredential = {
  accessKeyId: 'STS.specialCharsKey0001',
  accessKeySecret: 'sec+ret/Value=WithSpecials0001',
  securityToken: 'CAIS+tok/en=WithSpecials/0001==',
};

const DELETED = 'demo-resource-1';
const ID = 'x-acs-request-id';

describe('Live emulator faults over HTTP', () => {
  const emulator = createLiveEmulator({ credentials: [...DEMO_CREDENTIALS, SPECIAL] });

  beforeAll(() => emulator.start());
  afterAll(() => emulator.stop());
  beforeEach(() => emulator.reset());

  it.each<[FaultKind, string, number]>([
    ['throttle', 'Throttling.User', 400],
    ['unavailable', 'ServiceUnavailable', 503],
    ['internal', 'InternalError', 500],
    ['forbidden', 'Forbidden.RAM', 403],
  ])('%s answers %s (%i) once, acting on nothing, then calls succeed', async (kind, code, status) => {
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

  it('applies only to authenticated calls', async () => {
    emulator.injectFault({ kind: 'throttle' });
    const forged = client(emulator, { ...PLAIN, accessKeySecret: 'x' });
    expect((await rejection(deleteResource(forged, 'demo-resource-1'))).code).toBe('SignatureDoesNotMatch');
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

  it('delay answers normally, and takes effect, after delayMs', async () => {
    emulator.injectFault({ kind: 'delay', delayMs: 300 });
    const started = Date.now();
    const res = await deleteResource(client(emulator), 'demo-resource-1');
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect([res.statusCode, emulator.resources(CASTER)]).toEqual([200, expect.not.arrayContaining([DELETED])]);
  });

  it.each([
    [false, '3000000'],
    [true, undefined],
  ])('flood (chunked: %s) streams all its bytes to a client that reads them, Content-Length %s', async (chunked, n) => {
    emulator.injectFault({ kind: 'flood', flood: { bytes: 3_000_000, chunked } });
    const { headers, text, json } = await raw(emulator);
    expect([headers['content-length'], text.length, json.RequestId]).toEqual([n, 3_000_000, headers[ID]]);
    expect(emulator.requests[0]).toMatchObject({ fault: 'flood', status: 200 });
  });

  it.each<[400 | 503 | undefined, string]>([
    [undefined, 'InvalidParameter'],
    [503, 'ServiceUnavailable'],
  ])('echo (status %s) answers %s quoting the token (raw, encoded once and twice) and secret', async (status, code) => {
    emulator.injectFault({ kind: 'echo', status });
    const err = await rejection(deleteResource(client(emulator, SPECIAL), 'demo-resource-1'));
    expect([err.code, err.data.statusCode]).toEqual([code, status ?? 400]);
    const [token, once] = [SPECIAL.securityToken!, encodeURIComponent(SPECIAL.securityToken!)];
    for (const quoted of [token, once, encodeURIComponent(once), SPECIAL.accessKeySecret])
      expect(err.data.Message).toContain(quoted);
    expect(emulator.resources(CASTER)).toContain('demo-resource-1');
  });

  it('never records a secret or a security token, whatever the call', async () => {
    const api = client(emulator);
    await deleteResource(api, 'demo-resource-1');
    await rejection(deleteResource(api, 'demo-resource-1'));
    await rejection(deleteResource(client(emulator, { ...STS, securityToken: 'CAISwrongToken' }), 'demo-resource-2'));
    await rejection(deleteResource(client(emulator, { ...STS, accessKeySecret: 'wrong' }), 'demo-resource-2'));
    const v2Style = { ...deleteQuery('demo-resource-2'), SecurityToken: STS.securityToken!, Signature: 'a' };
    await raw(emulator, { query: v2Style });
    emulator.injectFault({ kind: 'echo' });
    await rejection(deleteResource(client(emulator, SPECIAL), 'demo-resource-3'));
    const recorded = JSON.stringify(emulator.requests);
    expect(emulator.requests).toHaveLength(6);
    const secrets = [STS.accessKeySecret, STS.securityToken!, PLAIN.accessKeySecret, SPECIAL.securityToken!];
    for (const secret of [...secrets, 'CAISwrongToken']) expect(recorded).not.toContain(secret);
  });
});
