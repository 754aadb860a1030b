// The environment's keys when the function has no role, no credentials at all,
// and the same credentials kept, are test/integration/authorization.test.ts's and instance.test.ts's.
import { credentialsOf, sameCredentials } from '../../functions/delete-caster-video-resource/credentials';
import { fcContext } from '../support/fc-context';

const role = { accessKeyId: 'STS.id', accessKeySecret: 'role-secret', securityToken: 'role-token' };
const env = { ALIBABA_CLOUD_ACCESS_KEY_ID: 'env-id', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'env-secret' };

describe('credentialsOf', () => {
  it("takes the role's credentials from the context before the environment's", () => {
    expect(credentialsOf(fcContext({ credentials: role }), env)).toEqual(role);
  });
});

describe('sameCredentials', () => {
  it('fails once the token alone rotates', () => {
    expect(sameCredentials(role, { ...role, securityToken: 'next' })).toBe(false);
  });
});
