// Property: input that is invalid by construction, in every invocation shape,
// is answered with a caller error in the README's shape, one log line, no throw,
// and no request to Live for what was invalid (the built bundle against the
// emulator). In a batch the invalid records get their own failures and the
// valid ones still run: Live sees only what succeeded.
import fc from 'fast-check';
import { encode, FLAT_SHAPES, type Invocation, JSON_SHAPES, type Shape } from '../../dev/invocations/encode';
import { CALLER_ERROR_CODES } from '../../dev/result-shape';
import { brokenFlatPayload, brokenJsonPayload, invalidInvocation } from '../support/arbitraries/invalid';
import { useLive } from '../support/harness';
import { assertAnswered, assertOneLogLine, runFresh } from '../support/property-checks';

const live = useLive({ LIVE_QPS: '100000' });

async function expectRefused(inv: Invocation, why: string): Promise<string> {
  const label = `${inv.shape}: ${why}`;
  const out = await runFresh(live, inv);
  if (out.thrown) throw new Error(`${label}: threw ${String((out.thrown as Error).message)}`);
  assertAnswered(out, inv, label);
  const result = out.result;
  if ('results' in result) return expectRecordRefused(result, label);
  if (result.ok !== false || !CALLER_ERROR_CODES.has(result.error.code)) {
    throw new Error(`${label}: expected a caller error, got ${JSON.stringify(result).slice(0, 400)}`);
  }
  if (live.emulator.requests.length > 0)
    throw new Error(`${label}: sent ${live.emulator.requests.length} request(s) to Live`);
  const line = assertOneLogLine(live, out.invocationId, label);
  if (line.errorCode !== result.error.code) throw new Error(`${label}: log line says ${String(line.errorCode)}`);
  return result.error.code;
}

/** A batch: some record refused as a caller error, and Live asked only about the records that succeeded. */
function expectRecordRefused(result: any, label: string): string {
  const refused = result.results.filter((r: any) => !r.ok && CALLER_ERROR_CODES.has(r.error.code));
  if (refused.length === 0) throw new Error(`${label}: no record refused in ${JSON.stringify(result).slice(0, 400)}`);
  const ok = result.results.filter((r: any) => r.ok);
  for (const req of live.emulator.requests) {
    const named = ok.some(
      (r: any) =>
        r.casterId === req.query.CasterId &&
        (req.query.ResourceId === undefined || r.resourceId === req.query.ResourceId),
    );
    if (!named) throw new Error(`${label}: sent ${JSON.stringify(req.query)}, which no successful record named`);
  }
  return refused[0].error.code;
}

describe('invalid input never reaches Live (property, built bundle)', () => {
  it('a flat request broken in a way every carrier keeps is refused in each of the 14 shapes', async () => {
    const shapesSeen = new Set<Shape>();
    await fc.assert(
      fc.asyncProperty(brokenFlatPayload, async ({ payload, why, options }) => {
        for (const shape of FLAT_SHAPES) {
          await expectRefused(encode(payload, shape, options), why);
          shapesSeen.add(shape);
        }
      }),
      { numRuns: 60 },
    );
    expect([...shapesSeen].sort()).toEqual([...FLAT_SHAPES].sort());
  });

  it('wrong types, broken batches, prototype keys, deep nesting and huge values are refused in every JSON shape', async () => {
    await fc.assert(
      fc.asyncProperty(brokenJsonPayload, async ({ payload, why, options }) => {
        for (const shape of JSON_SHAPES) await expectRefused(encode(payload, shape, options), why);
      }),
      { numRuns: 60 },
    );
  });

  it('bad methods, content types, sizes, unreadable JSON, conflicting places and bad batches are refused', async () => {
    const codes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(invalidInvocation, async ({ inv, why }) => {
        codes.add(await expectRefused(inv, why));
      }),
      { numRuns: 250 },
    );
    expect([...codes].sort()).toEqual([
      'InvalidRequest',
      'MethodNotAllowed',
      'PayloadTooLarge',
      'UnsupportedMediaType',
    ]);
  });
});
