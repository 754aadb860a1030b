import {
  defaultRegion,
  functionTimeoutMs,
  parseEndpoint,
  parseEnvironment,
} from '../../functions/delete-caster-video-resource/config';
import { resolveCredentials } from '../../functions/delete-caster-video-resource/credentials';
import { fcContext } from '../support/fc-context';

describe('parseEndpoint', () => {
  it('defaults to https://live.aliyuncs.com', () => {
    expect(parseEndpoint(undefined)).toEqual({ host: 'live.aliyuncs.com', protocol: 'https' });
  });

  it('accepts host[:port] and http(s)://host[:port]', () => {
    expect(parseEndpoint('live.cn-shanghai.aliyuncs.com')).toEqual({
      host: 'live.cn-shanghai.aliyuncs.com',
      protocol: 'https',
    });
    expect(parseEndpoint('https://example.com:8443')).toEqual({ host: 'example.com:8443', protocol: 'https' });
    expect(parseEndpoint('http://127.0.0.1:9001')).toEqual({ host: '127.0.0.1:9001', protocol: 'http' });
    expect(parseEndpoint('http://localhost:9001/')).toEqual({ host: 'localhost:9001', protocol: 'http' });
    expect(parseEndpoint('http://[::1]:9001')).toEqual({ host: '[::1]:9001', protocol: 'http' });
  });

  it('refuses plain http to anything but loopback, and paths or other schemes', () => {
    expect(() => parseEndpoint('http://live.aliyuncs.com')).toThrow(/plain http is refused/);
    expect(() => parseEndpoint('http://127.0.0.1.evil.com')).toThrow(/plain http/);
    expect(() => parseEndpoint('ftp://x')).toThrow(/LIVE_ENDPOINT/);
    expect(() => parseEndpoint('https://x/path')).toThrow(/LIVE_ENDPOINT/);
  });
});

describe('parseEnvironment', () => {
  it('takes the region from LIVE_REGION, else context.region, else FC_REGION', () => {
    const ctx = fcContext({ region: 'cn-hangzhou' });
    expect(defaultRegion(parseEnvironment({ LIVE_REGION: 'cn-beijing', FC_REGION: 'cn-shenzhen' }), ctx)).toBe(
      'cn-beijing',
    );
    expect(defaultRegion(parseEnvironment({ FC_REGION: 'cn-shenzhen' }), ctx)).toBe('cn-hangzhou');
    expect(defaultRegion(parseEnvironment({ FC_REGION: 'cn-shenzhen' }), fcContext({ region: undefined }))).toBe(
      'cn-shenzhen',
    );
  });

  it('reads limits, allowlist and log level with their defaults', () => {
    const config = parseEnvironment({ ALLOWED_CASTER_IDS: ' a, b ,,', LOG_LEVEL: ' Debug ' });
    expect(config).toMatchObject({ maxAttempts: 4, qps: 10, logLevel: 'debug' });
    expect([...config.allowedCasterIds!]).toEqual(['a', 'b']);
    expect(parseEnvironment({}).logLevel).toBe('info');
  });

  it('refuses a bad value with InvalidConfiguration naming the variable and what was given', () => {
    const refusal = (env: Record<string, string>) => {
      try {
        parseEnvironment(env);
      } catch (err) {
        return err as { code: string; status: number; message: string };
      }
      throw new Error('accepted');
    };
    expect(refusal({ LIVE_MAX_ATTEMPTS: '0' })).toMatchObject({
      code: 'InvalidConfiguration',
      status: 500,
      message: expect.stringMatching(/^LIVE_MAX_ATTEMPTS .*"0"/),
    });
    expect(refusal({ LIVE_MAX_ATTEMPTS: '2.5' }).message).toMatch(/LIVE_MAX_ATTEMPTS must be a positive integer/);
    expect(refusal({ LIVE_QPS: 'fast' }).message).toMatch(/^LIVE_QPS .*"fast"/);
    expect(refusal({ LOG_LEVEL: 'verbose' }).message).toBe(
      'LOG_LEVEL must be one of debug, info, warn, error, silent (got "verbose").',
    );
    expect(refusal({ LIVE_ENDPOINT: 'ftp://x' }).message).toMatch(/^LIVE_ENDPOINT/);
  });
});

describe('functionTimeoutMs', () => {
  it('reads the timeout from the context, 60 s when FC gives none', () => {
    expect(functionTimeoutMs(fcContext({ function: { timeout: 3 } }))).toBe(3000);
    expect(functionTimeoutMs(fcContext({ function: {} }))).toBe(60_000);
  });
});

describe('resolveCredentials', () => {
  const role = { accessKeyId: 'STS.id', accessKeySecret: 'role-secret', securityToken: 'role-token' };
  const env = { ALIBABA_CLOUD_ACCESS_KEY_ID: 'env-id', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'env-secret' };

  it('prefers the context (the role), then the environment', () => {
    expect(resolveCredentials(fcContext({ credentials: role }), env)).toEqual(role);
    expect(resolveCredentials(fcContext({ credentials: {} }), env)).toEqual({
      accessKeyId: 'env-id',
      accessKeySecret: 'env-secret',
      securityToken: undefined,
    });
  });

  it('throws MissingCredentials when there are none', () => {
    expect(() => resolveCredentials(fcContext({ credentials: {} }), {})).toThrow(
      expect.objectContaining({ code: 'MissingCredentials', status: 500 }),
    );
  });
});
