import { asText, parseJson, Unreadable } from '../../functions/delete-caster-video-resource/json';

describe('parseJson', () => {
  it('parses JSON text', () => {
    expect(parseJson('{"CasterId":"c"}')).toEqual({ CasterId: 'c' });
  });

  it('reads through a leading byte-order mark', () => {
    expect(parseJson('\uFEFF{"CasterId":"c"}')).toEqual({ CasterId: 'c' });
  });

  it('says why text is not JSON', () => {
    expect(parseJson('{nope')).toEqual(
      expect.objectContaining({ reason: expect.stringMatching(/^is not valid JSON/) }),
    );
  });

  it('refuses a request field given twice in one object with different values, naming it', () => {
    expect(parseJson('{"DryRun": true, "dryrun": false}')).toEqual(
      new Unreadable('is given twice with different values', 'DryRun'),
    );
  });

  it('takes a request field given twice with the same value', () => {
    expect(parseJson('{"DryRun": true, "DryRun": true}')).toEqual({ DryRun: true });
  });

  it('lets the same field stand in two different objects', () => {
    expect(parseJson('[{"ResourceId": "a"}, {"ResourceId": "b"}]')).toHaveLength(2);
  });

  it('leaves other repeated keys to JSON.parse', () => {
    expect(parseJson('{"note": 1, "note": 2}')).toEqual({ note: 2 });
  });
});

describe('asText', () => {
  it('reads bytes as UTF-8', () => {
    expect(asText(Buffer.from('hé'))).toBe('hé');
  });

  it('reads a typed array view of bytes', () => {
    const bytes = Buffer.from('xhiy');
    expect(asText(new Uint8Array(bytes.buffer, bytes.byteOffset + 1, 2))).toBe('hi');
  });

  it('is undefined for anything that is not text or bytes', () => {
    expect(asText({})).toBeUndefined();
  });
});
