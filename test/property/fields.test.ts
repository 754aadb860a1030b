// readFields reads a record's fields in one pass (it runs on every
// invocation); it must find exactly what the two slower readers it replaced
// on that path still find for the query string: pickField for each field, and
// misspeltFields for near misses, in the same order.
import fc from 'fast-check';
import type { FieldProblem } from '../../functions/delete-caster-video-resource/errors';
import {
  FIELDS,
  type FieldName,
  misspeltFields,
  PAYLOAD_FIELDS,
  pickField,
  readFields,
  SCALAR_FIELDS,
} from '../../functions/delete-caster-video-resource/request/fields';

const spellings = Object.values(FIELDS).flatMap((name) => [
  name,
  name.toLowerCase(),
  name.toUpperCase(),
  `${name.slice(0, -1)}`, // near miss: a letter short
  `${name.slice(0, 3)}_${name.slice(3)}`, // near miss: an underscore
]);
const key = fc.oneof(
  fc.constantFrom(...spellings, 'messageId', 'topic', '__proto__', 'constructor'),
  fc.string({ maxLength: 12 }),
);
const value = fc.oneof(fc.constantFrom('a', 'b', true, 1, null), fc.jsonValue({ maxDepth: 2 }));
const record = fc.array(fc.tuple(key, value), { maxLength: 24 }).map((entries) => {
  const obj: Record<string, unknown> = {};
  // defineProperty: a '__proto__' key becomes an own key, as JSON.parse makes it.
  for (const [k, v] of entries)
    Object.defineProperty(obj, k, { value: v, enumerable: true, configurable: true, writable: true });
  return obj;
});

function slowRead(obj: Record<string, unknown>, accepted: readonly FieldName[], at: string) {
  const problems: FieldProblem[] = misspeltFields(obj, accepted, at);
  const values: Record<string, unknown> = {};
  for (const name of accepted) {
    const v = pickField(obj, name, at, problems);
    if (v !== undefined || Object.keys(obj).some((k) => k.toLowerCase() === name.toLowerCase())) values[name] = v;
  }
  return { values, problems };
}

describe('readFields', () => {
  it.each([
    ['a payload', PAYLOAD_FIELDS, ''],
    ['an Items entry', SCALAR_FIELDS, 'Items[3].'],
  ] as const)('finds what pickField and misspeltFields find in %s', (_name, accepted, at) => {
    fc.assert(
      fc.property(record, (obj) => {
        expect(readFields(obj, accepted, at)).toEqual(slowRead(obj, accepted, at));
      }),
      { numRuns: 2000, seed: 20261125 },
    );
  });

  it('names at most ten misspelt keys, then says there are more', () => {
    const obj = Object.fromEntries(Array.from({ length: 14 }, (_, i) => [`DryRn${i}`, 1]));
    const { problems } = readFields(obj, SCALAR_FIELDS, '');
    expect(problems).toHaveLength(11);
    expect(problems[0]).toEqual({ field: 'DryRn0', problem: 'is not a known field; did you mean DryRun?' });
    expect(problems[10]).toEqual({ field: '(more)', problem: 'further misspelt fields not listed' });
  });
});
