import { parseEndpoint, readConfig } from '../../functions/delete-caster-video-resource/config';
import { resolveCredentials } from '../../functions/delete-caster-video-resource/credentials';
import { fcContext } from '../support/fc-context';

describe('parseEndpoint', () => {
  it('defaults to https://live.aliyuncs.com', () => {
    expect(parseEndpoint(undefined)).toEqual({ host: 'live.aliyuncs.com', protocol: 'https' });
  });

  it('accepts host[:port] and http(s)://host[:port]', () => {
    expect(parseEndpoint('live.cn-shanghai.aliyuncs.com')).toEqual({ host: 'live.cn-shanghai.aliyuncs.com', protocol: 'https' });
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

describe('readConfig', () => {
  it('takes the region from LIVE_REGION, else context.region, else FC_REGION', () => {
    const ctx = fcContext({ region: 'cn-hangzhou' });
    expect(readConfig(ctx, { LIVE_REGION: 'cn-beijing', FC_REGION: 'cn-shenzhen' }).defaultRegion).toBe('cn-beijing');
    expect(readConfig(ctx, { FC_REGION: 'cn-shenzhen' }).defaultRegion).toBe('cn-hangzhou');
    expect(readConfig(fcContext({ region: undefined }), { FC_REGION: 'cn-shenzhen' }).defaultRegion).toBe('cn-shenzhen');
  });

  it('reads limits, allowlist and timeout with their defaults', () => {
    const config = readConfig(fcContext({ function: { timeout: 3 } }), { ALLOWED_CASTER_IDS: ' a, b ,,' });
    expect(config).toMatchObject({ maxAttempts: 4, qps: 10, logLevel: 'info', functionTimeoutMs: 3000 });
    expect([...config.allowedCasterIds!]).toEqual(['a', 'b']);
    expect(readConfig(fcContext({ function: {} }), {}).functionTimeoutMs).toBe(60_000);
    expect(() => readConfig(fcContext(), { LIVE_MAX_ATTEMPTS: '0' })).toThrow(/LIVE_MAX_ATTEMPTS/);
    expect(() => readConfig(fcContext(), { LIVE_QPS: 'fast' })).toThrow(/LIVE_QPS/);
  });
});

describe('resolveCredentials', () => {
  const role = { accessKeyId: 'STS.id', accessKeySecret: 'role-secret', securityToken: 'role-token' };
  const env = { ALIBABA_CLOUD_ACCESS_KEY_ID: 'env-id', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'env-secret' };

  it('prefers the context (the role), then the environment', () => {
    expect(resolveCredentials(fcContext({ credentials: role }), env)).toEqual(role);
    expect(resolveCredentials(fcContext({ credentials: {} }), env)).toEqual({ accessKeyId: 'env-id', accessKeySecret: 'env-secret', securityToken: undefined });
  });

  it('throws MissingCredentials when there are none', () => {
    expect(() => resolveCredentials(fcContext({ credentials: {} }), {})).toThrow(expect.objectContaining({ code: 'MissingCredentials', status: 500 }));
  });
});
