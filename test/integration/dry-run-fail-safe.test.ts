// A dry run never becomes a delete, where the generative property
// (test/property/one-reading.property.test.ts) does not reach: the items of a
// list, and the README's own example of fields beside a wrapped message.

import { cloudEvent, httpEvent, plainPayload } from '../../dev/events';
import { CASTER, deleteRequests, firstItem, useLive } from '../support/harness';

const live = useLive();
const RES = 'demo-resource-1';
const item = (dryRun: unknown) => ({ CasterId: CASTER, ResourceId: RES, DryRun: dryRun });

const answer = (event: unknown) => firstItem(live, event);

async function expectRefused(event: unknown) {
  const out = await answer(event);
  expect(out).toMatchObject({ ok: false, error: { code: 'InvalidRequest' } });
  expect(out.error.details.map((d: { field: string }) => d.field)).toContainEqual(expect.stringContaining('DryRun'));
  expect(deleteRequests(live)).toEqual([]);
}

describe("a list item's DryRun", () => {
  it.each([
    ['null in an Items entry', plainPayload({ Items: [item(null)] })],
    ['null in a bare list entry', cloudEvent([item(null)])],
  ])('is refused when present but empty: %s', async (_name, event) => {
    await expectRefused(event);
  });

  it.each([
    ['?DryRun=true', httpEvent({ body: { Items: [item(false)] }, query: { DryRun: 'true' } })],
    ["the request's DryRun true", plainPayload({ DryRun: true, Items: [item(false)] })],
  ])('is refused when its false disagrees with %s', async (_name, event) => {
    await expectRefused(event);
  });
});

describe('fields beside a wrapped message count for it', () => {
  const message = JSON.stringify({ CasterId: CASTER, ResourceId: RES });

  it('{"DryRun": true, "body": …} stays a dry run', async () => {
    expect(await answer(plainPayload({ DryRun: true, body: message }))).toMatchObject({
      ok: true,
      outcome: 'would_delete',
      dryRun: true,
    });
    expect(deleteRequests(live)).toEqual([]);
  });

  it('a RegionId beside the message is kept', async () => {
    const out = await answer(plainPayload({ RegionId: 'cn-beijing', DryRun: true, body: message }));
    expect(out).toMatchObject({ ok: true, regionId: 'cn-beijing' });
  });
});
