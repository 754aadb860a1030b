import { listedResources, presence } from '../../../functions/delete-caster-video-resource/live/listing';

const body = (ids: unknown[], total: unknown = ids.length) => ({
  Total: total,
  VideoResources: { VideoResource: ids.map((ResourceId) => ({ ResourceId })) },
});
const listing = (ids: unknown[], total?: unknown) => {
  const read = listedResources(body(ids, total));
  if (!read) throw new Error('no listing');
  return read;
};

describe('listedResources', () => {
  it('is undefined for an answer without a list', () => {
    expect(listedResources({ RequestId: 'x' })).toBeUndefined();
  });

  it('is complete when Total counts what it lists', () => {
    expect(listing(['a', 'b']).complete).toBe(true);
  });

  it('reads a Total given as digits', () => {
    expect(listing(['a'], '1').complete).toBe(true);
  });

  it('is incomplete when Total says there are more', () => {
    expect(listing(['a'], 2).complete).toBe(false);
  });

  it('is incomplete without a Total', () => {
    expect(listedResources({ VideoResources: { VideoResource: [{ ResourceId: 'a' }] } })?.complete).toBe(false);
  });

  it('is incomplete when an entry has no ID', () => {
    expect(listing(['a', null]).complete).toBe(false);
  });
});

describe('presence', () => {
  it('is present when listed exactly', () => {
    expect(presence(listing(['a']), 'a')).toBe('present');
  });

  it('is absent when a complete list leaves it out', () => {
    expect(presence(listing(['a']), 'b')).toBe('absent');
  });

  it('is unknown when an incomplete list leaves it out', () => {
    expect(presence(listing(['a'], 5), 'b')).toBe('unknown');
  });

  it('is unknown when the list holds it only in another letter case', () => {
    expect(presence(listing(['A']), 'a')).toBe('unknown');
  });
});
