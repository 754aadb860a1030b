// Arbitrary input: request-like JSON and mutated envelopes, valid or not.
import fc from 'fast-check';
import {
  encode,
  encodeEventBatch,
  FLAT_SHAPES,
  type Invocation,
  JSON_SHAPES,
  type Shape,
} from '../../../dev/invocations/encode';
import { type Json, jsonText, obj, RawJson } from '../../../dev/invocations/json';
import { ABSENT, CASTER, POOL } from './state';
import { encodeOptions, type Intended, validInvocation, validRequest } from './valid';
import { decoyValue, deepJson, foreignKey, hugeString, invalidIdString, RECOGNISED } from './values';

/** Random JSON biased towards the field names, with values from the pools, junk, decoys under foreign keys. */
export const requestishJson: fc.Arbitrary<Json> = fc.letrec<{ node: Json; entry: [string, Json] }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<Json>(CASTER, ...POOL, ...ABSENT, 'cn-shanghai', true, false, 'true', null, 0, ''),
    fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
    invalidIdString,
    fc.array(tie('node'), { maxLength: 4 }),
    fc.array(tie('entry'), { maxLength: 5 }).map((entries) => obj(entries)),
  ),
  entry: fc.oneof(
    fc.tuple(fc.constantFrom(...RECOGNISED), tie('node')),
    fc.tuple(foreignKey, decoyValue(false)),
    fc.tuple(
      fc.constantFrom('specversion', 'data', 'requestContext', 'http', 'method', 'body', 'rawPath'),
      tie('node'),
    ),
  ) as fc.Arbitrary<[string, Json]>,
})).node;

/** Envelope fields of each carrier, replaced by a value of any type (wrong types in every field). */
const ENVELOPE_FIELDS: Record<string, string[][]> = {
  http: [
    ['rawPath'],
    ['headers'],
    ['queryParameters'],
    ['body'],
    ['isBase64Encoded'],
    ['requestContext'],
    ['requestContext', 'http'],
    ['requestContext', 'http', 'method'],
    ['requestContext', 'http', 'path'],
  ],
  cloudevent: [['specversion'], ['data'], ['data_base64'], ['id'], ['type']],
};

const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constant(undefined),
  fc.constant(obj([['toString', 1]])),
  fc.constant(obj([['__proto__', obj([['method', 'POST']])]])),
  hugeString,
  fc.string({ unit: 'binary', maxLength: 20 }),
);

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let at: Record<string, unknown> = target;
  for (const key of path.slice(0, -1)) {
    const next = at[key];
    if (next === null || typeof next !== 'object') return;
    at[key] = Array.isArray(next) ? [...next] : { ...(next as object) };
    at = at[key] as Record<string, unknown>;
  }
  at[path[path.length - 1]!] = value;
}

export interface ArbitraryCase {
  inv: Invocation;
  /** What the input named; requests may carry only these. Undefined: anything in the input. */
  intended?: Intended[];
  label: string;
}

/** A valid invocation whose envelope has one field replaced by a value of any type. */
const mutatedEnvelope: fc.Arbitrary<ArbitraryCase> = fc
  .tuple(validInvocation, fc.nat(), anyValue)
  .map(([{ req, inv }, pick, value]) => {
    const kind =
      inv.http && inv.event
        ? 'http'
        : inv.shape === 'cloudevent-object' || inv.shape === 'cloudevent-base64'
          ? 'cloudevent'
          : undefined;
    if (!kind) return { inv, intended: req.intended, label: `${inv.shape} (unchanged)` };
    const paths = ENVELOPE_FIELDS[kind]!;
    const path = paths[pick % paths.length]!;
    const event = { ...(inv.event as Record<string, unknown>) };
    setPath(event, path, value);
    // Only an object with requestContext.http.method (a string) is an HTTP-trigger event.
    const http = typeof (event.requestContext as { http?: { method?: unknown } } | null)?.http?.method === 'string';
    return {
      inv: { ...inv, event, http },
      intended: req.intended,
      label: `${inv.shape} with ${path.join('.')} replaced`,
    };
  });

