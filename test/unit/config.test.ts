import {
  defaultRegion,
  functionTimeoutMs,
  parseEndpoint,
  parseEnvironment,
} from '../../functions/delete-caster-video-resource/config';
import { fcContext } from '../support/fc-context';

function refusal(env: Record<string, string>): { code: string; status: number; message: string } {
  try {
    parseEnvironment(env);
  } catch (err) {
    return err as { code: string; status: number; message: string };
  }
  throw new Error('accepted');
}

describe('parseEndpoint', () => {
  it('defaults to https://live.aliyuncs.com', () => {
    expect(parseEndpoint(undefined)).toEqual({ host: 'live.aliyuncs.com', protocol: 'https' });
  });

  it.each([
    ['live.cn-shanghai.aliyuncs.com', { host: 'live.cn-shanghai.aliyuncs.com', protocol: 'https' }],
    ['https://example.com:8443', { host: 'example.com:8443', protocol: 'https' }],
    ['http://127.0.0.1:9001', { host: '127.0.0.1:9001', protocol: 'http' }],
    ['http://localhost:9001/', { host: 'localhost:9001', protocol: 'http' }],
    ['http://[::1]:9001', { host: '[::1]:9001', protocol: 'http' }],
  ])('accepts %s', (raw, endpoint) => {
    expect(parseEndpoint(raw)).toEqual(endpoint);
  });

  it.each(['http://live.aliyuncs.com', 'http://127.0.0.1.evil.com'])('refuses plain http to %s', (raw) => {
    expect(() => parseEndpoint(raw)).toThrow(/plain http is refused/);
  });

  it.each(['ftp://x', 'https://x/path'])('refuses %s', (raw) => {
    expect(() => parseEndpoint(raw)).toThrow(/LIVE_ENDPOINT/);
  });
});

describe('parseEnvironment', () => {
  it('has defaults for every variable', () => {
    expect(parseEnvironment({})).toMatchObject({ maxAttempts: 4, qps: 10, maxInstances: 10, logLevel: 'info' });
  });

  it('reads ALLOWED_CASTER_IDS as a trimmed list', () => {
    expect([...(parseEnvironment({ ALLOWED_CASTER_IDS: ' a, b ,,' }).allowedCasterIds ?? [])]).toEqual(['a', 'b']);
  });

  it('reads LOG_LEVEL in any case and padding', () => {
    expect(parseEnvironment({ LOG_LEVEL: ' Debug ' }).logLevel).toBe('debug');
  });

  it('refuses a bad value with InvalidConfiguration naming the variable and the value', () => {
    expect(refusal({ LIVE_MAX_ATTEMPTS: '0' })).toMatchObject({
      code: 'InvalidConfiguration',
      status: 500,
      message: expect.stringMatching(/^LIVE_MAX_ATTEMPTS .*"0"/),
    });
  });

  it.each([
    [{ LIVE_MAX_ATTEMPTS: '2.5' }, /LIVE_MAX_ATTEMPTS must be a positive integer/],
    [{ LIVE_QPS: 'fast' }, /^LIVE_QPS .*"fast"/],
    [{ MAX_INSTANCES: '-1' }, /^MAX_INSTANCES .*"-1"/],
    [{ LOG_LEVEL: 'verbose' }, /^LOG_LEVEL must be one of debug, info, warn, error, silent \(got "verbose"\)\.$/],
    [{ LIVE_ENDPOINT: 'ftp://x' }, /^LIVE_ENDPOINT/],
  ])('refuses %j', (env, message) => {
    expect(refusal(env).message).toMatch(message);
  });
});

describe('defaultRegion', () => {
  const ctx = fcContext({ region: 'cn-hangzhou' });

  it('is LIVE_REGION when set', () => {
    expect(defaultRegion(parseEnvironment({ LIVE_REGION: 'cn-beijing', FC_REGION: 'cn-shenzhen' }), ctx)).toBe(
      'cn-beijing',
    );
  });

  it("is the function's region from the context next", () => {
    expect(defaultRegion(parseEnvironment({ FC_REGION: 'cn-shenzhen' }), ctx)).toBe('cn-hangzhou');
  });

  it('is FC_REGION when the context has none', () => {
    const none = fcContext({ region: undefined });
    expect(defaultRegion(parseEnvironment({ FC_REGION: 'cn-shenzhen' }), none)).toBe('cn-shenzhen');
  });
});

describe('functionTimeoutMs', () => {
  it('reads the timeout from the context', () => {
    expect(functionTimeoutMs(fcContext({ function: { timeout: 3 } }))).toBe(3000);
  });

  it('is 60 s when FC gives none', () => {
    expect(functionTimeoutMs(fcContext({ function: {} }))).toBe(60_000);
  });
});
