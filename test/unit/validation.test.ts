import { InvalidRequestError, type FieldProblem } from '../../functions/delete-caster-video-resource/errors';
import { readRequest } from '../../functions/delete-caster-video-resource/request-model';
import { resolveRegions, validateRequest } from '../../functions/delete-caster-video-resource/validation';

function validate(payload: unknown, batchOfEvents = false) {
  return validateRequest(readRequest(batchOfEvents ? (payload as unknown[]) : [payload], batchOfEvents));
}

function problemsOf(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(InvalidRequestError);
    return (err as InvalidRequestError).details as FieldProblem[];
  }
  throw new Error('expected InvalidRequestError');
}

describe('request model and validation', () => {
  it('accepts CasterId and ResourceId in either first-letter case', () => {
    expect(validate({ CasterId: 'c-1', ResourceId: 'r-1' })).toEqual([{ casterId: 'c-1', resourceId: 'r-1', regionId: undefined, dryRun: false }]);
    expect(validate({ casterId: 'c-1', resourceId: 'r-1', regionId: 'cn-beijing', dryRun: true })).toEqual([
      { casterId: 'c-1', resourceId: 'r-1', regionId: 'cn-beijing', dryRun: true },
    ]);
  });

  it('refuses the same field spelt twice with different values', () => {
    expect(problemsOf(() => validate({ CasterId: 'a', casterId: 'b', ResourceId: 'r' }))).toEqual([
      expect.objectContaining({ field: 'CasterId' }),
    ]);
  });

  it('reads a batch given as ResourceIds, keeping order and the shared caster', () => {
    const items = validate({ CasterId: 'c', ResourceIds: ['r2', 'r1'], DryRun: 'true' });
    expect(items.map((i) => [i.casterId, i.resourceId, i.dryRun])).toEqual([
      ['c', 'r2', true],
      ['c', 'r1', true],
    ]);
  });

  it('reads a batch given as Items, with top-level fields as defaults', () => {
    const items = validate({ CasterId: 'c', Items: [{ ResourceId: 'a' }, { CasterId: 'd', resourceId: 'b' }] });
    expect(items.map((i) => [i.casterId, i.resourceId])).toEqual([
      ['c', 'a'],
      ['d', 'b'],
    ]);
  });

  it('names each bad field with its place in the batch', () => {
    const problems = problemsOf(() => validate({ Items: [{ CasterId: 'c', ResourceId: 'ok' }, { CasterId: 'c', ResourceId: 'bad id!' }, 7] }));
    expect(problems).toEqual([
      { field: 'Items[2]', problem: expect.stringMatching(/object/) },
      { field: 'Items[1].ResourceId', problem: expect.stringMatching(/letters, digits/) },
    ]);
  });

  it('requires both IDs and checks their type, length and characters', () => {
    expect(problemsOf(() => validate({}))).toEqual([
      { field: 'CasterId', problem: 'is required' },
      { field: 'ResourceId', problem: 'is required' },
    ]);
    expect(problemsOf(() => validate({ CasterId: 12, ResourceId: ['r'] })).map((p) => p.problem)).toEqual([
      'must be a string (got number)',
      'must be a string (got array)',
    ]);
    expect(validate({ CasterId: 'x'.repeat(128), ResourceId: 'a_b.c:d-e' })).toHaveLength(1);
    expect(problemsOf(() => validate({ CasterId: 'x'.repeat(129), ResourceId: 'r' }))[0].problem).toMatch(/at most 128/);
    expect(problemsOf(() => validate({ CasterId: 'c/../d', ResourceId: 'r' }))[0].field).toBe('CasterId');
  });

  it('refuses a bad DryRun or RegionId', () => {
    expect(problemsOf(() => validate({ CasterId: 'c', ResourceId: 'r', DryRun: 'yes' }))).toEqual([{ field: 'DryRun', problem: 'must be true or false' }]);
    expect(problemsOf(() => validate({ CasterId: 'c', ResourceId: 'r', RegionId: 'Shanghai!' }))[0].field).toBe('RegionId');
  });

  it('holds a batch to 100 items and refuses an empty one', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `r${i}`);
    expect(validate({ CasterId: 'c', ResourceIds: ids(100) })).toHaveLength(100);
    expect(problemsOf(() => validate({ CasterId: 'c', ResourceIds: ids(101) }))).toEqual([
      { field: 'Items', problem: 'at most 100 items in one invocation (got 101)' },
    ]);
    expect(problemsOf(() => validate({ CasterId: 'c', ResourceIds: [] }))[0].problem).toMatch(/at least one/);
  });

  it('rejects the whole batch when one item is bad', () => {
    expect(() => validate({ CasterId: 'c', ResourceIds: ['good', ''] })).toThrow(InvalidRequestError);
  });

  it('flattens a batch of CloudEvents, each possibly a batch itself', () => {
    const items = validate([{ CasterId: 'c', ResourceId: 'a' }, { CasterId: 'c', ResourceIds: ['b', 'c'] }], true);
    expect(items.map((i) => i.resourceId)).toEqual(['a', 'b', 'c']);
    expect(problemsOf(() => validate([{ CasterId: 'c' }], true))[0].field).toBe('event[0].data.ResourceId');
  });

  it('never reads inherited or prototype keys as fields', () => {
    const hostile = JSON.parse('{"__proto__": {"CasterId": "evil"}, "constructor": {"ResourceId": "x"}}');
    expect(problemsOf(() => validate(hostile)).map((p) => p.field)).toEqual(['CasterId', 'ResourceId']);
    expect(({} as Record<string, unknown>).CasterId).toBeUndefined();
  });

  it('resolves the region from the request, else the configured default, else refuses', () => {
    const items = validate({ Items: [{ CasterId: 'c', ResourceId: 'a', RegionId: 'cn-beijing' }, { CasterId: 'c', ResourceId: 'b' }] });
    expect(resolveRegions(items, 'cn-shanghai').map((i) => i.regionId)).toEqual(['cn-beijing', 'cn-shanghai']);
    expect(() => resolveRegions(items, undefined)).toThrow(InvalidRequestError);
  });
});