export const arbitraryInvocation: fc.Arbitrary<ArbitraryCase> = fc.oneof<fc.Arbitrary<ArbitraryCase>[]>(
  fc.uint8Array({ maxLength: 2048 }).map((bytes) => ({
    inv: { shape: 'payload-buffer' as Shape, event: Buffer.from(bytes), http: false },
    label: 'arbitrary bytes',
  })),
  fc
    .uint8Array({ maxLength: 2048 })
    .map((bytes) => ({ inv: encode(new RawJson(''), 'http-json'), label: 'arbitrary HTTP body bytes', bytes }))
    .map(({ inv, label, bytes }) => {
      (inv.event as Record<string, unknown>).body = Buffer.from(bytes).toString('base64');
      (inv.event as Record<string, unknown>).isBase64Encoded = true;
      return { inv, label };
    }),
  fc
    .tuple(
      fc.uint8Array({ maxLength: 1024 }),
      fc.constantFrom('application/json', 'application/x-www-form-urlencoded', ''),
    )
    .map(([bytes, type]) => ({
      inv: {
        shape: 'fc2-json' as Shape,
        http: true,
        fc2: {
          method: 'POST',
          path: '/',
          queries: {},
          headers: type ? { 'content-type': type } : {},
          body: Buffer.from(bytes),
        },
      },
      label: 'arbitrary FC 2.0 body bytes',
    })),
  fc
    .tuple(fc.constantFrom('utf16le', 'latin1', 'bom', 'nul') as fc.Arbitrary<string>, validRequest)
    .map(([enc, req]) => {
      const text = jsonText(req.payload);
      const bytes =
        enc === 'utf16le'
          ? Buffer.from(text, 'utf16le')
          : enc === 'latin1'
            ? Buffer.from(text.replace(/-/g, '\u00ad'), 'latin1')
            : enc === 'bom'
              ? Buffer.from(`\uFEFF${text}`)
              : Buffer.from(text.replace(/"/, '"\u0000'));
      return {
        inv: { shape: 'payload-buffer' as Shape, event: bytes, http: false },
        intended: req.intended,
        label: `valid request in odd encoding ${enc}`,
      };
    }),
  fc
    .tuple(fc.jsonValue() as fc.Arbitrary<Json>, fc.constantFrom(...JSON_SHAPES), encodeOptions)
    .map(([v, shape, o]) => ({ inv: encode(v, shape, o), label: `arbitrary JSON as ${shape}` })),
  fc
    .tuple(requestishJson, fc.constantFrom(...JSON_SHAPES), encodeOptions)
    .map(([v, shape, o]) => ({ inv: encode(v, shape, o), label: `request-like JSON as ${shape}` })),
  fc
    .tuple(fc.array(requestishJson, { minLength: 1, maxLength: 4 }))
    .map(([vs]) => ({ inv: encodeEventBatch(vs), label: 'request-like CloudEvent batch' })),
  fc
    .tuple(deepJson, fc.constantFrom(...JSON_SHAPES))
    .map(([v, shape]) => ({ inv: encode(v, shape), label: `deep JSON as ${shape}` })),
  fc.tuple(hugeString, fc.constantFrom(...FLAT_SHAPES)).map(([s, shape]) => ({
    inv: encode(
      obj([
        ['CasterId', CASTER],
        ['ResourceId', s],
      ]),
      shape,
    ),
    label: `huge ResourceId as ${shape}`,
  })),
  mutatedEnvelope,
  mutatedEnvelope,
  mutatedEnvelope,
  mutatedEnvelope,
  fc
    .tuple(requestishJson, fc.constantFrom(...JSON_SHAPES), encodeOptions)
    .map(([v, shape, o]) => ({ inv: encode(v, shape, o), label: `request-like JSON as ${shape}` })),
  validInvocation.map(({ req, inv }) => ({ inv, intended: req.intended, label: `valid ${inv.shape}` })),
);
