// How one record's request is read, where the built bundle's tests do not
// look. Reading fields in any case, a misspelt or look-alike name, a request
// that also wraps a message, prototype keys and over-long lists are
// test/integration/one-reading.test.ts's, events.test.ts's and the property's.
import { type ReadRecord, readRecord } from '../../../functions/delete-caster-video-resource/request/record';
import type { Given } from '../../../functions/delete-caster-video-resource/types';

const read = (payload: unknown, given: Given[] = []) =>
  readRecord({ kind: 'message', payload, given, problems: [], identity: {} });
const problemsOf = (record: ReadRecord) =>
  record.kind === 'refused' ? record.problems : record.kind === 'one' ? record.item.problems : [];
const itemsOf = (record: ReadRecord) =>
  record.kind === 'list' ? record.items : record.kind === 'one' ? [record.item] : [];

describe('readRecord', () => {
  it('keeps what the IDs read as, for the failure to echo', () => {
    expect(read({ CasterId: 'c', ResourceIds: ['r'], DryRn: true })).toMatchObject({ echo: { casterId: 'c' } });
  });

  it('lists the problems of its envelope with its own', () => {
    const record = { kind: 'message' as const, payload: { CasterId: 'c', DryRn: 1 }, given: [], identity: {} };
    const envelope = [{ field: 'dryrn', problem: 'is not a known field; did you mean DryRun?' }];
    expect(problemsOf(readRecord({ ...record, problems: envelope })).map((p) => p.field)).toEqual(['dryrn', 'DryRn']);
  });

  it('reads ResourceIds as items in order, each with the top-level fields', () => {
    expect(itemsOf(read({ CasterId: 'c', ResourceIds: ['r2', 'r1'], DryRun: 'true' }))).toMatchObject([
      { casterId: 'c', resourceId: 'r2', dryRun: 'true', resourceAt: 'ResourceIds[0]' },
      { casterId: 'c', resourceId: 'r1', dryRun: 'true', resourceAt: 'ResourceIds[1]' },
    ]);
  });

  it('reads Items in order, taking the top-level fields as defaults', () => {
    expect(
      itemsOf(read({ CasterId: 'c', Items: [{ ResourceId: 'a' }, { CasterId: 'c', resourceId: 'b' }] })),
    ).toMatchObject([
      { casterId: 'c', resourceId: 'a', at: 'Items[0].' },
      { casterId: 'c', resourceId: 'b', at: 'Items[1].' },
    ]);
  });

  it.each([
    ['CasterId', { CasterId: 'c', Items: [{ CasterId: 'd', ResourceId: 'b' }] }],
    ['DryRun', { DryRun: true, Items: [{ CasterId: 'c', ResourceId: 'b', DryRun: false }] }],
    ['RegionId', { RegionId: 'cn-beijing', Items: [{ CasterId: 'c', ResourceId: 'b', RegionId: 'cn-shanghai' }] }],
  ])("refuses an item whose %s differs from the request's", (field, payload) => {
    expect(itemsOf(read(payload))[0].problems).toEqual([
      { field: `Items[0].${field}`, problem: `differs from the request's ${field}` },
    ]);
  });

  it('marks an Items entry that is not an object as unreadable', () => {
    expect(itemsOf(read({ Items: [7] }))).toEqual([
      { kind: 'unreadable', problems: [{ field: 'Items[0]', problem: 'must be an object {CasterId, ResourceId}' }] },
    ]);
  });

  it('holds a list to 100 items', () => {
    const ids = Array.from({ length: 100 }, (_, i) => `r${i}`);
    expect(itemsOf(read({ CasterId: 'c', ResourceIds: ids }))).toHaveLength(100);
  });

  it.each([
    ['an empty list', { CasterId: 'c', ResourceIds: [] }, 'ResourceIds', 'must hold at least one item'],
    [
      'ResourceId beside ResourceIds',
      { CasterId: 'c', ResourceId: 'r', ResourceIds: ['a'] },
      'ResourceId',
      'give either ResourceId or ResourceIds, not both',
    ],
    [
      'Items beside ResourceIds',
      { Items: [], ResourceIds: ['a'] },
      'Items',
      'give either Items or ResourceIds, not both',
    ],
    ['a payload that is not an object', 'TEST', '(event)', 'must be a JSON object'],
  ])('refuses %s as a whole', (_name, payload, field, problem) => {
    expect(read(payload)).toMatchObject({ kind: 'refused', problems: [{ field, problem }] });
  });
});

describe('readRecord, with fields given beside the payload', () => {
  const path = (casterId: string, resourceId: string): Given[] => [
    { from: 'path', name: 'CasterId' as const, value: casterId },
    { from: 'path', name: 'ResourceId' as const, value: resourceId },
  ];
  const envelopeDryRun: Given[] = [{ from: 'envelope', name: 'DryRun', value: true }];

  it('takes one that agrees with the payload', () => {
    expect(problemsOf(read({ CasterId: 'c' }, path('c', 'r')))).toEqual([]);
  });

  it('refuses one that says otherwise, naming where', () => {
    expect(problemsOf(read({ CasterId: 'b' }, path('a', 'r')))).toEqual([
      { field: 'CasterId', problem: 'given differently in the path' },
    ]);
  });

  it('applies an envelope DryRun to every item of a list', () => {
    expect(itemsOf(read([{ CasterId: 'c', ResourceId: 'a' }], envelopeDryRun))[0]).toMatchObject({ dryRun: true });
  });

  it('refuses an envelope DryRun that an item of a list contradicts', () => {
    const contradicted = read([{ CasterId: 'c', ResourceId: 'a', DryRun: false }], envelopeDryRun);
    expect(itemsOf(contradicted)[0].problems).toHaveLength(1);
  });
});
