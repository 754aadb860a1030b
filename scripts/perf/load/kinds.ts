// The kinds of invocation a load run draws from, with their weights: every
// shape, valid or refused by construction.
import { encode, encodeEventBatch, type Shape } from '../../../dev/invocations/encode';
import { type Json, obj } from '../../../dev/invocations/json';
import {
  FORBIDDEN_CASTER,
  GHOST_CASTER,
  INVALID_MARK,
  LOAD_CASTERS,
  type NamedItem,
  type Planned,
  RESOURCES_PER_CASTER,
  resourceName,
} from './seed';

type Maker = (r: Rng) => Omit<Planned, 'index' | 'timeoutSeconds'>;

export class Rng {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  caster(): string {
    return this.pick(LOAD_CASTERS);
  }
  /** Mostly seeded resources (repeats make already_absent), sometimes one Live never had. */
  resource(): string {
    return this.chance(0.05) ? `res-absent-${this.int(0, 999)}` : resourceName(this.int(0, RESOURCES_PER_CASTER - 1));
  }
}

const single = (c: string, r: string, dryRun = false): Json =>
  obj([
    ['CasterId', c],
    ['ResourceId', r],
    ['DryRun', dryRun || undefined],
  ]);

function valid(
  kind: string,
  payload: Json,
  shape: Shape,
  named: NamedItem[],
  r: Rng,
): Omit<Planned, 'index' | 'timeoutSeconds'> {
  const method = shape === 'http-path' ? 'DELETE' : r.pick(['POST', 'DELETE']);
  return {
    kind,
    inv: encode(payload, shape, {
      method,
      jsonType: 'application/json',
      formType: 'application/x-www-form-urlencoded',
      headerName: 'content-type',
      pathPrefix: '',
      trailingSlash: false,
    }),
    named,
    invalid: false,
    forbidden: false,
  };
}

function singleOf(kind: string, shape: Shape): Maker {
  return (r) => {
    const item = { casterId: r.caster(), resourceId: r.resource(), dryRun: false };
    return valid(kind, single(item.casterId, item.resourceId), shape, [item], r);
  };
}

export const MAKERS: Array<[number, Maker]> = [
  [12, singleOf('http-json', 'http-json')],
  [8, singleOf('http-path', 'http-path')],
  [5, singleOf('http-form', 'http-form')],
  [4, singleOf('http-query', 'http-query')],
  [3, singleOf('http-json-base64', 'http-json-base64')],
  [4, singleOf('fc2-json', 'fc2-json')],
  [2, singleOf('fc2-form', 'fc2-form')],
  [10, singleOf('event', 'cloudevent-object')],
  [5, singleOf('event-data-string', 'cloudevent-string')],
  [3, singleOf('event-data-base64', 'cloudevent-base64')],
  [8, singleOf('payload', 'payload-buffer')],
  [
    5,
    (r) => {
      const casterId = r.caster();
      const items = Array.from({ length: r.int(2, 5) }, () => ({ casterId, resourceId: r.resource(), dryRun: false }));
      return valid(
        'http-batch',
        obj([['Items', items.map((i) => single(i.casterId, i.resourceId))]]),
        'http-json',
        items,
        r,
      );
    },
  ],
  [
    8,
    (r) => {
      const payloads: Json[] = [];
      const named: NamedItem[] = [];
      for (let e = r.int(2, 4); e > 0; e -= 1) {
        const casterId = r.caster();
        if (r.chance(0.5)) {
          const ids = Array.from({ length: r.int(1, 3) }, () => r.resource());
          payloads.push(
            obj([
              ['CasterId', casterId],
              ['ResourceIds', ids],
            ]),
          );
          named.push(...ids.map((resourceId) => ({ casterId, resourceId, dryRun: false })));
        } else {
          const resourceId = r.resource();
          payloads.push(single(casterId, resourceId));
          named.push({ casterId, resourceId, dryRun: false });
        }
      }
      return { kind: 'event-batch', inv: encodeEventBatch(payloads), named, invalid: false, forbidden: false };
    },
  ],
  [
    6,
    (r) => {
      const casterId = r.caster();
      const ids = Array.from({ length: r.int(2, 6) }, () => r.resource());
      return valid(
        'payload-batch',
        obj([
          ['CasterId', casterId],
          ['ResourceIds', ids],
        ]),
        'payload-object',
        ids.map((resourceId) => ({ casterId, resourceId, dryRun: false })),
        r,
      );
    },
  ],
  [
    3,
    (r) => {
      const items = Array.from({ length: r.int(2, 4) }, () => ({
        casterId: r.caster(),
        resourceId: r.resource(),
        dryRun: false,
      }));
      return valid(
        'payload-items',
        obj([['Items', items.map((i) => single(i.casterId, i.resourceId))]]),
        'payload-string',
        items,
        r,
      );
    },
  ],
  [
    6,
    (r) => {
      const item = { casterId: r.caster(), resourceId: r.resource(), dryRun: true };
      return valid(
        'dry-run',
        single(item.casterId, item.resourceId, true),
        r.pick(['payload-buffer', 'http-json', 'cloudevent-object'] as Shape[]),
        [item],
        r,
      );
    },
  ],
  [
    4,
    (r) => {
      const bad = r.pick([
        obj([
          ['CasterId', INVALID_MARK],
          ['ResourceId', 'bad/../id'],
        ]),
        obj([['CasterId', INVALID_MARK]]),
        obj([
          ['CasterId', INVALID_MARK],
          ['ResourceIds', []],
        ]),
        obj([
          [
            'Items',
            [
              single(INVALID_MARK, 'ok-id'),
              obj([
                ['CasterId', INVALID_MARK],
                ['ResourceId', 42],
              ]),
            ],
          ],
        ]),
        obj([['__proto__', single(INVALID_MARK, 'proto-id')]]),
      ]);
      const shape = r.pick([
        'http-json',
        'payload-buffer',
        'cloudevent-object',
        'cloudevent-batch',
        'fc2-json',
      ] as Shape[]);
      const inv = r.chance(0.2)
        ? { ...encode(single(INVALID_MARK, 'get-id'), 'http-path'), shape: 'http-path' as Shape }
        : encode(bad, shape);
      if (inv.shape === 'http-path' && inv.event)
        (inv.event as { requestContext: { http: { method: string } } }).requestContext.http.method = 'GET';
      return { kind: 'invalid', inv, named: [], invalid: true, forbidden: false };
    },
  ],
  [
    2,
    (r) => {
      const resourceId = resourceName(r.int(0, 49));
      const shape = r.pick(['http-json', 'payload-buffer'] as Shape[]);
      return {
        kind: 'forbidden-caster',
        inv: encode(single(FORBIDDEN_CASTER, resourceId), shape),
        named: [],
        invalid: false,
        forbidden: true,
      };
    },
  ],
  [
    2,
    (r) => {
      const item = { casterId: GHOST_CASTER, resourceId: r.resource(), dryRun: false };
      return valid(
        'unknown-caster',
        single(item.casterId, item.resourceId),
        r.pick(['http-json', 'cloudevent-object'] as Shape[]),
        [item],
        r,
      );
    },
  ],
];
