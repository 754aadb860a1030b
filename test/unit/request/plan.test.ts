import { type Planning, planWork } from '../../../functions/delete-caster-video-resource/request/plan';
import type { DeliveredRecord, Plan, Records, Work } from '../../../functions/delete-caster-video-resource/types';

const planning: Planning = { limits: 'delivery', defaultRegion: 'cn-shanghai', allowedCasterIds: undefined };
const message = (payload: unknown, identity = {}): DeliveredRecord => ({
  kind: 'message',
  payload,
  given: [],
  identity,
});
const single = (payload: unknown, options: Partial<Planning> = {}) =>
  planWork({ shape: 'single', record: message(payload) }, { ...planning, ...options });
const batch = (records: DeliveredRecord[], options: Partial<Planning> = {}) =>
  planWork({ shape: 'batch', records }, { ...planning, ...options });
const workOf = (plan: Plan): readonly Work[] => (plan.shape === 'single' ? [plan.work] : plan.work);
const summary = (w: Work) => (w.kind === 'live' ? w.item.resourceId : w.error.code);

describe('planWork', () => {
  it('plans one item to run against Live, answered alone', () => {
    expect(single({ CasterId: 'c', ResourceId: 'r' })).toEqual({
      shape: 'single',
      work: {
        kind: 'live',
        origin: { index: 0, identity: {} },
        item: { casterId: 'c', resourceId: 'r', regionId: 'cn-shanghai', dryRun: false },
      },
    });
  });

  it('answers a request that names a list as a batch', () => {
    expect(single({ CasterId: 'c', ResourceIds: ['a'] }).shape).toBe('batch');
  });

  it('answers an array delivery as a batch', () => {
    expect(batch([message({ CasterId: 'c', ResourceId: 'a' })]).shape).toBe('batch');
  });

  it('answers a refused record alone', () => {
    expect(single({ CasterId: 'c', ResourceIds: [] })).toMatchObject({ shape: 'single', work: { kind: 'refused' } });
  });

  it('echoes the ID that was given when the other one is missing', () => {
    expect(single({ CasterId: 'c-1' }).work).toMatchObject({
      casterId: 'c-1',
      resourceId: null,
      error: { code: 'InvalidRequest' },
    });
  });

  it('echoes no ID that the refusal says is in doubt', () => {
    expect(single({ CasterId: 'a', casterid: 'b', ResourceId: 'r' }).work).toMatchObject({
      casterId: null,
      resourceId: 'r',
    });
  });

  it('refuses a caster outside ALLOWED_CASTER_IDS without a network call', () => {
    const plan = single({ CasterId: 'other', ResourceId: 'r' }, { allowedCasterIds: new Set(['mine']) });
    expect(plan.work).toMatchObject({ kind: 'refused', casterId: 'other', error: { code: 'CasterNotAllowed' } });
  });

  it('refuses only the bad entries of a list, each at its place', () => {
    const plan = single({ Items: [{ CasterId: 'c', ResourceId: 'ok' }, { CasterId: 'c', ResourceId: 'bad id!' }, 7] });
    expect(workOf(plan).map((w) => [w.origin.index, summary(w)])).toEqual([
      [0, 'ok'],
      [1, 'InvalidRequest'],
      [2, 'InvalidRequest'],
    ]);
  });

  it('runs the good records of a batch beside a bad one, keeping each identity', () => {
    const plan = batch([
      message({ CasterId: 'c', ResourceId: 'a' }, { id: 'e1' }),
      message('TEST', { id: 'e2' }),
      message({ CasterId: 'c', ResourceIds: ['b', 'c'] }, { id: 'e3' }),
    ]);
    expect(workOf(plan).map((w) => [w.origin.index, summary(w), w.origin.identity.id])).toEqual([
      [0, 'a', 'e1'],
      [1, 'InvalidRequest', 'e2'],
      [2, 'b', 'e3'],
      [3, 'c', 'e3'],
    ]);
  });

  it('leaves the items of a list past 1,000 in a delivery NotAttempted, echoing their IDs', () => {
    const list = (n: number, size: number) =>
      message({ CasterId: 'c', ResourceIds: Array.from({ length: size }, (_, i) => `r${n}-${i}`) });
    const work = workOf(batch([...Array.from({ length: 10 }, (_, n) => list(n, 99)), list(10, 100)]));
    expect(work.slice(990).map(summary)).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `r10-${i}`),
      ...Array(90).fill('NotAttempted'),
    ]);
    expect(work[1000]).toMatchObject({ resourceId: 'r10-10' });
  });

  it('reads no record past the budget', () => {
    const records = [
      ...Array.from({ length: 1000 }, (_, i) => message({ CasterId: 'c', ResourceId: `r${i}` })),
      message('TEST'),
    ];
    expect(workOf(batch(records))[1000]).toMatchObject({ casterId: null, error: { code: 'NotAttempted' } });
  });

  it("refuses an HTTP request's records past 100 items in all", () => {
    const records: Records = {
      shape: 'batch',
      records: [
        message({ CasterId: 'c', ResourceIds: Array.from({ length: 60 }, (_, i) => `a${i}`) }),
        message({ CasterId: 'c', ResourceIds: Array.from({ length: 60 }, (_, i) => `b${i}`) }),
      ],
    };
    expect(() => planWork(records, { ...planning, limits: 'request' })).toThrow(/at most 100 items in one request/);
  });
});
