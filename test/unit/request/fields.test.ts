import fc from 'fast-check';
import {
  agrees,
  dryRunValue,
  FIELDS,
  PAYLOAD_FIELDS,
  readFields,
  SCALAR_FIELDS,
} from '../../../functions/delete-caster-video-resource/request/fields';

/** An object from entries; defineProperty makes a '__proto__' key an own key, as JSON.parse does. */
function objectOf(entries: Array<[string, unknown]>): Record<string, unknown> {
  const obj: Record<string, unknown> = {};
  for (const [k, v] of entries)
    Object.defineProperty(obj, k, { value: v, enumerable: true, configurable: true, writable: true });
  return obj;
}

const caseOf = fc.constantFrom(
  (s: string) => s,
  (s: string) => s.toLowerCase(),
  (s: string) => s.toUpperCase(),
);
const value = fc.oneof(fc.constantFrom('a', 'b', true, 1, null), fc.jsonValue({ maxDepth: 2 }));
const unlike = fc.constantFrom('messageId', 'topic', 'requestedBy', '__proto__', 'constructor', 'x');

describe('readFields', () => {
  it('reads every accepted field in any letter case', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PAYLOAD_FIELDS), caseOf, value, (name, spell, v) => {
        expect(readFields(objectOf([[spell(name), v]]), PAYLOAD_FIELDS, '').values[name]).toEqual(v);
      }),
    );
  });

  it('refuses a field given twice with different values, naming both spellings', () => {
    const { problems } = readFields({ CasterId: 'a', casterid: 'b' }, PAYLOAD_FIELDS, '');
    expect(problems).toEqual([
      { field: 'CasterId', problem: 'given as both CasterId and casterid with different values' },
    ]);
  });

  it('takes a field given twice with the same value', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PAYLOAD_FIELDS), value, (name, v) => {
        const read = readFields(
          objectOf([
            [name, v],
            [name.toLowerCase(), v],
          ]),
          PAYLOAD_FIELDS,
          '',
        );
        expect(read.problems).toEqual([]);
      }),
    );
  });

  it('leaves keys unlike any field alone', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(unlike, value), { maxLength: 6 }), (entries) => {
        expect(readFields(objectOf(entries), PAYLOAD_FIELDS, '')).toEqual({ values: {}, problems: [] });
      }),
    );
  });

  it.each([
    ['DryRn', 'DryRun'],
    ['Resource_Id', 'ResourceId'],
    ['Item', 'Items'],
    ['casterID_', 'CasterId'],
  ])('refuses the near miss %s, naming %s', (key, meant) => {
    expect(readFields({ [key]: 1 }, PAYLOAD_FIELDS, 'Items[2].').problems).toEqual([
      { field: `Items[2].${key}`, problem: `is not a known field; did you mean ${meant}?` },
    ]);
  });

  it('refuses a field outside those accepted as a near miss of one that is', () => {
    expect(readFields({ ResourceIds: ['r'] }, SCALAR_FIELDS, 'query ').problems).toEqual([
      { field: 'query ResourceIds', problem: 'is not a known field; did you mean ResourceId?' },
    ]);
  });

  it('names at most ten misspelt keys, then says there are more', () => {
    const { problems } = readFields(
      Object.fromEntries(Array.from({ length: 14 }, (_, i) => [`DryRn${i}`, 1])),
      SCALAR_FIELDS,
      '',
    );
    expect(problems).toHaveLength(11);
    expect(problems[10]).toEqual({ field: '(more)', problem: 'further misspelt fields not listed' });
  });

  it('never reads an inherited key as a field', () => {
    expect(readFields(Object.create({ CasterId: 'evil' }), PAYLOAD_FIELDS, '').values).toEqual({});
  });
});

describe('dryRunValue', () => {
  it.each([
    [true, true],
    [false, false],
    ['true', true],
    ['FALSE', false],
    [1, true],
    [0, false],
    ['1', true],
    ['0', false],
    ['yes', true],
    ['No', false],
  ])('reads %p as %p', (given, expected) => {
    expect(dryRunValue(given)).toBe(expected);
  });

  it.each([null, '', ' true', 'maybe', 2, {}])('says nothing clear for %p', (given) => {
    expect(dryRunValue(given)).toBeUndefined();
  });
});

describe('agrees', () => {
  it('takes the same text as agreeing, JSON value or query string', () => {
    expect(agrees(FIELDS.casterId, 'c', 'c')).toBe(true);
  });

  it('takes a number and its text as agreeing', () => {
    expect(agrees(FIELDS.regionId, 1, '1')).toBe(true);
  });

  it('reads DryRun by what it says', () => {
    expect(agrees(FIELDS.dryRun, true, 'yes')).toBe(true);
  });

  it('never takes a DryRun that says nothing clear as agreeing', () => {
    expect(agrees(FIELDS.dryRun, null, null)).toBe(false);
  });

  it('never turns an object into text to compare it', () => {
    expect(agrees(FIELDS.casterId, { toString: () => 'c' }, 'c')).toBe(false);
  });
});
