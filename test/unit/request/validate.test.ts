// Each check of an item, with the words a caller reads. A valid item is
// plan.test.ts's; slots as an operator uses them, the region's order and a
// clear DryRun are test/integration/slots.test.ts's, events.test.ts's and fields.test.ts's.
import type { RawItem } from '../../../functions/delete-caster-video-resource/request/record';
import { given, validateItem } from '../../../functions/delete-caster-video-resource/request/validate';

type Fields = Partial<Extract<RawItem, { kind: 'fields' }>>;

function item(fields: Fields): RawItem {
  return {
    kind: 'fields',
    at: '',
    resourceAt: 'ResourceId',
    casterId: 'c',
    resourceId: 'r',
    regionId: undefined,
    dryRun: undefined,
    locationId: undefined,
    problems: [],
    ...fields,
  };
}
const problemsOf = (raw: RawItem, region: { default: string | undefined } = { default: 'cn-shanghai' }) => {
  const checked = validateItem(raw, region.default);
  return (checked.ok ? [] : checked.error.details) as Array<{ field: string; problem: string }>;
};
const problem = (field: string, text: string) => ({ field, problem: text });

describe('validateItem', () => {
  it('takes an ID of 128 characters of the allowed kinds', () => {
    expect(validateItem(item({ casterId: 'x'.repeat(128), resourceId: 'a_b.c:d-e' }), 'cn-shanghai').ok).toBe(true);
  });

  it.each<[string, Fields, unknown[]]>([
    [
      'requires both IDs',
      { casterId: undefined, resourceId: '' },
      [problem('CasterId', 'is required'), problem('ResourceId', 'is required')],
    ],
    [
      'names the type it got instead of a string',
      { casterId: 12, resourceId: ['r'] },
      [problem('CasterId', 'must be a string (got number)'), problem('ResourceId', 'must be a string (got array)')],
    ],
    [
      'refuses a longer ID',
      { casterId: 'x'.repeat(129) },
      [problem('CasterId', 'must be at most 128 characters (got 129)')],
    ],
    [
      'refuses an ID with other characters',
      { casterId: 'c/../d' },
      [problem('CasterId', 'may hold only letters, digits and _ . : -')],
    ],
    [
      'names the place a resource ID came from',
      { resourceId: 'bad id!', resourceAt: 'ResourceIds[3]' },
      [problem('ResourceIds[3]', 'may hold only letters, digits and _ . : -')],
    ],
    [
      'refuses a region that is not a region ID',
      { regionId: 'Shanghai!' },
      [problem('RegionId', 'must be a region ID such as cn-shanghai')],
    ],
    [
      'refuses a DryRun it cannot read rather than deleting',
      { dryRun: 'maybe' },
      [problem('DryRun', 'must be true or false')],
    ],
  ])('%s', (_name, fields, problems) => {
    expect(problemsOf(item(fields))).toEqual(problems);
  });

  it.each([null, '', '  '])('refuses an empty DryRun %p rather than deleting', (dryRun) => {
    expect(problemsOf(item({ dryRun }))).toEqual([problem('DryRun', 'is empty; give true or false, or leave it out')]);
  });

  it('refuses an item with no region anywhere', () => {
    expect(problemsOf(item({}), { default: undefined })).toEqual([
      problem('RegionId', 'is required: none in the request, LIVE_REGION, context.region or FC_REGION'),
    ]);
  });

  // RV02 itself, and a delete by slot alone, are test/integration/slots.test.ts's.
  it.each(['rv2', 'Rv012'])('refuses the ResourceId %s, shaped like a slot, naming LocationId', (resourceId) => {
    expect(problemsOf(item({ resourceId }))[0].problem).toMatch(/LocationId/);
  });

  it.each(['rv02', 'RV2', 'A1', 2])('refuses the LocationId %j', (locationId) => {
    expect(problemsOf(item({ locationId })).map((p) => p.field)).toEqual(['LocationId']);
  });
});

describe('given', () => {
  it.each([
    ['c-1', 'c-1'],
    [undefined, null],
    [7, null],
    ['bad id!', null],
  ])('echoes %p as %p', (value, echoed) => {
    expect(given(value)).toBe(echoed);
  });
});
