import { MAX_ITEMS_READ, type Planning, planWork } from '../../../functions/delete-caster-video-resource/request/plan';
import type { DeliveredRecord, Plan, Work } from '../../../functions/delete-caster-video-resource/types';
import { live } from '../../support/work';

// ALLOWED_CASTER_IDS, a bad record of a batch beside good ones, and the 100
// items of an HTTP request in all are test/integration/authorization.test.ts's,
// envelopes.test.ts's and http-limits.test.ts's.

const planning: Planning = { limits: 'delivery', defaultRegion: 'cn-shanghai', allowedCasterIds: undefined };
const message = (payload: unknown): DeliveredRecord => ({
  kind: 'message',
  payload,
  given: [],
  problems: [],
  identity: {},
});
const single = (payload: unknown) => planWork({ shape: 'single', record: message(payload) }, planning);
const batch = (records: DeliveredRecord[]) => planWork({ shape: 'batch', records }, planning);
const workOf = (plan: Plan): readonly Work[] => (plan.shape === 'single' ? [plan.work] : plan.work);
const summary = (w: Work) =>
  w.kind === 'live' && w.item.kind === 'resource' ? w.item.resourceId : w.kind === 'refused' ? w.error.code : 'slot';

describe('planWork', () => {
  it('plans one item to run against Live, answered alone', () => {
    expect(single({ CasterId: 'c', ResourceId: 'r' })).toEqual({ shape: 'single', work: live() });
  });

  it('answers a request that names a list as a batch', () => {
    expect(single({ CasterId: 'c', ResourceIds: ['a'] }).shape).toBe('batch');
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

  it('refuses only the bad entries of a list, each at its place', () => {
    const plan = single({ Items: [{ CasterId: 'c', ResourceId: 'ok' }, { CasterId: 'c', ResourceId: 'bad id!' }, 7] });
    expect(workOf(plan).map((w) => [w.origin.index, summary(w)])).toEqual([
      [0, 'ok'],
      [1, 'InvalidRequest'],
      [2, 'InvalidRequest'],
    ]);
  });

  it(`leaves the items of a list past ${MAX_ITEMS_READ} in a delivery NotAttempted, echoing their IDs`, () => {
    const list = (n: number) =>
      message({ CasterId: 'c', ResourceIds: Array.from({ length: 99 }, (_, i) => `r${n}-${i}`) });
    const whole = Math.floor(MAX_ITEMS_READ / 99);
    const work = workOf(batch(Array.from({ length: whole + 1 }, (_, n) => list(n))));
    const left = MAX_ITEMS_READ - whole * 99;
    expect(work.slice(whole * 99).map(summary)).toEqual([
      ...Array.from({ length: left }, (_, i) => `r${whole}-${i}`),
      ...Array(99 - left).fill('NotAttempted'),
    ]);
    expect(work[whole * 99 + left]).toMatchObject({ resourceId: `r${whole}-${left}` });
  });

  it('reads no record past the budget', () => {
    const records = [
      ...Array.from({ length: MAX_ITEMS_READ }, (_, i) => message({ CasterId: 'c', ResourceId: `r${i}` })),
      message('TEST'),
    ];
    expect(workOf(batch(records))[MAX_ITEMS_READ]).toMatchObject({ casterId: null, error: { code: 'NotAttempted' } });
  });
});
