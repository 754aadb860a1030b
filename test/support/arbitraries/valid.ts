// Valid requests, with what they intend, in every invocation shape.
import fc from 'fast-check';
import { type EncodeOptions, encode, FLAT_SHAPES, JSON_SHAPES, type Shape } from '../../../dev/invocations/encode';
import { type Json, obj } from '../../../dev/invocations/json';
import { ABSENT, CASTER, POOL } from './state';
import { noise, validRegion } from './values';

export const encodeOptions: fc.Arbitrary<EncodeOptions> = fc.record({
  method: fc.constantFrom('POST', 'DELETE', 'post', 'Delete'),
  jsonType: fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'APPLICATION/JSON',
    'application/cloudevents+json',
    null,
  ),
  formType: fc.constantFrom('application/x-www-form-urlencoded', 'application/x-www-form-urlencoded; charset=UTF-8'),
  headerName: fc.constantFrom('content-type', 'Content-Type', 'CONTENT-TYPE'),
  // The REST path is matched from its start (a prefix before it is a 404, tested on its own).
  pathPrefix: fc.constant(''),
  trailingSlash: fc.boolean(),
});

export interface Intended {
  casterId: string;
  resourceId: string;
  dryRun: boolean;
}

export interface ValidRequest {
  payload: Json;
  intended: Intended[];
  /** Only strings at the top level: fit for form, query and path. */
  flat: boolean;
}

const spelling = (name: string) => fc.constantFrom(name, name.charAt(0).toLowerCase() + name.slice(1));
const resourceName = fc.constantFrom(...POOL, ...POOL, ...ABSENT);

/** A valid single request; flat ones hold only strings. */
export const validSingle = (flat: boolean): fc.Arbitrary<ValidRequest> =>
  fc
    .record({
      keys: fc.tuple(spelling('CasterId'), spelling('ResourceId'), spelling('RegionId'), spelling('DryRun')),
      resourceId: resourceName,
      region: fc.option(validRegion, { nil: undefined }),
      dryRun: fc.option(fc.boolean(), { freq: 3, nil: undefined }),
      noise: noise(flat),
      order: fc.boolean(),
    })
    .map(({ keys: [ck, rk, gk, dk], resourceId, region, dryRun, noise: extra, order }) => {
      const fields: Array<[string, Json | undefined]> = [
        [ck, CASTER],
        [rk, resourceId],
        [gk, region],
        [dk, dryRun === undefined ? undefined : flat ? String(dryRun) : dryRun],
      ];
      const entries = order ? [...extra, ...fields] : [...fields, ...extra];
      return { payload: obj(entries), intended: [{ casterId: CASTER, resourceId, dryRun: dryRun ?? false }], flat };
    });

/** `{CasterId, ResourceIds: [..]}`. */
const validResourceIds: fc.Arbitrary<ValidRequest> = fc
  .record({
    keys: fc.tuple(spelling('CasterId'), spelling('ResourceIds'), spelling('DryRun')),
    ids: fc.array(resourceName, { minLength: 1, maxLength: 6 }),
    dryRun: fc.option(fc.boolean(), { nil: undefined }),
    region: fc.option(validRegion, { nil: undefined }),
    noise: noise(false),
  })
  .map(({ keys: [ck, rk, dk], ids, dryRun, region, noise: extra }) => ({
    payload: obj([[ck, CASTER], [rk, ids], [dk, dryRun], ['RegionId', region], ...extra]),
    intended: ids.map((resourceId) => ({ casterId: CASTER, resourceId, dryRun: dryRun ?? false })),
    flat: false,
  }));

/** `{Items: [{CasterId, ResourceId}, ..]}`, or the bare list; the caster may be stated once on top. */
const validItems: fc.Arbitrary<ValidRequest> = fc
  .record({
    itemsKey: spelling('Items'),
    casterOnTop: fc.boolean(),
    bare: fc.boolean(),
    items: fc.array(
      fc.record({
        resourceId: resourceName,
        dryRun: fc.option(fc.boolean(), { freq: 3, nil: undefined }),
        noise: noise(false),
      }),
      {
        minLength: 1,
        maxLength: 6,
      },
    ),
    noise: noise(false),
  })
  .map(({ itemsKey, casterOnTop, bare, items, noise: extra }) => {
    const onTop = casterOnTop && !bare;
    const list = items.map((i) =>
      obj([
        [onTop ? 'x-unused' : 'CasterId', onTop ? undefined : CASTER],
        ['ResourceId', i.resourceId],
        ['DryRun', i.dryRun],
        ...i.noise,
      ]),
    );
    const payload: Json = bare
      ? list
      : obj([[onTop ? 'CasterId' : 'x-none', onTop ? CASTER : undefined], [itemsKey, list], ...extra]);
    return {
      payload,
      intended: items.map((i) => ({ casterId: CASTER, resourceId: i.resourceId, dryRun: i.dryRun ?? false })),
      flat: false,
    };
  });

export const validRequest: fc.Arbitrary<ValidRequest> = fc.oneof(
  { arbitrary: validSingle(true), weight: 3 },
  { arbitrary: validSingle(false), weight: 2 },
  { arbitrary: validResourceIds, weight: 2 },
  { arbitrary: validItems, weight: 2 },
);

/** A valid request in a shape that can carry it. */
export const validInvocation = fc.tuple(validRequest, fc.nat(), encodeOptions).map(([req, pick, options]) => {
  const shapes: readonly Shape[] = req.flat ? FLAT_SHAPES : JSON_SHAPES;
  return { req, inv: encode(req.payload, shapes[pick % shapes.length]!, options) };
});
