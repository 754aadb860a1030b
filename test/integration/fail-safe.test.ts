// Properties of the function's first promises, over the built bundle in every
// invocation shape: a DryRun that is not a clear false never deletes; an
// `already_absent` answer names a resource that really is gone; no request
// reaches Live after the invocation has answered.
import fc from 'fast-check';
import { encode, FLAT_SHAPES, JSON_SHAPES } from '../../dev/invocations/encode';
import { type Json, obj } from '../../dev/invocations/json';
import { CASTER, PROPERTY_SEED } from '../support/arbitraries/state';
import { encodeOptions, validInvocation, validRequest } from '../support/arbitraries/valid';
import { useLive } from '../support/harness';
import { deleteRequests, runFresh } from '../support/property-checks';

const live = useLive({ LIVE_QPS: '100000' });

const clearFalse = (v: unknown) => v === false || v === 0 || (typeof v === 'string' && /^(false|0|no)$/i.test(v));

/** Text a query, form or path may carry for DryRun: anything but a clear false. */
const notFalseText = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'true',
    'TRUE',
    '1',
    'yes',
    ' false',
    'false ',
    'False!',
    'off',
    'n',
    'null',
    'undefined',
    '[false]',
  ),
  fc.string({ maxLength: 8 }).filter((s) => !clearFalse(s)),
);
/** Any JSON value but a clear false. */
const notFalseJson: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(true, 1, null, '', ' ', 2, -1, 0.5, [], {}, [false], { value: false }, 'maybe'),
  notFalseText,
  (fc.jsonValue() as fc.Arbitrary<Json>).filter((v) => !clearFalse(v)),
);

/** A valid single request whose DryRun (top level, or each item's) is set to `value`. */
function withDryRun(payload: Json, value: Json): Json {
  if (Array.isArray(payload)) return payload.map((item) => withDryRun(item, value));
  if (payload === null || typeof payload !== 'object') return payload;
  const record = payload as Record<string, Json>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === 'dryrun') ?? 'DryRun';
  const kept = Object.keys(record)
    .filter((k) => k !== key && k.toLowerCase() !== 'dryrun')
    .map((k): [string, Json] => [k, record[k]]);
  const items = kept.find(([k]) => k.toLowerCase() === 'items');
  if (items && Array.isArray(items[1])) items[1] = items[1].map((item) => withDryRun(item, value));
  return obj([...kept, [key, value]]);
}

describe('fail-safe (property, built bundle)', () => {
  it('a DryRun that is not a clear false sends no DELETE, in every shape', async () => {
    await fc.assert(
      fc.asyncProperty(
        validRequest,
        fc.nat(),
        encodeOptions,
        notFalseJson,
        notFalseText,
        async (req, pick, options, json, text) => {
          const shapes = req.flat ? FLAT_SHAPES : JSON_SHAPES;
          const shape = shapes[pick % shapes.length]!;
          const flatShape = !JSON_SHAPES.includes(shape);
          const inv = encode(withDryRun(req.payload, flatShape ? text : json), shape, options);
          await runFresh(live, inv);
          const deletes = deleteRequests(live.emulator.requests);
          if (deletes.length > 0)
            throw new Error(
              `${shape}: DryRun ${JSON.stringify(flatShape ? text : json)} sent ${deletes.length} DELETE(s)`,
            );
        },
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
  });

  it('a DryRun beside a wrapped message stays a dry run, whatever key wraps it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('body', 'Message', 'value', 'payload', 'messageBody'),
        fc.constantFrom<Json>(true, 'true', 1),
        fc.constantFrom('payload-buffer', 'cloudevent-object', 'http-json', 'cloudevent-batch') as fc.Arbitrary<
          (typeof FLAT_SHAPES)[number]
        >,
        async (key, dryRun, shape) => {
          const message = JSON.stringify({ CasterId: CASTER, ResourceId: PROPERTY_SEED.casters[CASTER][0] });
          await runFresh(
            live,
            encode(
              obj([
                ['DryRun', dryRun],
                [key, message],
              ]),
              shape,
            ),
          );
          expect(deleteRequests(live.emulator.requests)).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('every already_absent names a resource that is absent from Live afterwards', async () => {
    let absent = 0;
    await fc.assert(
      fc.asyncProperty(validInvocation, async ({ inv }) => {
        const out = await runFresh(live, inv);
        const result = (out.answer ? JSON.parse(out.answer.body) : out.result) as { results?: unknown[] };
        for (const r of (result.results ?? [result]) as Array<{
          outcome?: string;
          casterId: string;
          resourceId: string;
        }>) {
          if (r.outcome !== 'already_absent') continue;
          absent += 1;
          expect(live.emulator.resources(r.casterId) ?? []).not.toContain(r.resourceId);
        }
      }),
      { numRuns: 200 },
    );
    expect(absent).toBeGreaterThan(20);
  });

  it('no request reaches Live after the invocation has answered', async () => {
    await fc.assert(
      fc.asyncProperty(validInvocation, async ({ inv }) => {
        await runFresh(live, inv);
        const answeredAt = Date.now();
        await new Promise((resolve) => setTimeout(resolve, 25));
        const late = live.emulator.requests.filter((r) => r.time > answeredAt);
        if (late.length > 0) throw new Error(`${inv.shape}: ${late.length} request(s) after the answer`);
      }),
      { numRuns: 60 },
    );
  });
});
