import { PassThrough } from 'node:stream';
import { BUNDLE_PATH, type Bundle } from '../../dev/bundle';
import { FUNCTION_ENV } from '../../dev/function-env';
import { createLiveEmulator, DEMO_PLAIN_KEY, DEMO_STS_KEY, type LiveEmulator } from '../../dev/live-emulator';
import type { FcContext } from '../../functions/delete-caster-video-resource/types';
import { fcContext } from './fc-context';

/** The built bundle, the artefact FC runs, as a fresh FC instance: tests never import the sources for behaviour. */
export function loadBundle(): Bundle {
  let bundle: Bundle = {} as Bundle;
  jest.isolateModules(() => {
    bundle = require(BUNDLE_PATH);
  });
  return bundle;
}

export const CASTER = 'LIVEPRODUCER_POST-cn-demo0001';
export const STS = DEMO_STS_KEY;
export const PLAIN_KEY = DEMO_PLAIN_KEY;

/** The FC context of a function whose role has the emulator's STS credentials. */
export function roleContext(overrides: Partial<FcContext> = {}): FcContext {
  return fcContext({ credentials: { ...STS }, ...overrides });
}

/**
 * One emulator per test file, reset before each test; the bundle pointed at
 * it through LIVE_ENDPOINT; stdout captured so log lines can be read. Pacing
 * and attempt counts are unit-tested on a virtual clock (test/unit/policy), so
 * here they cost nothing unless a test sets LIVE_QPS or LIVE_MAX_ATTEMPTS.
 */
export function useLive(env: Record<string, string> = {}) {
  // Each test gets a fresh FC instance: the function keeps its configuration and
  // its learnt send rate for the instance's life, and one test's throttling must
  // not slow the next. Within a test, a change of configuration starts a new one, as FC does.
  let instance: { env: string; test: number; bundle: Bundle } | undefined;
  let test = 0;
  const live: { emulator: LiveEmulator; readonly bundle: Bundle; stdout: string[]; outputs: string[] } = {
    emulator: createLiveEmulator(),
    get bundle() {
      const env = JSON.stringify(FUNCTION_ENV.map((name) => process.env[name] ?? null));
      if (instance?.env !== env || instance.test !== test) instance = { env, test, bundle: loadBundle() };
      return instance.bundle;
    },
    stdout: [],
    outputs: [],
  };
  const saved: Record<string, string | undefined> = {};
  beforeAll(async () => {
    await live.emulator.start();
  });
  afterAll(async () => {
    await live.emulator.stop();
    // Every result, log line and thrown message of the file, scanned once more for the role's secrets.
    const everything = live.outputs.join('\n');
    expect(everything).not.toContain(STS.accessKeySecret);
    expect(everything).not.toContain(STS.securityToken);
  });
  beforeEach(() => {
    test += 1;
    live.emulator.reset();
    live.stdout.length = 0;
    for (const name of FUNCTION_ENV) {
      saved[name] = process.env[name];
      delete process.env[name];
    }
    Object.assign(process.env, {
      LIVE_ENDPOINT: live.emulator.url,
      LIVE_MAX_ATTEMPTS: '2',
      LIVE_QPS: '100000',
      ...env,
    });
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
      live.stdout.push(String(chunk));
      live.outputs.push(String(chunk));
      return true;
    });
  });
  afterEach(() => {
    jest.restoreAllMocks();
    for (const name of FUNCTION_ENV) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });
  return live;
}

/** The first item an invocation answered, whichever shape it came in; a throw is `thrown`. */
export async function firstItem(live: ReturnType<typeof useLive>, event: unknown): Promise<any> {
  try {
    const out = await invoke(live, event);
    const result = out.statusCode !== undefined ? { status: out.statusCode, ...JSON.parse(out.body) } : out;
    return result.results ? result.results[0] : result;
  } catch (err: any) {
    return { thrown: true, name: err.name, ...(err.result?.results?.[0] ?? err.result) };
  }
}

/** Refused as InvalidRequest, a detail naming `name` (in its field or its problem), and nothing deleted. */
export async function expectRefused(live: ReturnType<typeof useLive>, event: unknown, name: string) {
  const item = await firstItem(live, event);
  expect(item).toMatchObject({ ok: false, error: { code: 'InvalidRequest' } });
  const named = item.error.details.some((d: { field: string; problem: string }) =>
    `${d.field} ${d.problem}`.includes(name),
  );
  expect({ named, details: item.error.details }).toMatchObject({ named: true });
  expect(deleteRequests(live)).toEqual([]);
}

/** Invokes and keeps the result (or thrown error) text for the secret scan. */
export async function invoke(
  live: ReturnType<typeof useLive>,
  event: unknown,
  context: FcContext = roleContext(),
): Promise<any> {
  try {
    const result = await live.bundle.handler(event, context);
    live.outputs.push(JSON.stringify(result));
    return result;
  } catch (err) {
    live.outputs.push(String((err as Error).message), JSON.stringify(err));
    throw err;
  }
}

/** An FC 2.0 request stream; a body given is written and ended, else the stream is left for the test. */
export function fc2Request(opts: { method?: string; path?: string; headers?: Record<string, string>; body?: string }) {
  const { method = 'POST', path = '/', headers = { 'content-type': 'application/json' }, body } = opts;
  const req = Object.assign(new PassThrough(), { method, path, queries: {}, headers });
  if (body !== undefined) req.end(body);
  return req;
}

/** FC 2.0's httpHandler(req, resp, context); what it sent, in the shape of FC 3.0's HTTP answer. */
export async function callFc2(bundle: Bundle, req: PassThrough, context: FcContext | null) {
  const answer = { statusCode: 0, headers: {} as Record<string, string>, body: '', isBase64Encoded: false };
  const resp = {
    setStatusCode: (status: number) => (answer.statusCode = status),
    setHeader: (name: string, value: string) => (answer.headers[name] = value),
    send: (body: unknown) => (answer.body = String(body)),
  };
  await bundle.httpHandler(req, resp, context as FcContext);
  return answer;
}

/** callFc2 on the file's bundle, keeping the answer for the secret scan. */
export async function invokeFc2(live: ReturnType<typeof useLive>, req: PassThrough, context = roleContext()) {
  const answer = await callFc2(live.bundle, req, context);
  live.outputs.push(answer.body);
  return answer;
}

export function logLines(live: ReturnType<typeof useLive>): any[] {
  return live.stdout
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

export function deleteRequests(live: ReturnType<typeof useLive>) {
  return live.emulator.requests.filter((r) => r.action === 'DeleteCasterVideoResource');
}
