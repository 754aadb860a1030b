import {
  functionTimeoutMs,
  parseEndpoint,
  parseEnvironment,
} from '../../functions/delete-caster-video-resource/config';
import { fcContext } from '../support/fc-context';

/** The message parseEnvironment refuses `env` with. */
function refusal(env: Record<string, string>): string {
  try {
    parseEnvironment(env);
  } catch (err) {
    return (err as Error).message;
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

// InvalidConfiguration itself (LOG_LEVEL's message, the status, every invocation),
// the order of the regions and a function's own timeout are
// test/integration/configuration.test.ts's, events.test.ts's and live-failures.test.ts's.
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

  it.each([
    [{ LIVE_MAX_ATTEMPTS: '0' }, /^LIVE_MAX_ATTEMPTS .*"0"/],
    [{ LIVE_MAX_ATTEMPTS: '2.5' }, /LIVE_MAX_ATTEMPTS must be a positive integer/],
    [{ LIVE_QPS: 'fast' }, /^LIVE_QPS .*"fast"/],
    [{ MAX_INSTANCES: '-1' }, /^MAX_INSTANCES .*"-1"/],
    [{ LIVE_ENDPOINT: 'ftp://x' }, /^LIVE_ENDPOINT/],
  ])('refuses %j', (env, message) => {
    expect(refusal(env)).toMatch(message);
  });
});

describe('functionTimeoutMs', () => {
  it('is 60 s when FC gives none', () => {
    expect(functionTimeoutMs(fcContext({ function: {} }))).toBe(60_000);
  });
});
