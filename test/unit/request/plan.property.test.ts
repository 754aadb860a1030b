// Properties of the event reader and validation on their own (sources, no
// network), over any JavaScript value a local tool or a test might pass, not
// only JSON: null prototypes, boxed values, typed arrays, sparse arrays,
// __proto__ / constructor keys. Many runs are cheap here.
import fc from 'fast-check';
import { jsonText, stringsIn } from '../../../dev/invocations/json';
import { openInvocation, recognise } from '../../../functions/delete-caster-video-resource/delivery/recognise';
import { MAX_LISTED_PROBLEMS } from '../../../functions/delete-caster-video-resource/errors';
import { httpRecord, invocationBody } from '../../../functions/delete-caster-video-resource/request/http';
import { planWork } from '../../../functions/delete-caster-video-resource/request/plan';
import type { LiveWork, Records, RefusedWork } from '../../../functions/delete-caster-video-resource/types';
import { requestishJson } from '../../support/arbitraries/arbitrary';

const ID = /^[A-Za-z0-9_.:-]{1,128}$/;

const anyValue = fc.anything({
  withNullPrototype: true,
  withObjectString: true,
  withBoxedValues: true,
  withTypedArray: true,
  withSparseArray: true,
  withMap: true,
  withSet: true,
  withDate: true,
  withBigInt: true,
  maxDepth: 4,
});

/** Reads, validates and plans as the handler does: the items to run, the refused ones, or the request's refusal. */
function readAndValidate(event: unknown): { items: LiveWork[]; refused: RefusedWork[] } | { error: unknown } {
  const delivery = recognise(event);
  try {
    const records: Records =
      delivery.kind === 'http'
        ? { shape: 'single', record: httpRecord(delivery.request) }
        : delivery.kind === 'invoke'
          ? openInvocation(invocationBody(delivery.request))
          : delivery.records;
    const limits = delivery.kind === 'event' ? 'delivery' : 'request';
    const plan = planWork(records, { limits, defaultRegion: 'cn-shanghai', allowedCasterIds: undefined });
    const work = plan.shape === 'single' ? [plan.work] : plan.work;
    return {
      items: work.filter((w): w is LiveWork => w.kind === 'live'),
      refused: work.filter((w): w is RefusedWork => w.kind === 'refused'),
    };
  } catch (err) {
    return { error: err };
  }
}

function assertSound(event: unknown, outcome: ReturnType<typeof readAndValidate>): void {
  if ('error' in outcome) {
    // Refusals are the function's own errors (400/404/405/413/415), with a bounded list of problems.
    const e = outcome.error as { status?: number; details?: unknown[] };
    if (!(e instanceof Error) || ![400, 404, 405, 413, 415].includes(e.status ?? 0)) {
      throw new Error(`not a caller error: ${String(outcome.error)}`);
    }
    if ((e.details?.length ?? 0) > MAX_LISTED_PROBLEMS + 1) throw new Error(`${e.details?.length} problems listed`);
    return;
  }
  const named = stringsIn(event);
  for (const { item } of outcome.items) {
    if (!ID.test(item.casterId) || !ID.test(item.resourceId))
      throw new Error(`accepted an invalid ID: ${JSON.stringify(item)}`);
    if (!named.has(item.casterId) || !named.has(item.resourceId)) {
      throw new Error(`accepted IDs the input never named: ${JSON.stringify(item)}`);
    }
  }
  for (const w of outcome.refused) {
    // Each refusal is bounded.
    if (w.error.details.length > MAX_LISTED_PROBLEMS + 1) throw new Error(`${w.error.details.length} problems listed`);
  }
  if (outcome.items.length + outcome.refused.length === 0) throw new Error('no result for the event');
}

describe('event reader and validation (property, sources)', () => {
  afterEach(() => {
    // Nothing read a hostile key as a setter of Object.prototype.
    expect(Object.prototype).not.toHaveProperty('CasterId');
    expect(Object.prototype).not.toHaveProperty('ResourceId');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never throws for any JavaScript value, and accepts only valid IDs the value named', () => {
    fc.assert(
      fc.property(anyValue, (event) => {
        assertSound(event, readAndValidate(event));
      }),
      { numRuns: 1500 },
    );
  });

  it('never throws for request-like JSON, parsed or as bytes', () => {
    fc.assert(
      fc.property(requestishJson, fc.boolean(), (json, asBytes) => {
        const text = jsonText(json);
        const event = asBytes ? Buffer.from(text) : JSON.parse(text);
        assertSound(event, readAndValidate(event));
      }),
      { numRuns: 1500 },
    );
  });

  it('accepts {CasterId, ResourceId} exactly when both follow the ID rule', () => {
    const id = fc.oneof(
      fc.stringMatching(ID),
      fc.string({ unit: 'binary', maxLength: 140 }),
      fc.constantFrom('', 'a'.repeat(128), 'a'.repeat(129), 'a/b', 'a b', '..', ':'),
    );
    fc.assert(
      fc.property(id, id, (casterId, resourceId) => {
        const outcome = readAndValidate({ CasterId: casterId, ResourceId: resourceId });
        expect('items' in outcome && outcome.items.length === 1).toBe(ID.test(casterId) && ID.test(resourceId));
      }),
      { numRuns: 1500 },
    );
  });

  it('HTTP-shaped events with any value in any envelope field are read without throwing', () => {
    const field = fc.constantFrom('rawPath', 'headers', 'queryParameters', 'body', 'isBase64Encoded');
    fc.assert(
      fc.property(
        fc.dictionary(field, anyValue),
        fc.constantFrom('POST', 'DELETE'),
        anyValue,
        (fields, method, path) => {
          const event = { ...fields, requestContext: { http: { method, path } } };
          assertSound(event, readAndValidate(event));
        },
      ),
      { numRuns: 1500 },
    );
  });
});
