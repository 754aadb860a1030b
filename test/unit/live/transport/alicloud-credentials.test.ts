// The stub put in place of @alicloud/credentials: reached, it fails loudly.
import path from 'node:path';

const transport = path.resolve(__dirname, '../../../../functions/delete-caster-video-resource/live/transport');
const load = (file: string) => require(path.join(transport, file));

describe('@alicloud/credentials stub', () => {
  const credentials = load('alicloud-credentials.js');

  it('throws if the SDK ever builds credentials itself', () => {
    expect(() => new credentials.default({ type: 'access_key' })).toThrow(/stubbed out of this bundle/);
    expect(() => new credentials.Config({})).toThrow(/stubbed out of this bundle/);
  });

  it('is not a tea Model class, like the real Credential, so a credential object passed in config goes through untouched', () => {
    expect(typeof credentials.default).toBe('function');
    expect(credentials.default.names).toBeUndefined();
    expect(credentials.default.types).toBeUndefined();
  });
});
