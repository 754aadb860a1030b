// Values a request field may hold: valid and invalid IDs, regions, DryRun spellings, foreign keys.
import fc from 'fast-check';
import { type Json, obj, RawJson } from '../../../dev/invocations/json';
import { DECOY_CASTER, DECOYS } from './state';

const ID_CHARS = /^[A-Za-z0-9_.:-]{1,128}$/;
export const validId = fc.stringMatching(ID_CHARS);
const shortValidText = fc.stringMatching(/^[A-Za-z0-9_.:-]{0,12}$/);

/** Deep nesting as text: arrays or objects, up to 30,000 levels. */
export const deepJson: fc.Arbitrary<RawJson> = fc
  .tuple(
    fc.oneof(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 3_000, max: 30_000 })),
    fc.constantFrom('array', 'object', 'mixed'),
  )
  .map(([depth, kind]) => {
    if (kind === 'array') return new RawJson('['.repeat(depth) + ']'.repeat(depth));
    if (kind === 'object') return new RawJson(`${'{"CasterId":'.repeat(depth)}"x"${'}'.repeat(depth)}`);
    return new RawJson(`${'[{"a":'.repeat(depth)}1${'}]'.repeat(depth)}`);
  });

/** Huge strings, built by repetition (generating them char by char is slow). */
export const hugeString = fc
  .tuple(fc.integer({ min: 129, max: 300_000 }), fc.constantFrom('a', 'é', '/', '中', '0'))
  .map(([n, c]) => c.repeat(n));

/** Strings that stay invalid IDs through every carrier (JSON, form, query, path). */
export const invalidIdString: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc.integer({ min: 129, max: 400 }).map((n) => 'a'.repeat(n)),
  fc
    .tuple(
      shortValidText,
      fc.constantFrom(
        '/',
        ' ',
        '\u0000',
        '%',
        '?',
        '#',
        '&',
        '=',
        '+',
        '\n',
        '"',
        "'",
        '<',
        '>',
        '\\',
        'é',
        '中',
        '\ud800',
        '😀',
        '\u202e',
        '*',
        ';',
        ',',
        '|',
        '\t',
        '\r\n',
        '../',
        '%2F',
        '\uFEFF',
      ),
      shortValidText,
    )
    .map(([a, b, c]) => a + b + c),
  fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !ID_CHARS.test(s)),
);

/** Values of the wrong JSON type for an ID field (null counts: "is required"). */
export const wrongTypeId: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.array(validId, { maxLength: 3 }),
  fc.constant(obj([['toString', 1]])),
  fc.constant(obj([['__proto__', obj([['CasterId', DECOY_CASTER]])]])),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  deepJson,
  hugeString,
);

export const validRegion = fc.constantFrom('cn-shanghai', 'cn-beijing', 'ap-southeast-1', 'cn-hangzhou');
export const invalidRegionString = fc.oneof(
  fc.constantFrom(
    'Shanghai!',
    'cn_shanghai',
    'CN-SHANGHAI',
    'cn-',
    '-cn',
    'cn',
    'cn-shanghai/../x',
    `cn-${'a'.repeat(70)}`,
  ),
  fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !/^[a-z]{2,}(-[a-z0-9]+)+$/.test(s)),
);
export const invalidDryRunString = fc.oneof(
  fc.constantFrom('maybe', '2', 'TRUE ', ' false', 'truex', 'on', 'y'),
  fc.string({ minLength: 1, maxLength: 10 }).filter((s) => !/^(true|false|1|0|yes|no)$/i.test(s)),
);

export const RECOGNISED = new Set([
  'CasterId',
  'casterId',
  'ResourceId',
  'resourceId',
  'RegionId',
  'regionId',
  'DryRun',
  'dryRun',
  'ResourceIds',
  'resourceIds',
  'Items',
  'items',
]);
/** Envelope fields: a decoy under one of these could legitimately be read (CloudEvent data, HTTP query). */
const ENVELOPE = new Set([
  'specversion',
  'data',
  'data_base64',
  'requestContext',
  'http',
  'method',
  'path',
  'rawPath',
  'headers',
  'queryParameters',
  'body',
  'isBase64Encoded',
]);
/** Keys the function must never read: prototype names, look-alikes, anything else. */
export const foreignKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'),
  // Field names in another letter case are the fields themselves, and near misses (caster_id) are refused:
  // noise is a pipeline's own metadata, unlike any field name.
  fc.constantFrom('requestedBy', 'traceparent', 'x-pipeline', 'operator', 'comment'),
  fc
    .string({ maxLength: 12 })
    .map((k) => `meta:${k}`)
    .filter((k) => !ENVELOPE.has(k)),
);

/** A decoy the function must never act on, in a form fit for a string carrier or for JSON. */
export const decoyValue = (flat: boolean): fc.Arbitrary<Json> =>
  flat
    ? fc.constantFrom(DECOY_CASTER, ...DECOYS)
    : fc.oneof(
        fc.constantFrom(DECOY_CASTER, ...DECOYS),
        fc.constantFrom(...DECOYS).map((r) =>
          obj([
            ['CasterId', DECOY_CASTER],
            ['ResourceId', r],
          ]),
        ),
        fc.constantFrom(...DECOYS).map((r) =>
          obj([
            [
              'prototype',
              obj([
                ['CasterId', DECOY_CASTER],
                ['ResourceIds', [r]],
              ]),
            ],
          ]),
        ),
        fc.constantFrom(...DECOYS).map((r) => [
          obj([
            ['CasterId', DECOY_CASTER],
            ['ResourceId', r],
          ]),
        ]),
      );

/** Noise entries: foreign keys holding decoys. */
export const noise = (flat: boolean) => fc.array(fc.tuple(foreignKey, decoyValue(flat)), { maxLength: 4 });
