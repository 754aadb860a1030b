// The percent-encoded variants of a secret masked in what an upstream quotes
// back are test/integration/secrets.test.ts's.
import { redact, redactValue, secretsOf } from '../../functions/delete-caster-video-resource/redaction';

describe('redact', () => {
  it('masks every occurrence of a secret in text', () => {
    expect(redact('a SECRET123 b SECRET123', ['SECRET123'])).toBe('a *** b ***');
  });
});

describe('redactValue', () => {
  it.each([
    ['in a string value', { m: ['x TOKEN-abc'] }, { m: ['x ***'] }],
    ['in a key', { a: { 'TOKEN-abc': 1 } }, { a: { '***': 1 } }],
    ['deep in arrays and objects', { a: [{ b: [null, 2, 'deep TOKEN-abc'] }] }, { a: [{ b: [null, 2, 'deep ***'] }] }],
  ])('masks a secret %s', (_name, value, masked) => {
    expect(redactValue(value, ['TOKEN-abc'])).toEqual(masked);
  });

  it('returns a value that holds no secret as it is', () => {
    const clean = { m: 'nothing to hide', n: [1, { o: null }] };
    expect(redactValue(clean, ['TOKEN-abc'])).toBe(clean);
  });
});

describe('secretsOf', () => {
  const credentials = { accessKeyId: 'id', accessKeySecret: 'sec/ret+1=', securityToken: 'token-abcdef' };

  it('masks the secret and the token', () => {
    expect(secretsOf(credentials)).toEqual(expect.arrayContaining(['sec/ret+1=', 'token-abcdef']));
  });

  it('lists the longest first, so that no variant is half masked', () => {
    const lengths = secretsOf(credentials).map((s) => s.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
  });
});
