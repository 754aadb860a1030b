// `npm run call` signs as FC's documentation says; `npm start -- --auth` (here
// its server in-process, with the keys --auth accepts) checks as an HTTP
// trigger with authType function does: accepted when signed, 403 when not.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_CASTER_ID, DEMO_CREDENTIALS, DEMO_PLAIN_KEY, DEMO_STS_KEY } from '../../dev/live-emulator';
import { resultProblems } from '../../dev/result-shape';
import { runMain } from '../in-process';
import { main } from './call';
import { startTestServer, type TestServer } from './test-server';

const PLAIN = DEMO_PLAIN_KEY;
const STS = DEMO_STS_KEY;
const keyEnv = (k: typeof PLAIN, secret = k.accessKeySecret) => ({
  ALIBABA_CLOUD_ACCESS_KEY_ID: k.accessKeyId,
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: secret,
  ALIBABA_CLOUD_SECURITY_TOKEN: k.securityToken ?? '',
});

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ acceptedKeys: DEMO_CREDENTIALS });
});
afterAll(() => server.close());
const resource = (id: string) => `${server.url}/casters/${DEMO_CASTER_ID}/video-resources/${id}`;

describe('npm run call against npm start -- --auth', () => {
  it("answers an unsigned request 403 MissingAuthorization, in the function's failure shape", async () => {
    const res = await fetch(resource('demo-resource-1'), { method: 'DELETE' });
    const body: any = await res.json();
    expect([res.status, resultProblems(body), body]).toEqual([
      403,
      [],
      expect.objectContaining({
        invocationId: res.headers.get('x-fc-request-id'),
        error: expect.objectContaining({ code: 'MissingAuthorization' }),
      }),
    ]);
  });

  it('accepts a signed DELETE: prints the JSON answer, exit 0', async () => {
    const run = await runMain(main, [resource('demo-resource-1'), '--method', 'DELETE'], keyEnv(PLAIN));
    expect([run.code, JSON.parse(run.stdout)]).toEqual([0, expect.objectContaining({ ok: true, outcome: 'deleted' })]);
  });

  it("accepts an STS key's signed POST with a JSON body", async () => {
    const body = JSON.stringify({ CasterId: DEMO_CASTER_ID, ResourceId: 'demo-resource-2', DryRun: true });
    const run = await runMain(main, [server.url, body], keyEnv(STS));
    expect([run.code, JSON.parse(run.stdout)]).toEqual([0, expect.objectContaining({ outcome: 'would_delete' })]);
  });

  it('is answered 403 SignatureDoesNotMatch for a wrong secret: exit 1, naming the status', async () => {
    const run = await runMain(main, [resource('demo-resource-3'), '--method', 'DELETE'], keyEnv(PLAIN, 'not-it'));
    expect([run.code, JSON.parse(run.stdout).error.code, run.stderr]).toEqual([
      1,
      'SignatureDoesNotMatch',
      'npm run call: HTTP 403\n',
    ]);
  });
});

describe('npm run call against an answer that is not JSON', () => {
  it.each([
    ['', '(an empty body)'],
    ['<html>Not Found</html>', '<html>Not Found</html>'],
  ])('shows %j with its status and type, exit 1', async (body, shown) => {
    const other = createServer((_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end(body));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(other.address() as AddressInfo).port}/x`;
      const run = await runMain(main, [url], keyEnv(PLAIN));
      expect([run.code, run.stderr]).toEqual([
        1,
        `npm run call: HTTP 404 Not Found, a body that is not JSON (text/html, ${body.length} bytes):\n${shown}\n`,
      ]);
    } finally {
      other.close();
    }
  });
});
