// What a listing proves, where the built bundle's tests do not reach. A
// complete list, and each way the emulator spoils one (partial, without a
// Total, an entry without an ID, IDs in upper case), are
// test/integration/absence-proof.test.ts's; a resource's name and slot, and a
// slot found, empty or in an incomplete list, test/integration/slots.test.ts's.
import { findResource, findSlot, listedResources } from '../../../functions/delete-caster-video-resource/live/listing';

/** A listing of `ids`, the i-th at slot `slots[i]`. */
const listing = (ids: string[], slots: string[], total: unknown = ids.length) => {
  const read = listedResources({
    Total: total,
    VideoResources: { VideoResource: ids.map((ResourceId, i) => ({ ResourceId, LocationId: slots[i] })) },
  });
  if (!read) throw new Error('no listing');
  return read;
};

describe('listedResources', () => {
  it('is undefined for an answer without a list', () => {
    expect(listedResources({ RequestId: 'x' })).toBeUndefined();
  });

  it('reads a Total given as digits', () => {
    expect(listing(['a'], ['RV01'], '1').complete).toBe(true);
  });
});

describe('what a listing proves', () => {
  it('nothing of a resource when it names one ID twice', () => {
    expect(findResource(listing(['a', 'a'], ['RV01', 'RV02']), 'b').kind).toBe('unknown');
  });

  it('nothing of the ID it names twice, at either of its slots', () => {
    const twice = listing(['a', 'a', 'a'], ['RV02', 'RV01', 'RV03']);
    expect([findResource(twice, 'a').kind, findSlot(twice, 'RV02').kind]).toEqual(['unknown', 'unknown']);
  });

  it('nothing of a slot where it lists two resources', () => {
    expect(findSlot(listing(['a', 'b'], ['RV01', 'RV01']), 'RV01').kind).toBe('unknown');
  });
});
