import { Instance } from '../../functions/delete-caster-video-resource/instance';

const ROLE = { accessKeyId: 'STS.id', accessKeySecret: 'role-secret-1', securityToken: 'role-token-1' };

describe('Instance', () => {
  it('reads the environment once, when it is built', () => {
    const env: Record<string, string | undefined> = { LIVE_QPS: '7', LOG_LEVEL: 'warn' };
    const instance = new Instance(env);
    env.LIVE_QPS = 'fast';
    env.LOG_LEVEL = 'debug';
    expect(instance.use().config).toMatchObject({ qps: 7, logLevel: 'warn' });
    expect(instance.logLevel).toBe('warn');
  });

  it('fails every use with the same InvalidConfiguration when the environment is bad, and still logs at info', () => {
    const instance = new Instance({ LOG_LEVEL: 'loud' });
    const refusal = (): unknown => {
      try {
        instance.use();
      } catch (err) {
        return err;
      }
      return undefined;
    };
    const first = refusal();
    expect(first).toMatchObject({
      code: 'InvalidConfiguration',
      status: 500,
      message: expect.stringContaining('LOG_LEVEL'),
    });
    expect(refusal()).toBe(first);
    expect(() => instance.use().live.clientFor(ROLE)).toThrow(/LOG_LEVEL/);
    expect(instance.logLevel).toBe('info');
  });

  it('keeps one limiter and one Live client while the credentials stay, and a new client when they rotate', () => {
    const instance = new Instance({});
    expect(instance.use().limiter).toBe(instance.use().limiter);
    const client = instance.use().live.clientFor(ROLE);
    expect(instance.use().live.clientFor({ ...ROLE })).toBe(client);
    const rotated = instance
      .use()
      .live.clientFor({ ...ROLE, accessKeySecret: 'role-secret-2', securityToken: 'role-token-2' });
    expect(rotated).not.toBe(client);
  });

  it('masks the current credentials, and the rotated ones once they arrive', () => {
    const instance = new Instance({});
    expect(instance.secretsOf(undefined)).toEqual([]);
    expect(instance.secretsOf(ROLE)).toEqual(expect.arrayContaining(['role-secret-1', 'role-token-1']));
    const next = instance.secretsOf({ ...ROLE, accessKeySecret: 'role-secret-2', securityToken: 'role-token-2' });
    expect(next).toEqual(expect.arrayContaining(['role-secret-2', 'role-token-2']));
    expect(next).not.toContain('role-secret-1');
  });
});
