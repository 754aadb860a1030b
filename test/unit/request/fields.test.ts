import { NumberText, Repeated } from '../../../functions/delete-caster-video-resource/decode/json';
import {
  agrees,
  dryRunValue,
  MAX_KEYS,
  PAYLOAD_FIELDS,
  readKeys,
  SCALAR_FIELDS,
} from '../../../functions/delete-caster-video-resource/request/fields';

const read = (obj: Record<string, unknown>, accepted = PAYLOAD_FIELDS) => readKeys(obj, accepted, '');

describe('readKeys', () => {
  it('reads each field in any ASCII letter case', () => {
    expect(read({ CASTERID: 'c', resourceid: 'r', dryRun: true }).values).toEqual({
      CasterId: 'c',
      ResourceId: 'r',
      DryRun: true,
    });
  });

  it('refuses a field given in two spellings with different values, naming both', () => {
    expect(read({ CasterId: 'a', casterid: 'b' }).problems).toEqual([
      { field: 'CasterId', problem: 'is given as both CasterId and casterid with different values' },
    ]);
  });

  it('takes a field given in two spellings with the same value', () => {
    expect(read({ DryRun: true, dryrun: true })).toMatchObject({ values: { DryRun: true }, problems: [] });
  });

  it('refuses a key the decoder found repeated with different values', () => {
    expect(read({ DryRun: new Repeated('DryRun') }).problems).toEqual([
      { field: 'DryRun', problem: 'is given twice with different values' },
    ]);
  });

  it('names a near miss and the field meant', () => {
    expect(readKeys({ DryRn: true }, PAYLOAD_FIELDS, 'Items[2].').problems).toEqual([
      { field: 'Items[2].DryRn', problem: 'is not a known field; did you mean DryRun?' },
    ]);
  });

  it('names look-alike letters and the field meant', () => {
    expect(read({ ＤｒｙＲｕｎ: true }).problems[0].problem).toMatch(/look-alike letters; write DryRun/);
  });

  it('refuses a field not accepted at its place', () => {
    expect(read({ Items: [] }, SCALAR_FIELDS).problems).toEqual([{ field: 'Items', problem: 'is not accepted here' }]);
  });

  it('lists the keys a message sits under, in any spelling', () => {
    expect(read({ Body: '{}', ｐａｙｌｏａｄ: '{}' }).carriers).toEqual(['Body', 'ｐａｙｌｏａｄ']);
  });

  it('leaves other keys alone, and reads own keys only', () => {
    const obj = JSON.parse('{"__proto__": {"CasterId": "x"}, "traceId": "t"}');
    expect(read(obj)).toEqual({ values: {}, carriers: [], problems: [] });
  });

  it(`reads no key of an object holding more than ${MAX_KEYS}`, () => {
    const obj = Object.fromEntries(Array.from({ length: MAX_KEYS + 1 }, (_, i) => [`DryRn${i}`, i]));
    expect(read(obj).problems).toEqual([
      { field: '(request)', problem: `holds ${MAX_KEYS + 1} keys; at most ${MAX_KEYS} are read` },
    ]);
  });
});

describe('dryRunValue', () => {
  it.each([
    [true, true],
    [1, true],
    ['YES', true],
    ['1', true],
    [false, false],
    [0, false],
    ['no', false],
  ])('reads %j as %s', (value, meaning) => {
    expect(dryRunValue(value)).toBe(meaning);
  });

  it.each([null, '', ' true', 2, 'maybe', [], new NumberText('1e-400')])('reads %j as nothing clear', (value) => {
    expect(dryRunValue(value)).toBeUndefined();
  });
});

describe('agrees', () => {
  it.each([
    ['holds for the same clear DryRun in two forms', 'DryRun', true, 'true', true],
    ['fails for two unclear DryRuns, even equal ones', 'DryRun', 'maybe', 'maybe', false],
    ['holds for an ID given as the same text', 'CasterId', 'c', 'c', true],
  ] as const)('%s', (_name, field, a, b, holds) => {
    expect(agrees(field, a, b)).toBe(holds);
  });
});
