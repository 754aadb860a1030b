// `npm start -- --auth` checks signatures as an HTTP trigger with authType
// function does; `npm run call` signs as FC's documentation says. Together:
// accepted when signed, 403 when unsigned, tampered or signed with a wrong secret.
import { DEMO_CREDENTIALS } from '../../dev/live-emulator';
import { runNpm, type Started, startNpm } from '../../dev/processes';
import { resultProblems } from '../../dev/result-shape';
import { signedHeaders } from './call';

const CASTER = 'LIVEPRODUCER_POST-cn-demo0001';
const PLAIN = DEMO_CREDENTIALS.find((c) => !c.securityToken)!;
const STS = DEMO_CREDENTIALS.find((c) => c.securityToken)!;
const keyEnv = (k: typeof PLAIN, secret = k.accessKeySecret) => ({
  ALIBABA_CLOUD_ACCESS_KEY_ID: k.accessKeyId,
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: secret,
  ALIBABA_CLOUD_SECURITY_TOKEN: k.securityToken ?? '',
});

describe('npm start -- --auth with npm run call', () => {
  let server: Started & { match: RegExpMatchArray };
  let url: string;

  beforeAll(async () => {
    server = await startNpm(
      ['start', '--', '--auth', '--function-name', 'my-delete'],
      /running at (http:\/\/127\.0\.0\.1:\d+)[\s\S]*Ctrl-C stops/,
      { PORT: '0', LOG_LEVEL: 'warn' },
    );
    url = server.match[1];
  });

  afterAll(async () => {
    await server.stop('SIGINT');
  });

  it('says so at start, with a ready npm run call', () => {
    expect(server.output()).toContain('signed requests only');
    expect(server.output()).toContain(
      `npm run call -- ${url}/casters/${CASTER}/video-resources/demo-resource-1 --method DELETE`,
    );
  });

  it('answers the invoke API for --function-name only (signatures there are FC API signatures, not checked)', async () => {
    const payload = JSON.stringify({ CasterId: CASTER, ResourceId: 'demo-resource-5', DryRun: true });
    const mine = await fetch(`${url}/2023-03-30/functions/my-delete/invocations`, { method: 'POST', body: payload });
    expect(await mine.json()).toMatchObject({ ok: true, outcome: 'would_delete' });
    const other = await fetch(`${url}/2023-03-30/functions/caster-video-resource-delete/invocations`, {
      method: 'POST',
      body: payload,
    });
    expect(other.status).toBe(404);
  });

  it("answers an unsigned request 403 MissingAuthorization, in the function's failure shape", async () => {
    const res = await fetch(`${url}/casters/${CASTER}/video-resources/demo-resource-1`, { method: 'DELETE' });
    expect(res.status).toBe(403);
    const body: any = await res.json();
    expect(resultProblems(body)).toEqual([]);
    expect(body).toMatchObject({
      ok: false,
      casterId: null,
      resourceId: null,
      error: { code: 'MissingAuthorization', status: 403, retryable: false, requestId: null, details: [] },
    });
    expect(body.invocationId).toBe(res.headers.get('x-fc-request-id'));
  });

  it('accepts a signed call: prints the JSON answer and exits 0', async () => {
    const run = await runNpm(
      [
        'run',
        '--silent',
        'call',
        '--',
        `${url}/casters/${CASTER}/video-resources/demo-resource-1`,
        '--method',
        'DELETE',
      ],
      keyEnv(PLAIN),
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, outcome: 'deleted', resourceId: 'demo-resource-1' });
  });

  it('accepts an STS key with its token, and a JSON body', async () => {
    const body = JSON.stringify({ CasterId: CASTER, ResourceId: 'demo-resource-2', DryRun: true });
    const run = await runNpm(['run', '--silent', 'call', '--', url, body], keyEnv(STS));
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, outcome: 'would_delete' });
  });

  it('answers a wrong secret 403 SignatureDoesNotMatch; npm run call exits 1', async () => {
    const run = await runNpm(
      [
        'run',
        '--silent',
        'call',
        '--',
        `${url}/casters/${CASTER}/video-resources/demo-resource-3`,
        '--method',
        'DELETE',
      ],
      keyEnv(PLAIN, 'not-the-secret'),
    );
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, error: { code: 'SignatureDoesNotMatch', status: 403 } });
    expect(run.stderr).toContain('HTTP 403');
  });

  it('answers a request tampered with after signing 403, and deletes nothing', async () => {
    const signedFor = new URL(`${url}/casters/${CASTER}/video-resources/demo-resource-4?DryRun=true`);
    const headers = signedHeaders('DELETE', signedFor, PLAIN);
    const dropped = await fetch(`${url}/casters/${CASTER}/video-resources/demo-resource-4`, {
      method: 'DELETE',
      headers,
    });
    expect(dropped.status).toBe(403);
    expect(((await dropped.json()) as any).error.code).toBe('SignatureDoesNotMatch');
    const other = await fetch(`${url}/casters/${CASTER}/video-resources/demo-resource-5?DryRun=true`, {
      method: 'DELETE',
      headers,
    });
    expect(other.status).toBe(403);
    const asSigned = await fetch(signedFor, { method: 'DELETE', headers });
    expect(await asSigned.json()).toMatchObject({ ok: true, outcome: 'would_delete', resourceId: 'demo-resource-4' });
  });
});
