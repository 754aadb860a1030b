import { MissingCredentialsError } from '../../functions/delete-caster-video-resource/errors';
import { Instance, type Parts } from '../../functions/delete-caster-video-resource/instance';

const ROLE = { accessKeyId: 'STS.id', accessKeySecret: 'role-secret-1', securityToken: 'role-token-1' };
const ROTATED = { ...ROLE, accessKeySecret: 'role-secret-2', securityToken: 'role-token-2' };
const NO_ROLE = new MissingCredentialsError();

function partsOf(instance: Instance): Parts {
  const { parts } = instance.take(NO_ROLE);
  if (parts instanceof Error) throw parts;
  return parts;
}

describe('Instance', () => {
  it('reads the environment once, when it is built', () => {
    const env: Record<string, string | undefined> = { LIVE_QPS: '7' };
    const instance = new Instance(env);
    env.LIVE_QPS = 'fast';
    expect(partsOf(instance).config.qps).toBe(7);
  });

  it('gives each invocation the configured log level', () => {
    expect(new Instance({ LOG_LEVEL: 'warn' }).take(NO_ROLE).logLevel).toBe('warn');
  });

  it('keeps a bad environment as one InvalidConfiguration for every invocation', () => {
    const instance = new Instance({ LOG_LEVEL: 'loud' });
    const first = instance.take(NO_ROLE).parts;
    expect(first).toMatchObject({
      code: 'InvalidConfiguration',
      status: 500,
      message: expect.stringContaining('LOG_LEVEL'),
    });
    expect(instance.take(NO_ROLE).parts).toBe(first);
  });

  it('logs at info when the environment is bad', () => {
    expect(new Instance({ LOG_LEVEL: 'loud' }).take(NO_ROLE).logLevel).toBe('info');
  });

  it('keeps one limiter for the life of the instance', () => {
    const instance = new Instance({});
    expect(partsOf(instance).limiter).toBe(partsOf(instance).limiter);
  });

  it('keeps one Live client while the credentials stay the same', () => {
    const { live } = partsOf(new Instance({}));
    expect(live.clientFor({ ...ROLE })).toBe(live.clientFor(ROLE));
  });

  it('makes a new Live client when the credentials rotate', () => {
    const { live } = partsOf(new Instance({}));
    expect(live.clientFor(ROTATED)).not.toBe(live.clientFor(ROLE));
  });

  it('has nothing to mask without credentials', () => {
    expect(new Instance({}).take(NO_ROLE).secrets).toEqual([]);
  });

  it("masks the role's secret and token", () => {
    expect(new Instance({}).take(ROLE).secrets).toEqual(expect.arrayContaining(['role-secret-1', 'role-token-1']));
  });

  it('masks the rotated credentials once they arrive, and no longer the old ones', () => {
    const instance = new Instance({});
    instance.take(ROLE);
    const { secrets } = instance.take(ROTATED);
    expect(secrets).toEqual(expect.arrayContaining(['role-secret-2', 'role-token-2']));
    expect(secrets).not.toContain('role-secret-1');
  });
});
