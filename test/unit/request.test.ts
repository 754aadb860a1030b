import { planWork } from '../../functions/delete-caster-video-resource/batch/records';
import { readRecord } from '../../functions/delete-caster-video-resource/request/read-items';
import { validateItem } from '../../functions/delete-caster-video-resource/request/validate';

/** Plans one payload as a single record, as the handler does for a plain event. */
function plan(
  payload: unknown,
  { region = 'cn-shanghai' as string | undefined, allowed = undefined as Set<string> | undefined } = {},
) {
  return planWork([{ payload }], false, region, allowed, false);
}
const items = (payload: unknown) => plan(payload).work.map((w) => w.item);
const problems = (payload: unknown) =>
  plan(payload).work.flatMap((w) => (w.error ? (w.error.details as Array<{ field: string; problem: string }>) : []));

describe('request reading and validation', () => {
  it('accepts the fields in any letter case', () => {
    expect(items({ CASTERID: 'c-1', resourceid: 'r-1', regionId: 'cn-beijing', dryrun: true })).toEqual([
      { casterId: 'c-1', resourceId: 'r-1', regionId: 'cn-beijing', dryRun: true },
    ]);
  });

  it('refuses the same field spelt twice with different values', () => {
    expect(problems({ CasterId: 'a', casterid: 'b', ResourceId: 'r' })).toEqual([
      expect.objectContaining({ field: 'CasterId' }),
    ]);
  });

  it.each([
    [true, true],
    [false, false],
    ['true', true],
    ['FALSE', false],
    [1, true],
    [0, false],
    ['1', true],
    ['0', false],
    ['yes', true],
    ['No', false],
  ])('reads DryRun %p as %p', (given, expected) => {
    expect(items({ CasterId: 'c', ResourceId: 'r', DryRun: given })[0]?.dryRun).toBe(expected);
  });

  it('refuses a DryRun it cannot read rather than deleting', () => {
    expect(problems({ CasterId: 'c', ResourceId: 'r', DryRun: 'maybe' })).toEqual([
      { field: 'DryRun', problem: 'must be true or false' },
    ]);
  });

  it('refuses a misspelt field, naming the closest accepted name', () => {
    expect(problems({ CasterId: 'c', ResourceId: 'r', DryRn: true })).toEqual([
      { field: 'DryRn', problem: 'is not a known field; did you mean DryRun?' },
    ]);
    expect(problems({ CasterId: 'c', Resource_Id: 'r' })[0]).toEqual({
      field: 'Resource_Id',
      problem: 'is not a known field; did you mean ResourceId?',
    });
    expect(problems({ CasterId: 'c', ResourceId: 'r', Items: [], Item: [] })).toContainEqual({
      field: 'Item',
      problem: 'is not a known field; did you mean Items?',
    });
  });

  it('leaves keys unlike any field alone (a pipeline may add its own metadata)', () => {
    expect(items({ CasterId: 'c', ResourceId: 'r', requestedBy: 'ops', __proto__x: 1 })).toEqual([
      { casterId: 'c', resourceId: 'r', regionId: 'cn-shanghai', dryRun: false },
    ]);
  });

  it('echoes the ID that was given when the other one is missing', () => {
    const [w] = plan({ CasterId: 'c-1' }).work;
    expect([w.casterId, w.resourceId, w.error?.code]).toEqual(['c-1', null, 'InvalidRequest']);
  });

  it('reads ResourceIds and Items in order, Items taking top-level fields as defaults', () => {
    expect(
      items({ CasterId: 'c', ResourceIds: ['r2', 'r1'], DryRun: 'true' }).map((i) => [i?.resourceId, i?.dryRun]),
    ).toEqual([
      ['r2', true],
      ['r1', true],
    ]);
    expect(
      items({ CasterId: 'c', Items: [{ ResourceId: 'a' }, { CasterId: 'c', resourceId: 'b' }] }).map((i) => [
        i?.casterId,
        i?.resourceId,
      ]),
    ).toEqual([
      ['c', 'a'],
      ['c', 'b'],
    ]);
  });

  it.each([
    ['CasterId', { CasterId: 'c', Items: [{ CasterId: 'd', ResourceId: 'b' }] }],
    ['DryRun', { DryRun: true, Items: [{ CasterId: 'c', ResourceId: 'b', DryRun: false }] }],
    ['RegionId', { RegionId: 'cn-beijing', Items: [{ CasterId: 'c', ResourceId: 'b', RegionId: 'cn-shanghai' }] }],
  ])("refuses an item whose %s differs from the request's", (field, payload) => {
    expect(problems(payload)).toEqual([{ field: `Items[0].${field}`, problem: `differs from the request's ${field}` }]);
  });

  it('refuses only the bad entries of a list, naming each with its place', () => {
    const { work, batch } = plan({
      Items: [{ CasterId: 'c', ResourceId: 'ok' }, { CasterId: 'c', ResourceId: 'bad id!' }, 7],
    });
    expect(batch).toBe(true);
    expect(work.map((w) => [w.index, w.item?.resourceId ?? null, w.error?.details])).toEqual([
      [0, 'ok', undefined],
      [1, null, [{ field: 'Items[1].ResourceId', problem: expect.stringMatching(/letters, digits/) }]],
      [2, null, [{ field: 'Items[2]', problem: expect.stringMatching(/object/) }]],
    ]);
  });

  it('requires both IDs and checks their type, length and characters', () => {
    expect(problems({})).toEqual([
      { field: 'CasterId', problem: 'is required' },
      { field: 'ResourceId', problem: 'is required' },
    ]);
    expect(problems({ CasterId: 12, ResourceId: ['r'] }).map((p) => p.problem)).toEqual([
      'must be a string (got number)',
      'must be a string (got array)',
    ]);
    expect(items({ CasterId: 'x'.repeat(128), ResourceId: 'a_b.c:d-e' })).toHaveLength(1);
    expect(problems({ CasterId: 'x'.repeat(129), ResourceId: 'r' })[0].problem).toMatch(/at most 128/);
    expect(problems({ CasterId: 'c/../d', ResourceId: 'r' })[0].field).toBe('CasterId');
    expect(problems({ CasterId: 'c', ResourceId: 'r', RegionId: 'Shanghai!' })[0].field).toBe('RegionId');
  });

  it('holds a list to 100 items and refuses an empty one, as one invalid record', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `r${i}`);
    expect(items({ CasterId: 'c', ResourceIds: ids(100) })).toHaveLength(100);
    expect(readRecord({ CasterId: 'c', ResourceIds: ids(101) }).problems).toEqual([
      { field: 'ResourceIds', problem: 'at most 100 items in one request (got 101)' },
    ]);
    expect(readRecord({ CasterId: 'c', ResourceIds: [] }).problems[0].problem).toMatch(/at least one/);
  });

  it('runs the good records of a batch delivery beside a bad one', () => {
    const { work } = planWork(
      [
        { payload: { CasterId: 'c', ResourceId: 'a' }, identity: { id: 'e1' } },
        { payload: 'TEST' },
        { payload: { CasterId: 'c', ResourceIds: ['b', 'c'] } },
      ],
      true,
      'cn-shanghai',
      undefined,
      false,
    );
    expect(work.map((w) => [w.index, w.item?.resourceId ?? w.error?.code, w.identity?.id])).toEqual([
      [0, 'a', 'e1'],
      [1, 'InvalidRequest', undefined],
      [2, 'b', undefined],
      [3, 'c', undefined],
    ]);
  });

  it('never reads inherited or prototype keys as fields', () => {
    const hostile = JSON.parse('{"__proto__": {"CasterId": "evil"}, "constructor": {"ResourceId": "x"}}');
    expect(items(hostile)).toEqual([undefined]);
    expect(({} as Record<string, unknown>).CasterId).toBeUndefined();
  });

  it('resolves the region from the item, else the configured default, else refuses', () => {
    const raw = { at: '', casterId: 'c', resourceId: 'a', problems: [] };
    expect(validateItem({ ...raw, regionId: 'cn-beijing' }, 'cn-shanghai')).toMatchObject({
      ok: true,
      item: { regionId: 'cn-beijing' },
    });
    expect(validateItem(raw, 'cn-shanghai')).toMatchObject({ ok: true, item: { regionId: 'cn-shanghai' } });
    expect(validateItem(raw, undefined)).toMatchObject({ ok: false, error: { code: 'InvalidRequest' } });
  });

  it('refuses a caster outside ALLOWED_CASTER_IDS without dropping the item', () => {
    const [w] = plan({ CasterId: 'other', ResourceId: 'r' }, { allowed: new Set(['mine']) }).work;
    expect([w.item?.casterId, w.error?.code]).toEqual(['other', 'CasterNotAllowed']);
  });
});
