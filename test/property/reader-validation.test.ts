// Properties of the event reader and validation on their own (sources, no
// network), over any JavaScript value a local tool or a test might pass, not
// only JSON: null prototypes, boxed values, typed arrays, sparse arrays,
// __proto__ / constructor keys. Many runs are cheap here.
import fc from 'fast-check';
import { planWork, type Work } from '../../functions/delete-caster-video-resource/batch/records';
import { readHttpRequest } from '../../functions/delete-caster-video-resource/delivery/http-request';
import { readDelivery, readInvocation } from '../../functions/delete-caster-video-resource/delivery/recognise';
import { MAX_LISTED_PROBLEMS } from '../../functions/delete-caster-video-resource/errors';
import { jsonText, requestishJson, stringsIn } from '../support/invocations';

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

/** Reads, validates and plans like the handler does: the items to run, the refused ones, or the request's refusal. */
function readAndValidate(event: unknown): { items?: Work[]; refused?: Work[]; error?: unknown } {
  const delivery = readDelivery(event);
  let plan;
  try {
    const read =
      delivery.kind === 'http'
        ? { records: [{ payload: readHttpRequest(delivery.event) }], batch: false, http: true }
        : delivery.kind === 'invoke'
          ? { ...readInvocation(delivery.event), http: true }
          : { ...delivery, http: false };
    plan = planWork(read.records, read.batch, 'cn-shanghai', undefined, read.http);
  } catch (err) {
    return { error: err };
  }
  return { items: plan.work.filter((w) => !w.error), refused: plan.work.filter((w) => w.error) };
}

function assertSound(event: unknown, outcome: ReturnType<typeof readAndValidate>): void {
  if (outcome.error !== undefined) {
    // Refusals are the function's own errors (400/404/405/413/415), with a bounded list of problems.
    const e = outcome.error as { status?: number; details?: unknown[] };
    if (!(e instanceof Error) || ![400, 404, 405, 413, 415].includes(e.status ?? 0))
      throw new Error(`not a caller error: ${String(outcome.error)}`);
    if ((e.details?.length ?? 0) > MAX_LISTED_PROBLEMS + 1) throw new Error(`${e.details!.length} problems listed`);
    return;
  }
  const named = stringsIn(event);
  for (const { item } of outcome.items!) {
    if (!item || !ID.test(item.casterId) || !ID.test(item.resourceId))
      throw new Error(`accepted an invalid ID: ${JSON.stringify(item)}`);
    if (!named.has(item.casterId) || !named.has(item.resourceId))
      throw new Error(`accepted IDs the input never named: ${JSON.stringify(item)}`);
  }
  for (const w of outcome.refused!) {
    // Each refusal is the record's own, bounded, and never an item to run.
    if (w.item && w.error!.code !== 'CasterNotAllowed') throw new Error(`refused item kept: ${JSON.stringify(w)}`);
    if (w.error!.details.length > MAX_LISTED_PROBLEMS + 1)
      throw new Error(`${w.error!.details.length} problems listed`);
  }
  if (outcome.items!.length + outcome.refused!.length === 0) throw new Error('no result for the event');
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
        expect(outcome.items?.length === 1).toBe(ID.test(casterId) && ID.test(resourceId));
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
