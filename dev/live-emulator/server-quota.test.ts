// The emulator's account-wide quota over HTTP: Live's 400 Throttling.User
// beyond Q accepted requests in a sliding second, for every key of the account.
import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import {
  ACS3,
  canonicalRequest,
  createLiveEmulator,
  DEMO_CREDENTIALS,
  type EmulatorCredential,
  type LiveEmulator,
  sha256Hex,
  sign,
  stringToSign,
} from './index';

const CASTER = 'LIVEPRODUCER_POST-cn-demo0001';
const SEED = { casters: { [CASTER]: Array.from({ length: 20 }, (_, i) => `q-${i}`) } };

interface Answer {
  status: number;
  json: any;
  retryAfter: string | undefined;
}

/** One signed DeleteCasterVideoResource, sent raw so the answer's headers can be read. */
function deleteRaw(emulator: LiveEmulator, resourceId: string, cred: EmulatorCredential): Promise<Answer> {
  const query = { CasterId: CASTER, ResourceId: resourceId, RegionId: 'cn-shanghai' };
  const headers: Record<string, string> = {
    host: emulator.host,
    'x-acs-action': 'DeleteCasterVideoResource',
    'x-acs-version': '2016-11-01',
    'x-acs-date': new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'x-acs-signature-nonce': randomBytes(16).toString('hex'),
    'x-acs-content-sha256': sha256Hex(''),
  };
  if (cred.securityToken) headers['x-acs-security-token'] = cred.securityToken;
  const signedHeaders = Object.keys(headers).sort();
  const toSign = stringToSign(
    canonicalRequest({ method: 'POST', pathname: '/', query, headers, hashedPayload: sha256Hex(''), signedHeaders }),
  );
  headers.authorization = `${ACS3.algorithm} Credential=${cred.accessKeyId},SignedHeaders=${signedHeaders.join(';')},Signature=${sign(cred.accessKeySecret, toSign)}`;
  return new Promise((resolve, reject) => {
    const r = httpRequest(
      `${emulator.url}/?${new URLSearchParams(query).toString()}`,
      { method: 'POST', headers, agent: false },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            json: JSON.parse(text),
            retryAfter: res.headers['x-acs-retry-after'] as string | undefined,
          }),
        );
      },
    );
    r.on('error', reject);
    r.end();
  });
}

describe('Live emulator: account-wide quota', () => {
  let emulator: LiveEmulator;
  // Moved by hand (x-acs-date stays within the 15-minute skew), so windows are exact.
  let shift = 0;
  const now = () => Date.now() + shift;
  const [plain, sts] = [
    DEMO_CREDENTIALS.find((c) => !c.securityToken)!,
    DEMO_CREDENTIALS.find((c) => c.securityToken)!,
  ];
  afterEach(async () => {
    shift = 0;
    await emulator?.stop();
  });

  it("answers Live's 400 Throttling.User beyond Q in a second, across every key of the account, and acts on nothing refused", async () => {
    emulator = createLiveEmulator({ seed: SEED, accountQps: 3, now });
    await emulator.start();
    const answers: Answer[] = [];
    for (let i = 0; i < 5; i += 1) answers.push(await deleteRaw(emulator, `q-${i}`, i % 2 ? plain : sts));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 400, 400]);
    expect(answers[3]!.json).toMatchObject({
      Code: 'Throttling.User',
      Message: 'Request was denied due to user flow control.',
    });
    expect(answers[3]!.json.RequestId).toMatch(/^[0-9A-F-]{36}$/);
    // No header unless asked for.
    expect(answers[3]!.retryAfter).toBeUndefined();
    expect(emulator.resources(CASTER)).toContain('q-3');
    expect(emulator.requests.map((r) => [r.status, r.code, r.fault])).toEqual([
      [200, null, null],
      [200, null, null],
      [200, null, null],
      [400, 'Throttling.User', null],
      [400, 'Throttling.User', null],
    ]);
    // Refused requests took no slot: one window after the accepted ones, three fit again.
    shift += 1000;
    for (let i = 3; i < 6; i += 1) expect((await deleteRaw(emulator, `q-${i}`, sts)).status).toBe(200);
    expect((await deleteRaw(emulator, 'q-6', sts)).status).toBe(400);
  });

  it('sends x-acs-retry-after (ms until a slot frees) when retryAfterHeader is set', async () => {
    emulator = createLiveEmulator({ seed: SEED, accountQps: 1, retryAfterHeader: true, now });
    await emulator.start();
    expect((await deleteRaw(emulator, 'q-0', sts)).retryAfter).toBeUndefined();
    shift += 250;
    const refused = await deleteRaw(emulator, 'q-1', sts);
    expect(refused.status).toBe(400);
    const ms = Number(refused.retryAfter);
    // 750 ms, less the real time the two requests took.
    expect(ms).toBeGreaterThan(500);
    expect(ms).toBeLessThanOrEqual(750);
  });

  it('setAccountQuota changes the quota at run time and can lift it; reset() empties the window', async () => {
    emulator = createLiveEmulator({ seed: SEED, now });
    await emulator.start();
    for (let i = 0; i < 4; i += 1) expect((await deleteRaw(emulator, `q-${i}`, sts)).status).toBe(200);
    shift += 1000;
    emulator.setAccountQuota(2, { retryAfterHeader: true });
    expect((await deleteRaw(emulator, 'q-4', sts)).status).toBe(200);
    expect((await deleteRaw(emulator, 'q-5', sts)).status).toBe(200);
    const refused = await deleteRaw(emulator, 'q-6', sts);
    expect([refused.status, refused.json.Code, refused.retryAfter !== undefined]).toEqual([
      400,
      'Throttling.User',
      true,
    ]);
    emulator.reset(SEED);
    expect((await deleteRaw(emulator, 'q-6', sts)).status).toBe(200);
    emulator.setAccountQuota(undefined);
    for (let i = 7; i < 12; i += 1) expect((await deleteRaw(emulator, `q-${i}`, sts)).status).toBe(200);
    expect(() => emulator.setAccountQuota(0)).toThrow(/accountQps/);
  });

  it('a slow Live (delay fault, times: Infinity) answers correctly after delayMs, within the quota', async () => {
    emulator = createLiveEmulator({ seed: SEED, accountQps: 5 });
    await emulator.start();
    emulator.injectFault({ kind: 'delay', delayMs: 200, times: Infinity });
    const t0 = Date.now();
    const answers = await Promise.all([0, 1, 2].map((i) => deleteRaw(emulator, `q-${i}`, sts)));
    expect(Date.now() - t0).toBeGreaterThanOrEqual(195);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(emulator.resources(CASTER)).not.toContain('q-1');
  });
});
