import { redact, redactValue, secretsOf } from '../../functions/delete-caster-video-resource/redaction';

describe('redact', () => {
  it('masks every occurrence of a secret in text', () => {
    expect(redact('a SECRET123 b SECRET123', ['SECRET123'])).toBe('a *** b ***');
  });
});

describe('redactValue', () => {
  it('masks a secret in a string value', () => {
    expect(redactValue({ m: ['x TOKEN-abc'] }, ['TOKEN-abc'])).toEqual({ m: ['x ***'] });
  });

  it('masks a secret in a key', () => {
    expect(redactValue({ a: { 'TOKEN-abc': 1 } }, ['TOKEN-abc'])).toEqual({ a: { '***': 1 } });
  });

  it('masks a secret deep in arrays and objects', () => {
    expect(redactValue({ a: [{ b: [null, 2, 'deep TOKEN-abc'] }] }, ['TOKEN-abc'])).toEqual({
      a: [{ b: [null, 2, 'deep ***'] }],
    });
  });

  it('returns a value that holds no secret as it is', () => {
    const clean = { m: 'nothing to hide', n: [1, { o: null }] };
    expect(redactValue(clean, ['TOKEN-abc'])).toBe(clean);
  });
});

describe('secretsOf', () => {
  const credentials = { accessKeyId: 'id', accessKeySecret: 'sec/ret+1=', securityToken: 'token-abcdef' };

  it('masks the secret and the token, not the key id', () => {
    expect(secretsOf(credentials)).toEqual(expect.arrayContaining(['sec/ret+1=', 'token-abcdef']));
  });

  it('masks them percent-encoded once and twice too', () => {
    expect(secretsOf(credentials)).toEqual(
      expect.arrayContaining([encodeURIComponent('sec/ret+1='), encodeURIComponent(encodeURIComponent('sec/ret+1='))]),
    );
  });

  it('lists the longest first, so that no variant is half masked', () => {
    const lengths = secretsOf(credentials).map((s) => s.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
  });
});
