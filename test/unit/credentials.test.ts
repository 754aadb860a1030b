import { credentialsOf, sameCredentials } from '../../functions/delete-caster-video-resource/credentials';
import { MissingCredentialsError } from '../../functions/delete-caster-video-resource/errors';
import { fcContext } from '../support/fc-context';

const role = { accessKeyId: 'STS.id', accessKeySecret: 'role-secret', securityToken: 'role-token' };
const env = { ALIBABA_CLOUD_ACCESS_KEY_ID: 'env-id', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'env-secret' };

describe('credentialsOf', () => {
  it("takes the role's credentials from the context first", () => {
    expect(credentialsOf(fcContext({ credentials: role }), env)).toEqual(role);
  });

  it('takes the environment when the function has no role', () => {
    expect(credentialsOf(fcContext({ credentials: {} }), env)).toEqual({
      accessKeyId: 'env-id',
      accessKeySecret: 'env-secret',
      securityToken: undefined,
    });
  });

  it('returns MissingCredentials when there are none', () => {
    expect(credentialsOf(fcContext({ credentials: {} }), {})).toBeInstanceOf(MissingCredentialsError);
  });
});

describe('sameCredentials', () => {
  it('holds for the same key, secret and token', () => {
    expect(sameCredentials(role, { ...role })).toBe(true);
  });

  it('fails once the token rotates', () => {
    expect(sameCredentials(role, { ...role, securityToken: 'next' })).toBe(false);
  });
});
