// The invocations of one load run: every invocation shape (HTTP trigger JSON,
// form, query, REST path, base64; FC 2.0; CloudEvent object, string, base64,
// batch; plain payloads single and batch; dry runs), plus refused ones
// (invalid input, a caster outside ALLOWED_CASTER_IDS) and an unknown caster.
// Drawn from a seeded generator, so a seed names a workload.

import { encode, encodeEventBatch, type Invocation, type Shape } from '../../../dev/invocations/encode';
import { type Json, obj } from '../../../dev/invocations/json';
import type { Seed } from '../../../dev/live-emulator';

export const LOAD_CASTERS = Array.from({ length: 8 }, (_, i) => `LIVEPRODUCER_POST-load-${i}`);
/** In Live, but not in ALLOWED_CASTER_IDS: nothing of it may ever be sent or deleted. */
export const FORBIDDEN_CASTER = 'LIVEPRODUCER_POST-load-forbidden';
/** Allowed, but not in Live: answers InvalidCaster.NotFound. */
export const GHOST_CASTER = 'LIVEPRODUCER_POST-load-ghost';
/** Named only by invalid invocations: never sent. */
export const INVALID_MARK = 'LIVEPRODUCER_POST-load-invalid';
export const RESOURCES_PER_CASTER = 300;

export const resourceName = (i: number) => `res-${String(i).padStart(3, '0')}`;

export function loadSeed(): Seed {
  const ids = (n: number) => Array.from({ length: n }, (_, i) => resourceName(i));
  return {
    casters: {
      ...Object.fromEntries(LOAD_CASTERS.map((c) => [c, ids(RESOURCES_PER_CASTER)])),
      [FORBIDDEN_CASTER]: ids(50),
    },
  };
}

export const ALLOWED_CASTER_IDS = [...LOAD_CASTERS, GHOST_CASTER].join(',');

export interface NamedItem {
  casterId: string;
  resourceId: string;
  dryRun: boolean;
}

export interface Planned {
  index: number;
  /** The workload kind, e.g. "http-path" or "event-batch". */
  kind: string;
  inv: Invocation;
  timeoutSeconds: number;
  /** What a valid invocation asks for. */
  named: NamedItem[];
  /** Refused before any network call: invalid by construction. */
  invalid: boolean;
  /** Names a caster outside ALLOWED_CASTER_IDS. */
  forbidden: boolean;
}

/** mulberry32: small, fast, seedable. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Maker = (r: Rng) => Omit<Planned, 'index' | 'timeoutSeconds'>;

class Rng {
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

const MAKERS: Array<[number, Maker]> = [
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

/** `count` invocations drawn from the seed, with function timeouts from `timeouts` (seconds). */
export function planWorkload(count: number, seed: number, timeouts: readonly number[]): Planned[] {
  const r = new Rng(seededRandom(seed));
  const total = MAKERS.reduce((sum, [w]) => sum + w, 0);
  return Array.from({ length: count }, (_, index) => {
    let ticket = r.next() * total;
    let maker = MAKERS[0]![1];
    for (const [weight, make] of MAKERS) {
      ticket -= weight;
      maker = make;
      if (ticket < 0) break;
    }
    return { index, timeoutSeconds: r.pick(timeouts), ...maker(r) };
  });
}
