// The environment read once, a bad one failing every invocation and logged at
// the default level, a new client and its secrets masked once the role's
// credentials rotate, are test/integration/configuration.test.ts's,
// shared-sdk-client.test.ts's and secrets.test.ts's. What no answer shows is here.
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
  it('gives each invocation the configured log level', () => {
    expect(new Instance({ LOG_LEVEL: 'warn' }).take(NO_ROLE).logLevel).toBe('warn');
  });

  it('keeps one limiter for the life of the instance', () => {
    const instance = new Instance({});
    expect(partsOf(instance).limiter).toBe(partsOf(instance).limiter);
  });

  it('keeps one Live client while the credentials stay the same', () => {
    const { live } = partsOf(new Instance({}));
    expect(live.clientFor({ ...ROLE })).toBe(live.clientFor(ROLE));
  });

  it('no longer masks the old credentials once rotated ones arrive', () => {
    const instance = new Instance({});
    instance.take(ROLE);
    const { secrets } = instance.take(ROTATED);
    expect(secrets).toEqual(expect.arrayContaining(['role-secret-2', 'role-token-2']));
    expect(secrets).not.toContain('role-secret-1');
  });
});
