// Invalid invocations: a broken request in any shape, or a carrier that is itself broken.
import fc from 'fast-check';
import { cloudEvent, httpEvent } from '../../../dev/events';
import {
  type EncodeOptions,
  encode,
  encodeEventBatch,
  FLAT_SHAPES,
  JSON_SHAPES,
} from '../../../dev/invocations/encode';
import { type Json, jsonText, obj, RawJson } from '../../../dev/invocations/json';
import { flatBreak, type InvalidCase } from './breaks-flat';
import { jsonBreak } from './breaks-json';
import { CASTER, POOL } from './state';
import { encodeOptions, validSingle } from './valid';
import { noise } from './values';

/** Shape-level breaks: what the carrier itself gets wrong. */
function carrierBreaks(valid: Json): fc.Arbitrary<InvalidCase> {
  const text = jsonText(valid);
  const unreadable = fc
    .oneof(
      fc.integer({ min: 1, max: Math.max(1, text.length - 1) }).map((n) => text.slice(0, n)),
      // (A leading BOM is no longer here: queue messages are read through one.)
      fc.constantFrom(
        '{',
        '{"CasterId":',
        "{'CasterId':'x'}",
        '{"CasterId":"a",}',
        'undefined',
        'NaN',
        `${text}}`,
        `${text} x`,
      ),
    )
    .filter((t) => {
      try {
        JSON.parse(t);
        return false;
      } catch {
        return t.trim() !== '';
      }
    });
  const http = (o: Parameters<typeof httpEvent>[0], why: string): InvalidCase => ({
    inv: { shape: 'http-json', event: httpEvent(o), http: true },
    why,
  });
  return fc.oneof(
    fc
      .oneof(
        fc.constantFrom('GET', 'PUT', 'PATCH', 'HEAD', 'OPTIONS', 'TRACE', 'CONNECT', '', 'POST ', 'DELET'),
        fc.string({ maxLength: 8 }).filter((m) => !['POST', 'DELETE'].includes(m.toUpperCase())),
      )
      .map((method) => http({ method, body: text }, `method ${JSON.stringify(method)}`)),
    fc
      .constantFrom(
        'text/plain',
        'application/xml',
        'application/octet-stream',
        'multipart/form-data; boundary=x',
        'text/json',
        'application/jsonp',
        'json',
      )
      // A JSON body is read as JSON whatever its declared type; what else comes under these types is refused.
      .map((contentType) =>
        http({ body: `CasterId=${CASTER}&ResourceId=${POOL[0]}`, contentType }, `content type ${contentType}`),
      ),
    fc
      .tuple(fc.integer({ min: 64 * 1024 - text.length + 20, max: 200_000 }), fc.boolean())
      .map(([pad, base64]) =>
        http({ body: text.replace(/^\{/, `{"pad":"${'x'.repeat(pad)}",`), base64 }, `body of ${pad} bytes`),
      ),
    unreadable.map((t) => http({ body: t }, `unreadable JSON body ${JSON.stringify(t.slice(0, 40))}`)),
    unreadable.map(
      (t) =>
        ({
          inv: { shape: 'payload-buffer', event: Buffer.from(t), http: false },
          why: 'unreadable event bytes',
        }) as InvalidCase,
    ),
    unreadable.map(
      (t) =>
        ({
          inv: { shape: 'cloudevent-string', event: cloudEvent(t), http: false },
          why: 'unreadable CloudEvent data',
        }) as InvalidCase,
    ),
    unreadable.map((t) => {
      const { data: _d, ...envelope } = cloudEvent(null);
      return {
        inv: {
          shape: 'cloudevent-base64',
          event: { ...envelope, data_base64: Buffer.from(t).toString('base64') },
          http: false,
        },
        why: 'unreadable data_base64',
      } as InvalidCase;
    }),
    fc
      .tuple(fc.constantFrom(...POOL), fc.constantFrom(...POOL))
      .filter(([a, b]) => a !== b)
      .map(([a, b]) =>
        http(
          { path: `/casters/${CASTER}/video-resources/${a}`, body: JSON.stringify({ ResourceId: b }) },
          'path and body disagree',
        ),
      ),
    fc.constantFrom('CasterId', 'ResourceId', 'x-noise').map(
      (name): InvalidCase => ({
        inv: {
          shape: 'http-query',
          event: httpEvent({
            contentType: null,
            query: { CasterId: CASTER, ResourceId: POOL[0]!, [name]: [POOL[1]!, POOL[2]!] } as never,
          }),
          http: true,
        },
        why: `${name} twice in the query`,
      }),
    ),
    fc.integer({ min: 1, max: 30 }).map(
      (n): InvalidCase => ({
        inv: encodeEventBatch([
          ...Array.from({ length: n }, (_, i) =>
            obj([
              ['CasterId', CASTER],
              ['ResourceId', POOL[i % POOL.length]!],
            ]),
          ),
          obj([['CasterId', CASTER]]),
        ]),
        why: `a batch of ${n + 1} CloudEvents, the last without its ResourceId`,
      }),
    ),
  );
}

export interface BrokenPayload {
  payload: Json;
  why: string;
  options: EncodeOptions;
}

/** A flat single request broken in a way every carrier keeps: encode it in each of FLAT_SHAPES. */
export const brokenFlatPayload: fc.Arbitrary<BrokenPayload> = fc
  .tuple(validSingle(true), flatBreak, encodeOptions)
  .map(([req, [why, brk], options]) => ({ payload: brk(req.payload), why, options }));

/** A break only JSON can carry, with noise: encode it in each of JSON_SHAPES. */
export const brokenJsonPayload: fc.Arbitrary<BrokenPayload> = fc
  .tuple(jsonBreak, noise(false), encodeOptions)
  .map(([[why, payload], extra, options]) => {
    const withNoise =
      payload !== null && typeof payload === 'object' && !Array.isArray(payload) && !(payload instanceof RawJson)
        ? obj([...Object.keys(payload).map((k): [string, Json] => [k, payload[k]!]), ...extra])
        : payload;
    return { payload: withNoise, why, options };
  });

/**
 * Inputs invalid by construction, in every shape that can carry them: the
 * function must refuse each before any network call.
 */
export const invalidInvocation: fc.Arbitrary<InvalidCase> = fc.oneof(
  fc
    .tuple(brokenFlatPayload, fc.constantFrom(...FLAT_SHAPES))
    .map(([b, shape]) => ({ inv: encode(b.payload, shape, b.options), why: b.why })),
  fc
    .tuple(brokenJsonPayload, fc.constantFrom(...JSON_SHAPES))
    .map(([b, shape]) => ({ inv: encode(b.payload, shape, b.options), why: b.why })),
  // One bad event among good ones: the whole batch is refused.
  fc
    .tuple(fc.array(validSingle(false), { minLength: 1, maxLength: 3 }), jsonBreak, fc.nat())
    .map(([good, [why, bad], at]) => {
      const payloads = good.map((g) => g.payload);
      payloads.splice(at % (payloads.length + 1), 0, bad);
      return { inv: encodeEventBatch(payloads), why: `batch of events with ${why}` };
    }),
  validSingle(false).chain((req) => carrierBreaks(req.payload)),
);
