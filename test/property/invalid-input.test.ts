// Property: input that is invalid by construction, in every invocation shape,
// is answered with a caller error in the SPEC shape, one log line, no throw,
// and not a single request to Live (the built bundle against the emulator).
import fc from 'fast-check';
import { useLive } from '../support/harness';
import {
  brokenFlatPayload,
  brokenJsonPayload,
  encode,
  FLAT_SHAPES,
  invalidInvocation,
  JSON_SHAPES,
  type Invocation,
  type Shape,
} from '../support/invocations';
import { assertAnswered, assertOneLogLine, runFresh } from '../support/property-checks';
import { CALLER_ERROR_CODES } from '../../scripts/local/result-shape';

const live = useLive({ LIVE_QPS: '100000' });

async function expectRefused(inv: Invocation, why: string): Promise<string> {
  const label = `${inv.shape}: ${why}`;
  const out = await runFresh(live, inv);
  if (out.thrown) throw new Error(`${label}: threw ${String((out.thrown as Error).message)}`);
  assertAnswered(out, inv, label);
  const result = out.result;
  if (result.ok !== false || 'results' in result || !CALLER_ERROR_CODES.has(result.error.code)) {
    throw new Error(`${label}: expected a caller error, got ${JSON.stringify(result).slice(0, 400)}`);
  }
  if (live.emulator.requests.length > 0) throw new Error(`${label}: sent ${live.emulator.requests.length} request(s) to Live`);
  const line = assertOneLogLine(live, out.invocationId, label);
  if (line.errorCode !== result.error.code) throw new Error(`${label}: log line says ${String(line.errorCode)}`);
  return result.error.code;
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
    expect([...codes].sort()).toEqual(['InvalidRequest', 'MethodNotAllowed', 'PayloadTooLarge', 'UnsupportedMediaType']);
  });
});
